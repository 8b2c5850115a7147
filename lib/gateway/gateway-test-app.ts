import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RunningEmulator } from '@/emulator/server';
import { startWiredEmulator } from '@/test/start-wired-emulator';
import type { EmulatorOptions } from '@/emulator/types';
import { serveRoutes, type ServedRoutes } from './serve-routes';

/** The emulator, the gateway's routes over HTTP, and the shared database they use (tests only). */
export interface GatewayTestApp {
  emulator: RunningEmulator;
  app: ServedRoutes;
  /** Creates a key in the app's database and answers its secret. */
  createKey(options?: Partial<import('./gateway-key').NewKey>): Promise<string>;
  /** Closes every breaker of the shared health registry the routes use, so tests do not leak faults into each other. */
  resetHealth(): void;
  close(): Promise<void>;
}

/**
 * Starts the emulator, points the environment at it and at a fresh data directory, then imports the
 * route handlers (lib/env.ts reads the environment once) and serves them on a free port.
 */
export async function startGatewayTestApp(options: EmulatorOptions = {}, databaseUrl?: string): Promise<GatewayTestApp> {
  const emulator = await startWiredEmulator(options);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'flint-gateway-'));
  process.env.FLINT_DATA_DIR = dataDir;
  if (databaseUrl !== undefined) process.env.DATABASE_URL = databaseUrl;
  const [completions, models, groqCompletions, groqModels, adminKeys, healthRoute, keyStore, database, transcriptions] = await Promise.all([
    import('@/app/v1/chat/completions/route'),
    import('@/app/v1/models/route'),
    import('@/app/openai/v1/chat/completions/route'),
    import('@/app/openai/v1/models/route'),
    import('@/app/api/admin/keys/route'),
    import('@/app/api/health/route'),
    import('./key-store'),
    import('@/lib/db/shared-database'),
    import('@/app/v1/audio/transcriptions/route'),
  ]);
  const { runtime } = await import('@/lib/server/runtime');
  const { health } = runtime();
  const app = await serveRoutes({
    '/v1/chat/completions': completions,
    '/v1/models': models,
    '/openai/v1/chat/completions': groqCompletions,
    '/openai/v1/models': groqModels,
    '/api/admin/keys': adminKeys,
    '/api/health': healthRoute,
    '/v1/audio/transcriptions': transcriptions,
    '/openai/v1/audio/transcriptions': transcriptions,
  });
  return {
    emulator,
    app,
    async createKey(key = {}) {
      const { db } = await database.sharedDatabase();
      const created = await keyStore.createKey(db, { name: 'test', period: 'month', allowServerFallback: false, ...key });
      return created.key;
    },
    resetHealth() {
      for (const entry of runtime().catalog.models) health.recordSuccess(entry);
    },
    async close() {
      await app.close();
      await emulator.close();
      // Ledger rows and budgets are written behind: let them land before the database closes.
      await (await import('@/lib/usage/pending-writes')).pendingWrites();
      await (await database.sharedDatabase()).close();
      // The next app in this process opens its own database.
      (globalThis as { flintDatabase?: unknown }).flintDatabase = undefined;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
