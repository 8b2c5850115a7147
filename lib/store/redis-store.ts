import { createClient, type RedisClientType } from 'redis';
import type { Logger } from 'pino';
import { createMemoryStore } from './memory-store';
import type { Store } from './store';

/** Options for {@link createRedisStore}. */
export type RedisStoreOptions = {
  url: string;
  log: Logger;
  /** A command slower than this counts as Redis being down; a request never waits longer on shared state. */
  commandTimeoutMs?: number;
  /** Longest pause between reconnection attempts. */
  maxReconnectDelayMs?: number;
  /** How long to stay on local state after a failed or timed-out command before trying Redis again. */
  probeIntervalMs?: number;
  /** Bytes of local state kept while Redis is unreachable. */
  fallbackMaxBytes?: number;
};

/** A Store in Redis that falls back to local memory while Redis is unreachable and goes back once it returns. */
export type RedisStore = Store & {
  /** The node-redis client, for libraries that speak Redis themselves (rate-limiter-flexible). */
  readonly client: RedisClientType;
  /** Resolves the next time the connection becomes ready (tests and start-up checks wait on it). */
  ready(): Promise<void>;
};

const incrementScript = `
local value = redis.call('INCRBY', KEYS[1], ARGV[1])
if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return value`;

/** Connects in the background; never throws at a caller because Redis is down: it logs once and serves from memory. */
export function createRedisStore(options: RedisStoreOptions): RedisStore {
  const { log } = options;
  const timeoutMs = options.commandTimeoutMs ?? 500;
  const maxDelay = options.maxReconnectDelayMs ?? 2_000;
  const probeIntervalMs = options.probeIntervalMs ?? 1_000;
  const local = createMemoryStore({ maxBytes: options.fallbackMaxBytes ?? 16 * 1024 * 1024 });
  const client: RedisClientType = createClient({
    url: options.url,
    // Fail commands at once while disconnected instead of queueing them behind a dead socket.
    disableOfflineQueue: true,
    socket: { connectTimeout: 2_000, reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, maxDelay) },
  });
  let down = false;
  let closed = false;
  // After a failed or stalled command, Redis is left alone until this time; then one command probes it.
  let probeAt = 0;
  let readyWaiters: Array<() => void> = [];

  const markDown = (error: unknown) => {
    probeAt = Date.now() + probeIntervalMs;
    if (down || closed) return;
    down = true;
    log.warn({ err: error instanceof Error ? { message: error.message } : String(error) }, 'redis unreachable: serving from local state until it returns');
  };
  const markUp = () => {
    if (down && !closed) log.info('redis reachable again: shared state restored');
    down = false;
    probeAt = 0;
  };
  client.on('error', markDown);
  client.on('ready', () => {
    markUp();
    for (const resolve of readyWaiters) resolve();
    readyWaiters = [];
  });
  client.connect().catch(markDown);

  async function run<T>(remote: () => Promise<T>, fallback: () => Promise<T>): Promise<T> {
    // A stalled Redis keeps its socket open (no 'error', still "ready"): without the probe pause every
    // request would wait out the timeout.
    if (closed || !client.isReady || Date.now() < probeAt) return fallback();
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`redis command took over ${timeoutMs} ms`)), timeoutMs);
      });
      const result = await Promise.race([remote(), timeout]);
      if (down) markUp();
      return result;
    } catch (error) {
      markDown(error);
      return fallback();
    } finally {
      clearTimeout(timer);
    }
  }

  const px = (ttlMs: number | undefined) => (ttlMs !== undefined && ttlMs > 0 ? { expiration: { type: 'PX' as const, value: Math.ceil(ttlMs) } } : {});

  return {
    backend: 'redis',
    client,
    shared: () => !down && client.isReady,
    ready: () => (client.isReady ? Promise.resolve() : new Promise<void>((resolve) => readyWaiters.push(resolve))),
    get: (key) => run(async () => (await client.get(key)) ?? undefined, () => local.get(key)),
    set: (key, value, ttlMs) => run(async () => void (await client.set(key, value, px(ttlMs))), () => local.set(key, value, ttlMs)),
    setIfAbsent: (key, value, ttlMs) => run(
      async () => (await client.set(key, value, { ...px(ttlMs), condition: 'NX' })) === 'OK',
      () => local.setIfAbsent(key, value, ttlMs),
    ),
    increment: (key, by, ttlMs) => run(
      async () => Number(await client.eval(incrementScript, { keys: [key], arguments: [String(Math.trunc(by)), String(Math.max(1, Math.ceil(ttlMs)))] })),
      () => local.increment(key, by, ttlMs),
    ),
    delete: (key) => run(async () => void (await client.del(key)), () => local.delete(key)),
    async close() {
      closed = true;
      await local.close();
      if (client.isOpen) await client.close();
      else client.destroy();
    },
  };
}
