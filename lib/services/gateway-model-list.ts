import 'server-only';
import { gatewayAliases } from '@/lib/gateway/gateway-models';
import { runtime } from '@/lib/server/runtime';

const created = Math.floor(Date.UTC(2026, 0, 1) / 1000);

/** GET /v1/models: the live chat and audio models of the catalog plus the flint/* aliases, in OpenAI's list shape. */
export function gatewayModels() {
  const { catalog, providers } = runtime();
  const models = catalog.models
    .filter((entry) => catalog.isAvailable(entry) && providers.isConfigured(entry.provider))
    .map((entry) => ({
      id: entry.id,
      object: 'model' as const,
      created,
      owned_by: entry.provider === 'groq' ? 'Groq' : 'OpenAI',
      active: true,
      context_window: entry.contextWindow,
      max_completion_tokens: entry.maxOutput,
      input_modalities: entry.capabilities.vision ? ['text', 'image'] : entry.capabilities.audio ? ['audio'] : ['text'],
      output_modalities: ['text'],
    }));
  const aliases = Object.keys(gatewayAliases).map((id) => ({ id, object: 'model' as const, created, owned_by: 'Flint', active: true }));
  return { object: 'list' as const, data: [...aliases, ...models] };
}
