import 'server-only';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/lib/db/database';
import { gatewayKeys } from '@/lib/db/schema';
import { createKey } from '@/lib/gateway/key-store';
import { processState } from '@/lib/process-state';

const demoKeyName = 'flint-batches-demo';
const shared = processState<{ flintDemoBatchOwner?: Promise<string> }>('batch.demo-owner', () => ({}));

/**
 * The /batches page's identity in demo mode: a real gateway key (no budget, created once and kept in the database)
 * whose id owns the page's files and batches, so demo lines run, are limited and are billed like any key's.
 */
export function demoBatchOwner(db: Db): Promise<string> {
  shared.flintDemoBatchOwner ??= (async () => {
    const find = async () => (await db.select({ id: gatewayKeys.id }).from(gatewayKeys).where(and(eq(gatewayKeys.name, demoKeyName), isNull(gatewayKeys.revokedAt))).orderBy(asc(gatewayKeys.createdAt)).limit(1))[0]?.id;
    const existing = await find();
    if (existing !== undefined) return existing;
    await createKey(db, { name: demoKeyName, period: 'month', allowServerFallback: false });
    // Two instances starting together may both create one: every instance settles on the oldest.
    const created = await find();
    if (created === undefined) throw new Error('The demo batch key could not be created.');
    return created;
  })().catch((error: unknown) => {
    shared.flintDemoBatchOwner = undefined;
    throw error;
  });
  return shared.flintDemoBatchOwner;
}
