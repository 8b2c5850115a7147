import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/** Any drizzle Postgres handle (PGlite or node-postgres): the batch queries take it as a parameter. */
export type BatchDb = PgDatabase<PgQueryResultHKT, Record<string, unknown>>;
