import { getTableColumns, sql } from 'drizzle-orm';
import type { Db } from './database.ts';
import { usageLedger } from './schema.ts';
import { simpleQueries } from './simple-queries.ts';

type LedgerRow = Omit<typeof usageLedger.$inferInsert, 'id' | 'createdAt'>;

// The rows travel as one JSON document keyed like the drizzle columns; absent keys take the schema's defaults here.
// The statement is derived from the schema once, so a new column cannot be left out of it.
const columns = Object.entries(getTableColumns(usageLedger)).filter(([key]) => key !== 'id' && key !== 'createdAt');
const literalOf = (value: unknown) => {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new Error(`insert-usage-rows: a ledger column default of ${typeof value} has no literal here`);
};
const statementHead = `INSERT INTO usage_ledger (${columns.map(([, column]) => column.name).join(', ')})
SELECT ${columns.map(([key, column]) => (column.default === undefined ? `"${key}"` : `coalesce("${key}", ${literalOf(column.default)})`)).join(', ')}
FROM json_to_recordset(`;
const statementTail = `::json) AS row(${columns.map(([key, column]) => `"${key}" ${column.getSQLType()}`).join(', ')})`;
const insertFrom = (json: string) => `${statementHead}${json}${statementTail}`;

/**
 * Appends ledger rows in one statement on either engine. The JSON goes in as a dollar-quoted literal (nothing in it is
 * ever SQL: the tag is one the text does not contain) because on PGlite a parameterised query costs ~700 µs of
 * extra CPU in protocol round trips, more than a batch's rows. Non-finite numbers are stored as their column's default.
 */
export async function insertUsageRows(db: Db, rows: readonly LedgerRow[]): Promise<void> {
  if (rows.length === 0) return;
  const json = JSON.stringify(rows);
  let tag = '$ledger$';
  while (json.includes(tag)) tag = `$ledger${Math.random().toString(36).slice(2, 10)}$`;
  const statement = insertFrom(`${tag}${json}${tag}`);
  const simple = simpleQueries.get(db);
  await (simple === undefined ? db.execute(sql.raw(statement)) : simple(statement));
}
