import type { Metadata } from 'next';
import { BatchesApp } from '@/components/batches/batches-app';

export const metadata: Metadata = { title: 'Batches · Flint' };

/** The /batches page: uploads, live progress and downloads all run in the browser against /v1. */
export default function BatchesPage() {
  return <BatchesApp />;
}
