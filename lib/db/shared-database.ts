import { env } from '../env.ts';
import type { Database } from './database.ts';
import { localAdminToken } from '../gateway/local-admin-token.ts';
import { openDatabase } from './open-database.ts';
import { processState } from '../process-state.ts';

// In the one process-wide holder, so every route bundle and dev-server reload shares one handle (PGlite allows one).
const shared = processState<{ flintDatabase?: Promise<Database> }>('database', () => ({}));

/** The process-wide database, opened and migrated on first use. */
export function sharedDatabase(): Promise<Database> {
  shared.flintDatabase ??= open().catch((error: unknown) => {
    shared.flintDatabase = undefined;
    throw error;
  });
  return shared.flintDatabase;
}

async function open(): Promise<Database> {
  const database = await openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir });
  // The embedded database is this process's alone: `npm run keys` reaches it through the admin API with this token.
  if (database.kind === 'pglite' && env.adminToken === undefined && !env.dataDir.startsWith('memory://')) await localAdminToken(env.dataDir, { create: true });
  return database;
}

/** The process-wide database if something already opened it (the server does at start), else undefined. */
export function openedDatabase(): Promise<Database> | undefined {
  return shared.flintDatabase;
}
