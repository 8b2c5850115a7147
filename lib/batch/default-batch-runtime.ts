import 'server-only';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { createCatalog } from '../ai/catalog/catalog';
import { env } from '../env';
import { applyBatchMigrations } from './apply-batch-migrations';
import { configureBatchRuntime, configuredBatchRuntime, type BatchRuntime } from './batch-runtime';
import { fetchRunLine } from './fetch-run-line';
import { catalogPrice } from './price-line';

/**
 * The batch runtime the routes use. Until the lead calls configureBatchRuntime with lib/db's handle and the gateway's
 * chat service, it runs on an in-memory PGlite database with lines sent straight to the configured Groq base URL.
 */
export function batchRuntime(): Promise<BatchRuntime> {
  const holder = globalThis as { flintBatchDefault?: Promise<BatchRuntime> };
  const running = configuredBatchRuntime();
  if (running) return running;
  holder.flintBatchDefault ??= startDefault();
  return holder.flintBatchDefault;
}

async function startDefault(): Promise<BatchRuntime> {
  const db = drizzle({ client: new PGlite() });
  await applyBatchMigrations(db);
  const catalog = createCatalog();
  const groq = env.groq.apiKey ? { baseURL: env.groq.baseURL, apiKey: env.groq.apiKey } : undefined;
  return configuredBatchRuntime() ?? configureBatchRuntime({
    db,
    runLine: fetchRunLine(groq ?? { baseURL: env.groq.baseURL, apiKey: '' }),
    groq,
    isGroqModel: (model) => catalog.find(model)?.provider === 'groq',
    price: catalogPrice(1),
  });
}
