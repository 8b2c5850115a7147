import type { Metadata } from 'next';
import { BatchesApp } from '@/components/batches/batches-app';

export const metadata: Metadata = { title: 'Batches · Flint' };
// Rendered per request: the Content-Security-Policy's nonce (proxy.ts) must reach Next's scripts, or none run.
export const dynamic = 'force-dynamic';

/** The /batches page: uploads, live progress and downloads all run in the browser against /v1. */
export default function BatchesPage() {
  return <BatchesApp />;
}
