import { sql } from 'drizzle-orm';
import type { Db } from './database.ts';
import type { usageLedger } from './schema.ts';
import { simpleQueries } from './simple-queries.ts';

type LedgerRow = Omit<typeof usageLedger.$inferInsert, 'id' | 'createdAt'>;

// The rows travel as one JSON document keyed like the drizzle columns; absent keys take the schema's defaults here.
const insertFrom = (json: string) => `INSERT INTO usage_ledger (key_id, key_prefix, surface, provider, model, input_tokens, cached_tokens,
  output_tokens, cost_usd, ttft_ms, duration_ms, status, fallbacks, cache_hit, estimated, byo_key)
SELECT "keyId", "keyPrefix", surface, provider, model, coalesce("inputTokens", 0), coalesce("cachedTokens", 0),
  coalesce("outputTokens", 0), coalesce("costUsd", 0), "ttftMs", coalesce("durationMs", 0), status, coalesce(fallbacks, 0),
  coalesce("cacheHit", false), coalesce(estimated, false), coalesce("byoKey", false)
FROM json_to_recordset(${json}::json) AS row("keyId" uuid, "keyPrefix" text, surface text, provider text, model text,
  "inputTokens" int, "cachedTokens" int, "outputTokens" int, "costUsd" float8, "ttftMs" int, "durationMs" int, status text,
  fallbacks int, "cacheHit" bool, estimated bool, "byoKey" bool)`;

/**
 * Appends ledger rows in one statement on either engine. The JSON goes in as a dollar-quoted literal (nothing in it is
 * ever SQL: the tag is one the text does not contain) because on PGlite a parameterised query costs ~700 µs of
 * extra CPU in protocol round trips, more than a batch's rows. Non-finite numbers are stored as their column's default.
 */
export async function insertUsageRows(db: Db, rows: readonly LedgerRow[]): Promise<void> {
  if (rows.length === 0) return;
  const json = JSON.stringify(rows);
  let tag = '$ledger$';
  while (json.includes(tag)) tag = `$ledger${Math.random().toString(36).slice(2, 10)}$`;
  const statement = insertFrom(`${tag}${json}${tag}`);
  const simple = simpleQueries.get(db);
  await (simple === undefined ? db.execute(sql.raw(statement)) : simple(statement));
}
