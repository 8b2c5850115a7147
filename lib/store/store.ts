/**
 * Shared state behind one small port: what breakers, rate budgets, client limits and the cache need.
 * Values are strings (callers JSON-encode); TTLs are milliseconds; every operation is atomic per key.
 */
export type Store = {
  /** 'redis' when configured with REDIS_URL (even while Redis is down and local state stands in). */
  readonly backend: 'memory' | 'redis';
  /** False while a configured Redis is unreachable and this process is on local state. */
  shared(): boolean;
  get(key: string): Promise<string | undefined>;
  /** Sets a value; without `ttlMs` it stays until deleted. */
  set(key: string, value: string, ttlMs?: number): Promise<void>;
  /** Sets only when the key is absent (a lock or a first writer wins); says whether it did. */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  /** Adds `by` (may be negative) and returns the new value; the TTL starts when the key is created. */
  increment(key: string, by: number, ttlMs: number): Promise<number>;
  delete(key: string): Promise<void>;
  close(): Promise<void>;
};
