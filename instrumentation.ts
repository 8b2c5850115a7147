/** Runs once when the server starts: begin refreshing the model catalog from each provider. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { runtime } = await import('./lib/services/runtime');
  // Not awaited: a slow or unreachable provider must not hold up start-up.
  void runtime().refresher.start();
  // The cost ledger's database, opened and migrated now so the chat page's first rows are kept too.
  const { sharedDatabase } = await import('./lib/db/shared-database');
  void sharedDatabase().catch((error: unknown) => console.error('[flint] could not open the database', error));
}
