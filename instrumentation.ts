/** Runs once when the server starts: build the runtime (Store, health, guard) and begin refreshing the model catalog. */
export async function register() {
  // A build-time constant, not configuration: Next inlines it, so the Edge bundle drops the Node-only
  // imports below (read through lib/env.ts it cannot be inlined, and the Edge build pulls in pg and fs).
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { runtime } = await import('./lib/server/runtime');
  // Not awaited: a slow or unreachable provider must not hold up start-up.
  void runtime().refresher.start();
  // The cost ledger's database, opened and migrated now so the chat page's first rows are kept too.
  const [{ sharedDatabase }, { DataDirInUseError }] = await Promise.all([import('./lib/db/shared-database'), import('./lib/db/data-dir-lock')]);
  // A data directory another process holds is an operator's set-up, said in one line (not a stack).
  void sharedDatabase().catch((error: unknown) => console.error('[flint] could not open the database:', error instanceof DataDirInUseError ? error.message : error));
}
