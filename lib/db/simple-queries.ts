import type { Db } from './database.ts';

/**
 * Each open database's unparameterised statement runner, by its drizzle handle: one simple-protocol round trip
 * (PGlite's `exec`, node-postgres's text query) where drizzle always takes the extended protocol's five.
 */
export const simpleQueries = new WeakMap<Db, (statement: string) => Promise<unknown>>();
