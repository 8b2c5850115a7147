import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { acceptProviderKey } from './auth.ts';
import type { EmulatorServices } from './call-context.ts';
import { withBudgetOverrides } from './budget-overrides.ts';
import { createFaultStore } from './faults.ts';
import { defaultModels } from './models.ts';
import { createPacer } from './pacer.ts';
import { createRateLimits } from './rate-limits.ts';
import { createRequestLog } from './request-log.ts';
import { createRouter } from './router.ts';
import type { EmulatorOptions, FaultSpec, RequestLogEntry } from './types.ts';

/** A running emulator and the handles tests use to steer it. */
export type RunningEmulator = {
  /** http://127.0.0.1:PORT */
  url: string;
  /** url + '/openai/v1', for @ai-sdk/groq and fetch; groq-sdk wants the bare `url`. */
  groqBaseURL: string;
  /** url + '/v1', for openai and @ai-sdk/openai. */
  openaiBaseURL: string;
  faults: { add(spec: FaultSpec): void; clear(): void; list(): FaultSpec[] };
  requests: { list(): RequestLogEntry[]; clear(): void };
  close(): Promise<void>;
};

/** Starts the Groq/OpenAI wire emulator on 127.0.0.1. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const services: EmulatorServices = {
    settings: {
      speed: options.speed ?? 1,
      transcript: options.transcript,
      models: options.models ?? defaultModels,
      acceptKey: options.acceptKey ?? acceptProviderKey,
    },
    pacer: createPacer(),
    rateLimits: withBudgetOverrides(createRateLimits(options.rateClock)),
    faults: createFaultStore(),
    requestLog: createRequestLog(),
  };
  for (const fault of options.faults ?? []) services.faults.add(fault);

  const server = createServer({ keepAliveTimeout: 5_000 }, createRouter(services));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    groqBaseURL: `${url}/openai/v1`,
    openaiBaseURL: `${url}/v1`,
    faults: {
      add: (spec) => services.faults.add(spec),
      clear: () => services.faults.clear(),
      list: () => services.faults.list(),
    },
    requests: { list: () => services.requestLog.list(), clear: () => services.requestLog.clear() },
    close: () => new Promise<void>((resolve, reject) => {
      services.pacer.stop();
      server.close((error) => (error ? reject(error) : resolve()));
      // Open streams and stalled calls would otherwise keep close() waiting.
      server.closeAllConnections();
    }),
  };
}
