import type { Catalog } from './catalog';
import type { ProviderName } from './model-entry';

/** Options of the live catalog refresh; `listModels` is injected so tests and the emulator can answer it. */
export interface CatalogRefresherOptions {
  catalog: Catalog;
  /** Asks a provider's GET /models for the ids it serves now. */
  listModels: (provider: ProviderName) => Promise<readonly string[]>;
  intervalMs: number;
  /** Providers to ask (the configured ones); defaults to every provider in the catalog. */
  providers?: readonly ProviderName[];
  /** Called when a refresh of one provider fails; the last known state is kept. */
  onError?: (provider: ProviderName, error: unknown) => void;
}

/** A running refresh loop. */
export interface CatalogRefresher {
  /** Refreshes once now, then every `intervalMs`; resolves after the first refresh. */
  start(): Promise<void>;
  stop(): void;
  /** Asks every provider once. */
  refresh(): Promise<void>;
}

/** Keeps the catalog's availability in step with what each provider lists at GET /models. */
export function createCatalogRefresher(options: CatalogRefresherOptions): CatalogRefresher {
  const { catalog, listModels, intervalMs, onError } = options;
  const providers = options.providers ?? [...new Set(catalog.models.map((entry) => entry.provider))];
  let timer: ReturnType<typeof setInterval> | undefined;

  async function refreshProvider(provider: ProviderName) {
    try {
      const listed = await listModels(provider);
      // An empty list is a broken answer, not a provider without models: keep the last state.
      if (listed.length === 0) throw new Error(`${provider} listed no models`);
      catalog.setListedModels(provider, listed);
    } catch (error) {
      onError?.(provider, error);
    }
  }

  async function refresh() {
    await Promise.all(providers.map(refreshProvider));
  }

  return {
    refresh,
    async start() {
      if (timer === undefined) {
        timer = setInterval(() => void refresh(), intervalMs);
        // The refresh loop alone must not keep a process (a test, a script) alive.
        timer.unref?.();
      }
      await refresh();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
  };
}
