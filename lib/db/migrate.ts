import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Database, RunStatement } from './database.ts';

/** The committed migrations, applied in file-name order. */
export const migrationsDir = path.join(process.cwd(), 'lib', 'db', 'migrations');

// Any constant works: it only has to be the same in every process that migrates this database.
const migrationLockId = 7_311_911;

/**
 * Applies every `*.sql` file not yet recorded in `flint_migrations`, each in its own transaction,
 * and answers the names applied. On Postgres an advisory lock keeps instances starting together from racing.
 */
export async function migrate(database: Database, directory = migrationsDir): Promise<string[]> {
  const files = (await readdir(/*turbopackIgnore: true*/ directory)).filter((name) => name.endsWith('.sql')).sort();
  return database.session(async (run) => {
    await run('CREATE TABLE IF NOT EXISTS flint_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    if (database.kind === 'postgres') await run(`SELECT pg_advisory_lock(${migrationLockId})`);
    try {
      const done = new Set((await run('SELECT name FROM flint_migrations')).map((row) => String(row.name)));
      const applied: string[] = [];
      for (const file of files) {
        if (done.has(file)) continue;
        await applyFile(run, directory, file);
        applied.push(file);
      }
      return applied;
    } finally {
      if (database.kind === 'postgres') await run(`SELECT pg_advisory_unlock(${migrationLockId})`);
    }
  });
}

async function applyFile(run: RunStatement, directory: string, file: string) {
  const statements = (await readFile(/*turbopackIgnore: true*/ path.join(directory, file), 'utf8')).split('--> statement-breakpoint');
  await run('BEGIN');
  try {
    for (const statement of statements) if (statement.trim() !== '') await run(statement);
    await run(`INSERT INTO flint_migrations (name) VALUES ('${file.replaceAll("'", "''")}')`);
    await run('COMMIT');
  } catch (error) {
    await run('ROLLBACK');
    throw error;
  }
}
