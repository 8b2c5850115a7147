import type { BatchDb } from './batch-db';
import { createBatchService, type BatchService } from './batch-service';
import type { GroqBatchConfig } from './groq-batch-client';
import { createLocalEngine, type LocalEngine, type LocalEngineOptions } from './local-engine';
import type { PriceLine } from './price-line';
import { createProviderEngine, type ProviderEngine, type ProviderEngineOptions } from './provider-engine';
import type { RunLine } from './run-line';
import { processState } from '../process-state';

/** Everything the batch API runs on; the lead builds it from lib/db, the gateway's chat service and the ledger. */
export type BatchRuntimeConfig = {
  /** The shared database handle (migrated by lib/db's runner, batch tables included). */
  db: BatchDb;
  /** Runs one line through Flint's chat pipeline. */
  runLine: RunLine;
  /** Groq's Batch API; without it every batch runs on the local engine. */
  groq?: GroqBatchConfig;
  isGroqModel: (model: string) => boolean;
  price: PriceLine;
  /** Ledger seams: called once per finished line with its cost. */
  onLocalLineFinished?: LocalEngineOptions['onLineFinished'];
  onProviderLineFinished?: ProviderEngineOptions['onLineFinished'];
  localEngine?: Partial<Pick<LocalEngineOptions, 'maxInFlight' | 'maxAttempts' | 'leaseMs' | 'heartbeatMs' | 'idlePollMs' | 'price'>>;
  providerPollMs?: number;
};

/** The running batch service and its engines. */
export type BatchRuntime = { service: BatchService; local: LocalEngine; provider?: ProviderEngine; stop(): Promise<void> };

const shared = processState<{ flintBatchRuntime?: Promise<BatchRuntime> }>('batch.runtime', () => ({}));

/** Builds and starts the batch runtime from its parts, replacing any running one (Next may load modules twice). */
export function configureBatchRuntime(config: BatchRuntimeConfig): Promise<BatchRuntime> {
  const previous = shared.flintBatchRuntime;
  shared.flintBatchRuntime = (async () => {
    if (previous) await (await previous).stop();
    const local = createLocalEngine({ db: config.db, runLine: config.runLine, onLineFinished: config.onLocalLineFinished, ...config.localEngine });
    const provider = config.groq ? createProviderEngine({ db: config.db, groq: config.groq, pollMs: config.providerPollMs, onLineFinished: config.onProviderLineFinished }) : undefined;
    const service = createBatchService({
      db: config.db,
      wake: (engine) => (engine === 'provider' ? provider?.wake() : local.wake()),
      providerConfigured: provider !== undefined,
      isGroqModel: config.isGroqModel,
      price: config.price,
    });
    local.start();
    provider?.start();
    return { service, local, provider, stop: async () => void (await Promise.all([local.stop(), provider?.stop()])) };
  })();
  return shared.flintBatchRuntime;
}

/** The configured runtime, or undefined before configureBatchRuntime ran. */
export function configuredBatchRuntime(): Promise<BatchRuntime> | undefined {
  return shared.flintBatchRuntime;
}
