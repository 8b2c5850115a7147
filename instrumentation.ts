import { env } from './lib/env';

/** Runs once when the server starts: build the runtime (Store, health, guard) and begin refreshing the model catalog. */
export async function register() {
  if (env.nextRuntime !== 'nodejs') return;
  const { runtime } = await import('./lib/server/runtime');
  // Not awaited: a slow or unreachable provider must not hold up start-up.
  void runtime().refresher.start();
}
