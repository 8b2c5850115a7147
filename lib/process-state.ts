/**
 * The one object this process keeps on globalThis. Next loads route handlers and instrumentation in
 * separate module graphs (and reloads them in dev), so a module-level singleton would split or double
 * count; everything process-wide (metrics, logger, runtime) hangs off this single holder instead.
 */
const key = Symbol.for('flint.process');
type Holder = { [key]?: Map<string, unknown> };

/** The process-wide value under `name`, made once by `make`. */
export function processState<T>(name: string, make: () => T): T {
  const holder = globalThis as Holder;
  const state = (holder[key] ??= new Map<string, unknown>());
  if (!state.has(name)) state.set(name, make());
  return state.get(name) as T;
}
