import { eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { gatewayKeys } from '../db/schema.ts';
import { simpleQueries } from '../db/simple-queries.ts';
import { trackWrite } from '../usage/pending-writes.ts';

const flushWindowMs = 100;
const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Writes a key's spend. On the embedded engine a statement with bound parameters costs ~0.9 ms more CPU
 * than a plain one (lib/db/insert-usage-rows.ts), and /v1 at one stream wrote about every other request;
 * the values here are a checked uuid, a finite number and an ISO date, so they go in as literals.
 */
async function writeSpend(db: Db, keyId: string, account: Account): Promise<void> {
  const simple = simpleQueries.get(db);
  if (simple !== undefined && uuidShape.test(keyId) && Number.isFinite(account.spendUsd)) {
    await simple(`UPDATE gateway_keys SET spend_usd = ${account.spendUsd}, period_start = '${account.periodStart.toISOString()}', last_used_at = now() WHERE id = '${keyId}'`);
    return;
  }
  await db.update(gatewayKeys).set({ spendUsd: account.spendUsd, periodStart: account.periodStart, lastUsedAt: new Date() }).where(eq(gatewayKeys.id, keyId));
}

/** A key's budget as this process holds it. */
interface Account {
  budgetUsd: number | null;
  spendUsd: number;
  reservedUsd: number;
  periodStart: Date;
  dirty: boolean;
  flushing: Promise<void> | undefined;
}

/** Budgets held in memory and written behind; only for a database no other process writes. */
export interface BudgetBook {
  /** Holds `amountUsd` for one call when spend plus holds is under the budget; true when admitted. */
  reserve(keyId: string, amountUsd: number, currentPeriodStart: Date): boolean | Promise<boolean>;
  /** Releases a hold and adds the real cost; the spend reaches the database after (see flushed). */
  settle(keyId: string, reservedUsd: number, actualUsd: number): void;
}

/**
 * The budgets of a process-private database (PGlite): that process is the only writer, so its
 * memory is the authority. The check and the hold are one synchronous step (nothing can run between
 * them), so concurrent calls overshoot by at most one reservation, as the conditional UPDATE does on
 * Postgres; holds never touch the database, and spend is written behind, coalesced per key.
 */
export function createBudgetBook(db: Db): BudgetBook {
  const accounts = new Map<string, Account>();
  const loading = new Map<string, Promise<Account | undefined>>();

  const load = (keyId: string) => {
    let pending = loading.get(keyId);
    if (pending === undefined) {
      pending = (async () => {
        const [row] = await db.select().from(gatewayKeys).where(eq(gatewayKeys.id, keyId)).limit(1);
        if (row === undefined) return undefined;
        // Holds of an earlier process ended with it: only this process's holds count.
        const account: Account = { budgetUsd: row.budgetUsd, spendUsd: row.spendUsd, reservedUsd: 0, periodStart: row.periodStart, dirty: false, flushing: undefined };
        accounts.set(keyId, account);
        return account;
      })().finally(() => loading.delete(keyId));
      loading.set(keyId, pending);
    }
    return pending;
  };

  const hold = (account: Account, amountUsd: number, currentPeriodStart: Date) => {
    if (account.periodStart < currentPeriodStart) {
      account.periodStart = currentPeriodStart;
      account.spendUsd = 0;
      account.reservedUsd = 0;
      account.dirty = true;
    }
    if (account.budgetUsd !== null && account.spendUsd + account.reservedUsd >= account.budgetUsd) return false;
    account.reservedUsd += amountUsd;
    return true;
  };

  const flush = (keyId: string, account: Account) => {
    if (account.flushing !== undefined) return;
    account.flushing = (async () => {
      // One write for the settlements of a short window (each write costs the embedded engine CPU).
      await new Promise((resolve) => setTimeout(resolve, flushWindowMs));
      // Writes the latest figures until none changed while a write was under way.
      while (account.dirty) {
        account.dirty = false;
        await writeSpend(db, keyId, account).catch((error: unknown) => console.error('[flint] could not write a budget', error));
      }
    })().finally(() => {
      account.flushing = undefined;
    });
    trackWrite(account.flushing);
  };

  return {
    reserve(keyId, amountUsd, currentPeriodStart) {
      const account = accounts.get(keyId);
      if (account !== undefined) return hold(account, amountUsd, currentPeriodStart);
      return load(keyId).then((loaded) => loaded !== undefined && hold(loaded, amountUsd, currentPeriodStart));
    },
    settle(keyId, reservedUsd, actualUsd) {
      const account = accounts.get(keyId);
      if (account === undefined) return;
      account.reservedUsd = Math.max(0, account.reservedUsd - reservedUsd);
      account.spendUsd += actualUsd;
      account.dirty = true;
      flush(keyId, account);
    },
  };
}
