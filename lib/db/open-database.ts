import { mkdir } from 'node:fs/promises';
import { lockDataDir } from './data-dir-lock.ts';
import { schema } from './schema.ts';
import type { Database, Db } from './database.ts';
import { migrate } from './migrate.ts';
import { simpleQueries } from './simple-queries.ts';

/** Where the data lives: a Postgres server when `databaseUrl` is set, else PGlite files in `dataDir`. */
export interface DatabaseLocation {
  databaseUrl?: string | undefined;
  /** PGlite's directory; `memory://` keeps everything in memory (tests). */
  dataDir: string;
}

/** Opens the database and applies the pending migrations before anything queries it. */
export async function openDatabase(location: DatabaseLocation): Promise<Database> {
  const database = location.databaseUrl ? await openPostgres(location.databaseUrl) : await openPglite(location.dataDir);
  try {
    await migrate(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

async function openPglite(dataDir: string): Promise<Database> {
  // Loaded by Node at run time, not bundled: PGlite finds its WASM and data files next to its own module.
  const [{ PGlite }, { drizzle }] = await Promise.all([import(/* turbopackIgnore: true */ '@electric-sql/pglite'), import('drizzle-orm/pglite')]);
  let release = () => {};
  if (!dataDir.startsWith('memory://')) {
    await mkdir(dataDir, { recursive: true });
    release = lockDataDir(dataDir);
  }
  let client: InstanceType<typeof PGlite>;
  try {
    client = await PGlite.create(dataDir);
  } catch (error) {
    release();
    throw error;
  }
  const db: Db = drizzle({ client, schema });
  simpleQueries.set(db, (statement) => client.exec(statement));
  return {
    db,
    kind: 'pglite',
    // PGlite is one connection: every statement already runs on the same session.
    session: (work) => work(async (statement) => (await client.exec(statement)).at(-1)?.rows ?? []),
    close: async () => {
      try {
        await client.close();
      } finally {
        release();
      }
    },
  };
}

async function openPostgres(connectionString: string): Promise<Database> {
  const [{ default: pg }, { drizzle }] = await Promise.all([import('pg'), import('drizzle-orm/node-postgres')]);
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle connection the server drops (restart, failover) is replaced on the next query; it must not crash the process.
  pool.on('error', (error) => console.warn('[flint] database connection lost', error.message));
  const db: Db = drizzle({ client: pool, schema });
  simpleQueries.set(db, (statement) => pool.query(statement));
  return {
    db,
    kind: 'postgres',
    async session(work) {
      const connection = await pool.connect();
      try {
        return await work(async (statement) => (await connection.query(statement)).rows);
      } finally {
        connection.release();
      }
    },
    close: () => pool.end(),
  };
}
