import { FlintError } from '@/lib/errors';
import type { Catalog } from '../catalog/catalog';
import type { ModelEntry, ModelTier, ProviderName } from '../catalog/model-entry';

/** What a chat request needs from a model, as the service sees it. */
export interface RouteNeeds {
  tier: 'auto' | 'speed' | 'quality';
  hasImages: boolean;
  needsTools: boolean;
  /** Tools are offered but the request may well not use them (a chat): filter on tools without counting the request as heavy. */
  toolsOptional?: boolean;
  needsJson: boolean;
  estimatedPromptTokens: number;
  latencyBudgetMs?: number;
  costSensitive?: boolean;
}

/** Tokens kept free for the reply when checking a context window (capped by the model's max output). */
export const replyReserveTokens = 4096;
/** In auto mode, prompts longer than this go to the quality tier. */
export const autoQualityPromptTokens = 8000;
/** In auto mode, a latency budget below this keeps the request on the speed tier. */
export const autoSpeedLatencyMs = 3000;

// Groq is primary; the backup provider is always tried last.
const providerRank: Record<ProviderName, number> = { groq: 0, openai: 1 };

/**
 * Auto picks speed for ordinary chat. It picks quality only when the request is heavier (tools it needs,
 * or a prompt over `autoQualityPromptTokens`) and neither cost nor a tight latency budget says otherwise.
 */
function resolveTier(needs: RouteNeeds): 'speed' | 'quality' {
  if (needs.tier !== 'auto') return needs.tier;
  if (needs.costSensitive) return 'speed';
  if (needs.latencyBudgetMs !== undefined && needs.latencyBudgetMs < autoSpeedLatencyMs) return 'speed';
  if ((needs.needsTools && !needs.toolsOptional) || needs.estimatedPromptTokens > autoQualityPromptTokens) return 'quality';
  return 'speed';
}

function tierOrder(primary: ModelTier): ModelTier[] {
  if (primary === 'vision') return ['vision', 'quality', 'speed'];
  return primary === 'speed' ? ['speed', 'quality'] : ['quality', 'speed'];
}

function fitsContext(entry: ModelEntry, promptTokens: number) {
  return entry.contextWindow >= promptTokens + Math.min(replyReserveTokens, entry.maxOutput);
}

function ordered(models: readonly ModelEntry[], tiers: ModelTier[]) {
  const rank = (entry: ModelEntry) => providerRank[entry.provider] * 10 + tiers.indexOf(entry.tier);
  // Array.prototype.sort is stable, so equal ranks keep catalog order.
  return models.filter((entry) => tiers.includes(entry.tier)).sort((left, right) => rank(left) - rank(right));
}

/**
 * Orders the chat models that can serve a request, best first. Pure: the same needs and catalog
 * state give the same list. `configuredProviders` drops models of providers without a key.
 * Throws `no_vision_model:chat`, `context_too_long:chat`, `not_configured:chat` or `unavailable:chat`.
 */
export function routeRequest(
  needs: RouteNeeds,
  catalog: Catalog,
  configuredProviders?: readonly ProviderName[],
): ModelEntry[] {
  const configured = catalog.models.filter(
    (entry) => configuredProviders === undefined || configuredProviders.includes(entry.provider),
  );
  if (configured.length === 0) throw new FlintError('not_configured:chat', { retryable: false });

  const capable = configured.filter(
    (entry) =>
      entry.capabilities.text &&
      catalog.isAvailable(entry) &&
      (!needs.hasImages || entry.capabilities.vision) &&
      (!needs.needsTools || entry.capabilities.tools) &&
      (!needs.needsJson || entry.capabilities.json),
  );
  // Images go only to vision models, whatever tier was asked for.
  const tiers = needs.hasImages ? tierOrder('vision') : tierOrder(resolveTier(needs));
  const chain = ordered(capable, tiers);
  const fitting = chain.filter((entry) => fitsContext(entry, needs.estimatedPromptTokens));
  if (fitting.length > 0) return fitting;

  if (chain.length > 0) throw new FlintError('context_too_long:chat', { retryable: false });
  if (needs.hasImages) throw new FlintError('no_vision_model:chat');
  throw new FlintError('unavailable:chat');
}

/** Orders the transcription models: Groq's fast whisper, Groq's accurate whisper, then the backup. */
export function routeTranscription(catalog: Catalog, configuredProviders?: readonly ProviderName[]): ModelEntry[] {
  const models = catalog.models.filter(
    (entry) =>
      entry.capabilities.audio &&
      catalog.isAvailable(entry) &&
      (configuredProviders === undefined || configuredProviders.includes(entry.provider)),
  );
  return ordered(models, ['audio']);
}
