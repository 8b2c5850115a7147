import 'server-only';
import { createCatalog, type Catalog } from '@/lib/ai/catalog/catalog';
import { createCatalogRefresher, type CatalogRefresher } from '@/lib/ai/catalog/catalog-refresher';
import type { ProviderName } from '@/lib/ai/catalog/model-entry';
import { createProviders, type Providers } from '@/lib/ai/providers';
import { env } from '@/lib/env';

/** The process-wide AI pieces: catalog, SDK providers and the live model-list refresh. */
export interface Runtime {
  catalog: Catalog;
  providers: Providers;
  refresher: CatalogRefresher;
}

const refreshIntervalMs = 10 * 60 * 1000;
const shared = globalThis as { flintRuntime?: Runtime };

/** Builds the runtime once per process (Next may load this module more than once). */
export function runtime(): Runtime {
  if (shared.flintRuntime) return shared.flintRuntime;
  const catalog = createCatalog({ openaiChatModel: env.openai.chatModel, openaiTranscriptionModel: env.openai.transcriptionModel });
  const providers = createProviders({ groq: env.groq, openai: env.openai });
  const refresher = createCatalogRefresher({
    catalog,
    listModels,
    intervalMs: refreshIntervalMs,
    providers: providers.configured,
    onError: (provider, error) => console.warn(`[flint] could not refresh ${provider} models; keeping the last list`, error),
  });
  shared.flintRuntime = { catalog, providers, refresher };
  return shared.flintRuntime;
}

/** GET {base}/models: the ids a provider serves right now. */
async function listModels(provider: ProviderName): Promise<string[]> {
  const settings = env[provider];
  const response = await fetch(`${settings.baseURL}/models`, {
    headers: { authorization: `Bearer ${settings.apiKey ?? ''}` },
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`GET /models answered ${response.status}`);
  const body = (await response.json()) as { data?: Array<{ id?: unknown; active?: unknown }> };
  return (body.data ?? []).filter((model) => model.active !== false && typeof model.id === 'string').map((model) => model.id as string);
}
