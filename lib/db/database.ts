import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { schema } from './schema.ts';

/** The drizzle handle every query takes: the same type over PGlite and over node-postgres. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** Runs one raw SQL statement (no parameters) and answers its rows. */
export type RunStatement = (statement: string) => Promise<Array<Record<string, unknown>>>;

/** An open database: its drizzle handle, which engine backs it, and how to close it. */
export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Runs `work` on one connection, so BEGIN/COMMIT and session locks hold (migrations). */
  session<T>(work: (run: RunStatement) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
