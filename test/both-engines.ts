import { afterAll, beforeAll } from 'vitest';
import type { Database } from '@/lib/db/database';
import { openDatabase } from '@/lib/db/open-database';
import { startPostgres, type RunningPostgres } from './start-postgres';

/**
 * The two storage engines as `describe.each` rows: embedded PGlite in memory, and a real Postgres
 * server this file's hooks start before and stop after its tests. Call at the top level of a test file.
 */
export function bothEngines(): Array<[string, () => Promise<Database>]> {
  let postgres: RunningPostgres | undefined;
  beforeAll(async () => {
    postgres = await startPostgres();
  }, 60_000);
  afterAll(() => postgres?.stop());
  return [
    ['PGlite', () => openDatabase({ dataDir: 'memory://' })],
    ['Postgres', () => openDatabase({ databaseUrl: postgres!.url, dataDir: 'unused' })],
  ];
}
