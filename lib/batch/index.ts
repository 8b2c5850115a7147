// The batch folder's front door: what the lead wires (runtime, seams) and what the routes and page use.
export { applyBatchMigrations } from './apply-batch-migrations';
export type { BatchDb } from './batch-db';
export { configureBatchRuntime, type BatchRuntime, type BatchRuntimeConfig } from './batch-runtime';
export { createBatchService, type BatchService } from './batch-service';
export { createLocalEngine, type LocalEngine } from './local-engine';
export { createProviderEngine, type ProviderEngine } from './provider-engine';
export { fetchRunLine } from './fetch-run-line';
export { catalogPrice, type PriceLine } from './price-line';
export type { RunLine, RunLineResult } from './run-line';
export { parseRateLimitHeaders } from './rate-limit-snapshot';
export { parseBatchJsonl } from './parse-batch-jsonl';
export { csvToJsonl } from './csv-to-jsonl';
export * as batchSchema from './schema';
