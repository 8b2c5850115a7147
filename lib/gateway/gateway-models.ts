import type { Catalog } from '@/lib/ai/catalog/catalog';
import type { ModelEntry } from '@/lib/ai/catalog/model-entry';
import { routeRequest, type RouteNeeds } from '@/lib/ai/routing/router';
import { resolveModelId } from '@/lib/ai/catalog/resolve-model-id';
import { GatewayError } from './openai-error';

/** The router's tiers as model ids a client can name. */
export const gatewayAliases = { 'flint/auto': 'auto', 'flint/speed': 'speed', 'flint/quality': 'quality' } as const;

/** The chain a request's `model` asks for, and the id it was mapped to when decommissioned. */
export interface GatewayRoute {
  candidates: ModelEntry[];
  /** Set when the client named a shut-down model: `old -> replacement`. */
  replaced?: { from: string; to: string };
}

/**
 * `flint/*` routes by tier; a catalog id goes first, then the router's fallbacks for its tier.
 * `allowed` (the key's model list) filters the chain. Throws 404 for an unknown id, 403 for a
 * model the key may not use.
 */
export function gatewayRoute(
  model: string,
  needs: Omit<RouteNeeds, 'tier'>,
  catalog: Catalog,
  configured: readonly ModelEntry['provider'][],
  allowed: readonly string[] | null,
): GatewayRoute {
  const permitted = (entry: ModelEntry) => allowed === null || allowed.includes(entry.id);
  if (Object.hasOwn(gatewayAliases, model)) {
    const tier = gatewayAliases[model as keyof typeof gatewayAliases];
    const candidates = routeRequest({ ...needs, tier }, catalog, configured).filter(permitted);
    if (candidates.length === 0) throw new GatewayError(403, 'model_not_allowed', `This key may not use any model ${model} routes to.`, { param: 'model' });
    return { candidates };
  }
  const entry = catalog.find(model);
  if (entry === undefined || !entry.capabilities.text) {
    throw new GatewayError(404, 'model_not_found', `The model \`${model}\` does not exist or you do not have access to it.`, { param: 'model' });
  }
  if (!permitted(entry)) throw new GatewayError(403, 'model_not_allowed', `This key may not use the model \`${entry.id}\`.`, { param: 'model' });
  const tier = entry.tier === 'quality' ? 'quality' : 'speed';
  let fallbacks: ModelEntry[] = [];
  try {
    fallbacks = routeRequest({ ...needs, tier }, catalog, configured);
  } catch {
    // No other model fits: the named model alone serves (or fails) the request.
  }
  const candidates = [entry, ...fallbacks.filter((other) => other !== entry && permitted(other))].filter((candidate) =>
    configured.includes(candidate.provider),
  );
  if (candidates.length === 0) throw new GatewayError(503, 'not_configured', `No provider that serves \`${entry.id}\` is configured for this call.`);
  const resolved = resolveModelId(model);
  return { candidates, ...(resolved === model ? {} : { replaced: { from: model, to: resolved } }) };
}
