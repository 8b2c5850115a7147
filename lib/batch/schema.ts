import { sql } from 'drizzle-orm';
import { doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** Uploaded input files and generated output/error files (content kept inline: batch files are at most 200 MB). */
export const batchFiles = pgTable('batch_files', {
  id: text('id').primaryKey(),
  /** The caller that uploaded it (a gateway key id, or 'demo'); results files inherit the batch's owner. */
  owner: text('owner').notNull(),
  filename: text('filename').notNull(),
  purpose: text('purpose').$type<'batch' | 'batch_output'>().notNull(),
  bytes: integer('bytes').notNull(),
  lineCount: integer('line_count').notNull(),
  content: text('content').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The batch statuses of OpenAI's and Groq's Batch API. */
export type BatchStatus = 'validating' | 'failed' | 'in_progress' | 'finalizing' | 'completed' | 'expired' | 'cancelling' | 'cancelled';

/** Which engine runs a batch. */
export type BatchEngine = 'local' | 'provider';

/** One batch: its request, status, timestamps, counts, cost and, for the provider engine, the upstream batch. */
export const batches = pgTable('batch_batches', {
  id: text('id').primaryKey(),
  owner: text('owner').notNull(),
  engine: text('engine').$type<BatchEngine>().notNull(),
  status: text('status').$type<BatchStatus>().notNull(),
  endpoint: text('endpoint').notNull(),
  inputFileId: text('input_file_id').notNull().references(() => batchFiles.id),
  completionWindow: text('completion_window').notNull(),
  metadata: jsonb('metadata').$type<Record<string, string>>(),
  errors: jsonb('errors').$type<Array<{ code: string; message: string; line: number | null; param: string | null }>>(),
  outputFileId: text('output_file_id'),
  errorFileId: text('error_file_id'),
  providerBatchId: text('provider_batch_id'),
  total: integer('total').notNull().default(0),
  completed: integer('completed').notNull().default(0),
  failed: integer('failed').notNull().default(0),
  costUsd: doublePrecision('cost_usd').notNull().default(0),
  estimatedCostUsd: doublePrecision('estimated_cost_usd').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  inProgressAt: timestamp('in_progress_at', { withTimezone: true }),
  finalizingAt: timestamp('finalizing_at', { withTimezone: true }),
  completedAt: timestamp('completed_at', { withTimezone: true }),
  failedAt: timestamp('failed_at', { withTimezone: true }),
  expiredAt: timestamp('expired_at', { withTimezone: true }),
  cancellingAt: timestamp('cancelling_at', { withTimezone: true }),
  cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
}, (table) => [index('batch_batches_owner_created_idx').on(table.owner, table.createdAt), index('batch_batches_status_idx').on(table.status)]);

/** A line's state in the local engine's queue. */
export type LineStatus = 'pending' | 'running' | 'completed' | 'failed' | 'cancelled';

/** What a finished line holds: the provider-shaped response or error, as written to the output and error files. */
export type LineResult =
  | { response: { status_code: number; request_id: string; body: Record<string, unknown> }; error: null }
  | { response: { status_code: number; request_id: string; body: Record<string, unknown> } | null; error: { code: string; message: string } };

/** One request line of a batch, claimed by one engine instance at a time. */
export const batchLines = pgTable('batch_lines', {
  id: text('id').primaryKey(),
  batchId: text('batch_id').notNull().references(() => batches.id, { onDelete: 'cascade' }),
  lineNumber: integer('line_number').notNull(),
  customId: text('custom_id').notNull(),
  body: jsonb('body').$type<Record<string, unknown>>().notNull(),
  status: text('status').$type<LineStatus>().notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  claimedBy: text('claimed_by'),
  claimedAt: timestamp('claimed_at', { withTimezone: true }),
  /** A retry waits until then. */
  notBefore: timestamp('not_before', { withTimezone: true }).notNull().default(sql`now()`),
  result: jsonb('result').$type<LineResult>(),
  costUsd: doublePrecision('cost_usd').notNull().default(0),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
}, (table) => [
  uniqueIndex('batch_lines_batch_custom_id_idx').on(table.batchId, table.customId),
  index('batch_lines_batch_status_idx').on(table.batchId, table.status, table.lineNumber),
]);
