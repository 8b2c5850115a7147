import { env } from '../env.ts';
import type { Database } from './database.ts';
import { openDatabase } from './open-database.ts';

// Kept on globalThis so every route bundle and dev-server reload shares one handle (PGlite allows one).
const shared = globalThis as typeof globalThis & { flintDatabase?: Promise<Database> };

/** The process-wide database, opened and migrated on first use. */
export function sharedDatabase(): Promise<Database> {
  shared.flintDatabase ??= openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir }).catch((error: unknown) => {
    shared.flintDatabase = undefined;
    throw error;
  });
  return shared.flintDatabase;
}
