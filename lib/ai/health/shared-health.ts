import type { Store } from '@/lib/store/store';
import type { OpenCause } from './breaker';
import { createHealthRegistry, type HealthModel, type HealthOptions, type HealthRegistry, type HealthSnapshot } from './health';

/** A registry whose open breakers and retry-after windows are shared with every instance on the same Store. */
export type SharedHealth = HealthRegistry & {
  /** Reads the shared windows into the local mirror (the timer does this every `refreshMs`). */
  refresh(): Promise<void>;
  /** Resolves once this instance's own openings have reached the Store. */
  flush(): Promise<void>;
  close(): void;
};

/** Options of {@link createSharedHealth}. */
export type SharedHealthOptions = HealthOptions & {
  /** The models whose shared windows the mirror follows (the catalog). */
  models: () => readonly HealthModel[];
  refreshMs?: number;
};

type SharedWindow = { until: number; cause: OpenCause };
type Mirrored = SharedWindow & { model: HealthModel };

const keyOf = (model: HealthModel) => `${model.provider}:${model.id}`;
const storeKey = (key: string) => `flint:breaker:${key}`;

/**
 * Health for several instances. The hot path stays synchronous and local: `admit` reads this
 * process's breakers plus a mirror of the windows other instances opened. When a breaker opens here
 * (a 429's retry-after, a failure window, a model gone), its `until` and cause are written to the
 * Store with a TTL of exactly that window; every instance re-reads them every `refreshMs`.
 * Consistency window: an instance learns of another's opening within `refreshMs` (1 s by default)
 * plus one Redis round trip; calls in that gap may still reach the model and are judged as usual.
 * Failure counts of the sliding window stay per instance: only the verdict (open until) is shared.
 * With a memory Store there is one instance, so nothing is published or mirrored.
 */
export function createSharedHealth(store: Store, options: SharedHealthOptions): SharedHealth {
  const local = createHealthRegistry(options);
  const now = options.now ?? Date.now;
  const mirror = new Map<string, Mirrored>();
  const pending = new Set<Promise<void>>();
  const shared = store.backend === 'redis';

  function remoteOpen(model: HealthModel, at: number): SharedWindow | undefined {
    const window = mirror.get(keyOf(model));
    return window !== undefined && window.until > at ? window : undefined;
  }

  function publish(model: HealthModel) {
    if (!shared) return;
    const key = keyOf(model);
    const entry = local.snapshot().models.find((candidate) => candidate.key === key);
    if (entry?.state !== 'open' || entry.until === undefined) return;
    const window: SharedWindow = { until: entry.until, cause: entry.openCause ?? 'failures' };
    const known = mirror.get(key);
    if (known !== undefined && known.until >= window.until) return;
    mirror.set(key, { ...window, model });
    const write = store.set(storeKey(key), JSON.stringify(window), Math.max(1, window.until - now())).catch(() => undefined)
      .finally(() => pending.delete(write));
    pending.add(write);
  }

  async function refresh() {
    if (!shared) return;
    const models = options.models();
    const windows = await Promise.all(models.map((model) => store.get(storeKey(keyOf(model))).catch(() => undefined)));
    models.forEach((model, index) => {
      const text = windows[index];
      const key = keyOf(model);
      if (text === undefined) return void mirror.delete(key);
      try {
        const window = JSON.parse(text) as SharedWindow;
        if (typeof window.until === 'number') mirror.set(key, { until: window.until, cause: window.cause, model });
      } catch {
        mirror.delete(key);
      }
    });
  }

  const timer = shared ? setInterval(() => void refresh(), options.refreshMs ?? 1_000) : undefined;
  timer?.unref();

  return {
    admit(model) {
      const at = now();
      const window = remoteOpen(model, at);
      if (window !== undefined) return { admitted: false, reason: 'open', cause: window.cause, until: window.until, retryAfterMs: window.until - at };
      return local.admit(model);
    },
    recordSuccess: (model) => local.recordSuccess(model),
    recordFailure(model, failure) {
      local.recordFailure(model, failure);
      publish(model);
    },
    release: (model) => local.release(model),
    isMisconfigured: (provider) => local.isMisconfigured(provider),
    snapshot(models): HealthSnapshot {
      // Models only another instance has called still show their shared window here.
      const snapshot = local.snapshot([...(models ?? []), ...[...mirror.values()].map((window) => window.model)]);
      const at = now();
      return {
        ...snapshot,
        models: snapshot.models.map((entry) => {
          const window = remoteOpen({ provider: entry.provider, id: entry.modelId }, at);
          if (window === undefined || (entry.state === 'open' && (entry.until ?? 0) >= window.until)) return entry;
          return { ...entry, state: 'open' as const, until: window.until, openCause: window.cause };
        }),
      };
    },
    refresh,
    async flush() {
      await Promise.all([...pending]);
    },
    close() {
      if (timer !== undefined) clearInterval(timer);
    },
  };
}
