import { LRUCache } from 'lru-cache';
import type { Store } from './store';

/** Options for {@link createMemoryStore}. */
export type MemoryStoreOptions = { maxBytes?: number; now?: () => number };

/** A Store in this process's memory, bounded by bytes so an outage fallback or a busy cache cannot grow without end. */
export function createMemoryStore(options: MemoryStoreOptions = {}): Store {
  const entries = new LRUCache<string, string>({
    maxSize: options.maxBytes ?? 64 * 1024 * 1024,
    sizeCalculation: (value, key) => Math.max(1, (value.length + key.length) * 2),
    // An injected clock must be read on every lookup, not through lru-cache's 1 ms cached time.
    ...(options.now ? { perf: { now: options.now }, ttlResolution: 0 } : {}),
  });
  const ttlOption = (ttlMs: number | undefined) => (ttlMs !== undefined && ttlMs > 0 ? { ttl: ttlMs } : {});

  return {
    backend: 'memory',
    shared: () => true,
    async get(key) {
      return entries.get(key);
    },
    async set(key, value, ttlMs) {
      entries.set(key, value, ttlOption(ttlMs));
    },
    async setIfAbsent(key, value, ttlMs) {
      if (entries.has(key)) return false;
      entries.set(key, value, ttlOption(ttlMs));
      return true;
    },
    async increment(key, by, ttlMs) {
      const current = entries.get(key);
      const next = (current === undefined ? 0 : Number(current)) + by;
      // Keep the window the key was created with, as Redis's INCRBY does.
      const remaining = current === undefined ? ttlMs : entries.getRemainingTTL(key);
      entries.set(key, String(next), ttlOption(Number.isFinite(remaining) ? remaining : undefined));
      return next;
    },
    async delete(key) {
      entries.delete(key);
    },
    async close() {
      entries.clear();
    },
  };
}
