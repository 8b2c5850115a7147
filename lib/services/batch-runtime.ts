import 'server-only';
import { configureBatchRuntime, configuredBatchRuntime, type BatchRuntime } from '@/lib/batch/batch-runtime';
import { sharedDatabase } from '@/lib/db/shared-database';
import { batchRuntimeConfig } from './batch-runtime-config';
import { processState } from '@/lib/process-state';

/**
 * The batch runtime the routes use, started once per process on the shared database (PGlite in FLINT_DATA_DIR or
 * Postgres), so batches survive restarts and instances on one Postgres share their lines.
 */
export function batchRuntime(): Promise<BatchRuntime> {
  const holder = processState<{ flintBatchDefault?: Promise<BatchRuntime> }>('batch.default', () => ({}));
  const running = configuredBatchRuntime();
  if (running) return running;
  holder.flintBatchDefault ??= (async () => {
    const database = await sharedDatabase();
    return configuredBatchRuntime() ?? configureBatchRuntime(batchRuntimeConfig(database));
  })().catch((error: unknown) => {
    holder.flintBatchDefault = undefined;
    throw error;
  });
  return holder.flintBatchDefault;
}
