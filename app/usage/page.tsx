import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { UsageDashboard } from '@/components/usage/usage-dashboard';
import { UsageLogin } from '@/components/usage/usage-login';
import { sharedDatabase } from '@/lib/db/shared-database';
import { mayViewUsage, usageCookie } from '@/lib/usage/usage-access';
import { usageReport } from '@/lib/usage/usage-report';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Usage · Flint' };

/** /usage: spend, requests, fallbacks and latency from the cost ledger (admin only, open in demo mode). */
export default async function UsagePage({ searchParams }: { searchParams: Promise<{ denied?: string }> }) {
  const token = (await cookies()).get(usageCookie)?.value;
  if (!(await mayViewUsage(token === undefined ? undefined : decodeURIComponent(token)))) {
    return <UsageLogin denied={(await searchParams).denied === '1'} />;
  }
  const report = await usageReport((await sharedDatabase()).db);
  return <UsageDashboard report={report} />;
}
