import type { Runtime } from '@/lib/server/runtime';

/**
 * A runtime of its own (catalog, memory Store, budgets, cache, guard) from the current environment,
 * so one test's rate-limit headers or cached answers never reach the next test. Imported lazily:
 * lib/env.ts reads the environment once, and startWiredEmulator must have set it first.
 */
export async function freshRuntime(overrides: Record<string, string | undefined> = {}): Promise<Runtime> {
  const [{ parseEnv }, { createLogger }, { createRuntime }] = await Promise.all([
    import('@/lib/env'), import('@/lib/observability/logger'), import('@/lib/server/runtime'),
  ]);
  return createRuntime(parseEnv({ ...process.env, ...overrides }), createLogger({ level: 'silent' }));
}
