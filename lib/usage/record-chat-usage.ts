import type { ModelEntry } from '../ai/catalog/model-entry';
import type { FallbackTrace } from '../ai/fallback/fallback-trace';
import { openedDatabase } from '../db/shared-database.ts';
import { trackWrite } from './pending-writes.ts';
import { recordUsage } from './record-usage.ts';
import { traceLedgerFields } from './trace-ledger-fields.ts';
import { usageOfTrace } from './usage-of-trace.ts';

/** How a chat-page request ended, for its ledger row. */
export interface ChatUsageEnd {
  /** 'ok', 'aborted', 'interrupted' or `error:STATUS:CODE`. */
  status: string;
  durationMs: number;
  /** When the first token was ready, from the request's start; absent when none was. */
  ttftMs?: number | undefined;
  /** The gateway key the page's session is charged to, else anonymous. */
  key?: { id: string; prefix: string } | undefined;
}

/**
 * Writes the ledger row (surface `chat`) of one chat-page request, behind the reply. The server opens
 * the database at start (instrumentation.ts); where nothing opened it (unit tests, scripts) there is
 * no ledger to write and the row is skipped rather than opening a database for it.
 */
export function recordChatUsage(trace: FallbackTrace, find: (id: string) => ModelEntry | undefined, end: ChatUsageEnd): void {
  const database = openedDatabase();
  if (database === undefined) return;
  const usage = usageOfTrace(trace, find);
  const row = {
    keyId: end.key?.id ?? null,
    keyPrefix: end.key?.prefix ?? null,
    surface: 'chat' as const,
    ...traceLedgerFields(trace, usage, end),
  };
  trackWrite(database.then(({ db }) => recordUsage(row, db), () => undefined));
}
