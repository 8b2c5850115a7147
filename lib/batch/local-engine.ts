import { randomUUID } from 'node:crypto';
import type { BatchDb } from './batch-db';
import { batchQueries, type BatchRow } from './batch-queries';
import { createEventHub, type EngineEvent } from './engine-events';
import { estimateLineTokens } from './estimate-line-tokens';
import { finalizeBatch } from './finalize-batch';
import { lineQueue, type LineRow } from './line-queue';
import { catalogPrice, type PriceLine } from './price-line';
import { createRateGovernor, type RateGovernor } from './rate-governor';
import { isRetryableStatus, type RunLine, type RunLineResult } from './run-line';
import type { LineResult } from './schema';

/** How a local engine instance runs. */
export type LocalEngineOptions = {
  db: BatchDb;
  runLine: RunLine;
  /** Names this instance in line claims; unique per process. */
  workerId?: string;
  /** Lines this instance holds at once, across batches; each model's governor may allow fewer. */
  maxInFlight?: number;
  /** Attempts per line before a retryable failure is final. */
  maxAttempts?: number;
  /** A claim older than this is taken to belong to a dead instance and is claimed again. */
  leaseMs?: number;
  /** How often an idle engine looks for new batches (another instance may have created one). */
  idlePollMs?: number;
  price?: PriceLine;
  /** Called once per finished line, with its cost: the seam for the cost ledger. */
  onLineFinished?: (line: LineRow, result: LineResult, costUsd: number) => Promise<void> | void;
  now?: () => number;
};

/** A running local engine: lines go through `runLine` under the providers' rate limits. */
export type LocalEngine = {
  start(): void;
  /** Stops claiming at once, gives back lines not yet sent, waits for lines in flight to be recorded. */
  stop(): Promise<void>;
  /** Looks for work now (call after creating or cancelling a batch). */
  wake(): void;
  on(listener: (event: EngineEvent) => void): () => void;
  /** Resolves when this engine sees the batch reach a final status. */
  finished(batchId: string): Promise<BatchRow>;
};

function lineResult(result: RunLineResult): LineResult {
  if (result.ok) return { response: { status_code: 200, request_id: result.requestId, body: result.body }, error: null };
  const response = result.status > 0 ? { status_code: result.status, request_id: result.requestId ?? '', body: { error: { message: result.error.message, code: result.error.code } } } : null;
  return { response, error: result.error };
}

const finalStatuses: string[] = ['completed', 'failed', 'expired', 'cancelled'];

function backoffMs(attempt: number): number {
  return Math.min(30_000, 500 * 2 ** (attempt - 1));
}

/** Creates a local engine instance over the shared batch tables; several instances may share one database. */
export function createLocalEngine(options: LocalEngineOptions): LocalEngine {
  const worker = options.workerId ?? `local-${randomUUID()}`;
  const maxInFlight = options.maxInFlight ?? 16;
  const maxAttempts = options.maxAttempts ?? 6;
  const leaseMs = options.leaseMs ?? 10 * 60_000;
  const idlePollMs = options.idlePollMs ?? 1_000;
  const price = options.price ?? catalogPrice(1);
  const now = options.now ?? Date.now;
  const batches = batchQueries(options.db);
  const queue = lineQueue(options.db);
  const hub = createEventHub();
  const governors = new Map<string, RateGovernor>();
  const inFlight = new Map<string, Promise<void>>();
  const stopping = new AbortController();
  const watched = new Set<string>();
  let loop: Promise<void> | undefined;
  let dirty = false;
  let wakeWaiter: () => void = () => {};
  // A poke during a pass makes the loop go round again at once instead of sleeping.
  const poke = () => {
    dirty = true;
    wakeWaiter();
  };

  const governorFor = (model: string) => {
    let governor = governors.get(model);
    if (!governor) governors.set(model, (governor = createRateGovernor({ maxConcurrency: maxInFlight })));
    return governor;
  };

  async function runOne(batch: BatchRow, line: LineRow): Promise<void> {
    const model = String(line.body.model ?? '');
    let permit;
    try {
      permit = await governorFor(model).acquire(estimateLineTokens(line.body), stopping.signal);
    } catch {
      // Stopped before sending: the line goes back untouched for the next instance.
      await queue.retryLater(line.id, worker, new Date(now()));
      return;
    }
    const current = await batches.get(line.batchId);
    if (current?.status !== 'in_progress') {
      permit.done({});
      await queue.cancel(line.id, worker, new Date(now()));
      return;
    }
    let result: RunLineResult;
    try {
      result = await options.runLine(line.body, { batchId: line.batchId, customId: line.customId, owner: batch.owner, signal: new AbortController().signal });
    } catch {
      result = { ok: false, status: 0, error: { code: 'connection_error', message: 'The request could not be completed.' } };
    }
    permit.done({ snapshot: result.rateLimit, rateLimited: !result.ok && result.status === 429, retryAfterMs: result.ok ? undefined : result.retryAfterMs });
    if (!result.ok && isRetryableStatus(result.status) && line.attempts < maxAttempts) {
      const retryAt = now() + (stopping.signal.aborted ? 0 : result.retryAfterMs ?? backoffMs(line.attempts));
      await queue.retryLater(line.id, worker, new Date(retryAt));
      hub.emit({ type: 'line-retry', batchId: line.batchId, customId: line.customId, status: result.status, retryAt });
      return;
    }
    const costUsd = result.ok ? price(result.body, model) : 0;
    const stored = lineResult(result);
    if (await queue.finish(line, worker, { ok: result.ok, result: stored, costUsd }, new Date(now()))) {
      await options.onLineFinished?.(line, stored, costUsd);
      hub.emit({ type: 'line-finished', batchId: line.batchId, customId: line.customId, ok: result.ok, costUsd, status: result.ok ? 200 : result.status });
    }
  }

  function track(batch: BatchRow, line: LineRow) {
    const work = runOne(batch, line).catch((error: unknown) => console.error('batch: line failed unexpectedly', line.id, error)).finally(() => {
      inFlight.delete(line.id);
      poke();
    });
    inFlight.set(line.id, work);
  }

  async function pass(): Promise<number> {
    let idleFor = idlePollMs;
    for (const batch of await batches.active('local')) {
      if (stopping.signal.aborted) break;
      if (batch.status === 'in_progress' && now() < batch.expiresAt.getTime()) {
        const claimed = await queue.claim(batch.id, worker, maxInFlight - inFlight.size, new Date(now()), leaseMs);
        for (const line of claimed) track(batch, line);
        const next = await queue.nextRunnableAt(batch.id);
        if (next) idleFor = Math.min(idleFor, Math.max(0, next.getTime() - now()));
      }
      const finished = await finalizeBatch(options.db, batch.id, new Date(now()));
      if (finished) hub.emit({ type: 'batch-finished', batch: finished });
    }
    // Batches another instance closed.
    for (const id of watched) {
      const row = await batches.get(id);
      if (row && finalStatuses.includes(row.status)) hub.emit({ type: 'batch-finished', batch: row });
    }
    return idleFor;
  }

  async function run(): Promise<void> {
    while (!stopping.signal.aborted) {
      let idleFor = idlePollMs;
      dirty = false;
      try {
        idleFor = await pass();
      } catch (error) {
        console.error('batch: local engine pass failed', error);
      }
      if (stopping.signal.aborted || dirty) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, idleFor);
        wakeWaiter = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wakeWaiter = () => {};
    }
  }

  return {
    start() {
      loop ??= run();
    },
    async stop() {
      stopping.abort();
      poke();
      await loop;
      await Promise.all(inFlight.values());
    },
    wake: () => poke(),
    on: (listener) => hub.on(listener),
    async finished(batchId) {
      watched.add(batchId);
      const done = hub.next((event): event is Extract<EngineEvent, { type: 'batch-finished' }> => event.type === 'batch-finished' && event.batch.id === batchId);
      const row = await batches.get(batchId);
      if (row && finalStatuses.includes(row.status)) return row;
      const event = await done;
      watched.delete(batchId);
      return event.batch;
    },
  };
}
