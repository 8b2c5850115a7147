import type { Database } from '../db/database.ts';
import { trackWrite } from '../usage/pending-writes.ts';
import { reserveBudget, settleBudget } from './budget.ts';
import { createBudgetBook, type BudgetBook } from './budget-book.ts';

const books = new WeakMap<Database, BudgetBook>();

/**
 * How a database holds budgets: in this process's memory for PGlite (it is the only writer), in one
 * conditional UPDATE per call on Postgres (instances share it, so the database is the authority).
 */
export function budgetsOf(database: Database): BudgetBook {
  let book = books.get(database);
  if (book === undefined) {
    const { db } = database;
    book =
      database.kind === 'pglite'
        ? createBudgetBook(db)
        : {
            reserve: (keyId, amountUsd, periodStart) => reserveBudget(db, keyId, amountUsd, periodStart),
            settle: (keyId, reservedUsd, actualUsd) =>
              trackWrite(settleBudget(db, keyId, reservedUsd, actualUsd).catch((error: unknown) => console.error('[flint] could not settle a budget', error))),
          };
    books.set(database, book);
  }
  return book;
}
