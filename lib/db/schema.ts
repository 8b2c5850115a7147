import { bigserial, boolean, doublePrecision, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Gateway keys: only the SHA-256 of a key is stored; spend and reservations are per budget period. */
export const gatewayKeys = pgTable('gateway_keys', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  /** The first characters of the key (`flk_` + 8), shown in lists and accepted by revoke. */
  prefix: text('prefix').notNull().unique(),
  hash: text('hash').notNull().unique(),
  budgetUsd: doublePrecision('budget_usd'),
  period: text('period').notNull().default('month'),
  periodStart: timestamp('period_start', { withTimezone: true }).notNull().defaultNow(),
  spendUsd: doublePrecision('spend_usd').notNull().default(0),
  /** Cost held by calls in flight; released (and replaced by real spend) when each one settles. */
  reservedUsd: doublePrecision('reserved_usd').notNull().default(0),
  rpm: integer('rpm'),
  tpm: integer('tpm'),
  /** Comma-free list of catalog ids this key may call; null allows every model. */
  models: text('models').array(),
  /** Whether a bring-your-own-key call may fall back to the server's own provider credit. */
  allowServerFallback: boolean('allow_server_fallback').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});

/** The cost ledger: one row per request from every surface. */
export const usageLedger = pgTable(
  'usage_ledger',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    keyId: uuid('key_id'),
    keyPrefix: text('key_prefix'),
    surface: text('surface').notNull(),
    provider: text('provider'),
    model: text('model'),
    inputTokens: integer('input_tokens').notNull().default(0),
    cachedTokens: integer('cached_tokens').notNull().default(0),
    outputTokens: integer('output_tokens').notNull().default(0),
    costUsd: doublePrecision('cost_usd').notNull().default(0),
    ttftMs: integer('ttft_ms'),
    durationMs: integer('duration_ms').notNull().default(0),
    status: text('status').notNull(),
    fallbacks: integer('fallbacks').notNull().default(0),
    cacheHit: boolean('cache_hit').notNull().default(false),
    /** True when the token counts are estimates (an aborted stream's output). */
    estimated: boolean('estimated').notNull().default(false),
    byoKey: boolean('byo_key').notNull().default(false),
  },
  (table) => [index('usage_ledger_created_at').on(table.createdAt), index('usage_ledger_key').on(table.keyId, table.createdAt)],
);

/** Everything drizzle needs to know. */
export const schema = { gatewayKeys, usageLedger };
