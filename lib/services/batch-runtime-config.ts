import 'server-only';
import type { BatchRuntimeConfig } from '@/lib/batch/batch-runtime';
import { catalogPrice, type PriceLine } from '@/lib/batch/price-line';
import type { Database } from '@/lib/db/database';
import { env } from '@/lib/env';
import { recordUsage } from '@/lib/usage/record-usage';
import { gatewayBatchLine } from './gateway-batch-line';
import { providerLineUsage } from './provider-line-usage';
import { runtime } from '@/lib/server/runtime';

const syncPrice = catalogPrice(1);

/** A local line's cost: what the gateway billed it (`x_flint.cost_usd`, fallbacks included), else the catalog's price. */
const billedPrice: PriceLine = (completion, model) => {
  const cost = (completion.x_flint as { cost_usd?: unknown } | undefined)?.cost_usd;
  return typeof cost === 'number' && Number.isFinite(cost) ? cost : syncPrice(completion, model);
};

/**
 * The production batch wiring over a database: local lines through the gateway's chat service as the batch owner's key
 * (the service records each call in the ledger with surface `batch`), and Groq's Batch API as the provider engine when
 * GROQ_API_KEY is set, its lines entering the ledger at the batch price (50 %).
 */
export function batchRuntimeConfig(database: Database): BatchRuntimeConfig {
  const { db } = database;
  const { catalog } = runtime();
  const groq = env.groq.apiKey ? { baseURL: env.groq.baseURL, apiKey: env.groq.apiKey } : undefined;
  return {
    db,
    runLine: gatewayBatchLine({ database }),
    groq,
    isGroqModel: (model) => catalog.find(model)?.provider === 'groq',
    price: syncPrice,
    localEngine: { price: billedPrice },
    onProviderLineFinished: (batch, line) => recordUsage(providerLineUsage(batch, line), db),
  };
}
