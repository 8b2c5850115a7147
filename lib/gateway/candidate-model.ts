import type { LanguageModelV4 } from '@ai-sdk/provider';
import type { ModelEntry } from '@/lib/ai/catalog/model-entry';
import type { Providers } from '@/lib/ai/providers';

const models = new WeakMap<Providers, Map<ModelEntry, LanguageModelV4>>();

/**
 * The SDK model of one chain candidate, built once per providers and entry: a model holds no
 * per-call state (each doStream builds its own request), while building one costs a createGroq
 * per candidate per request on /v1's path to the upstream fetch.
 */
export function candidateModel(providers: Providers, entry: ModelEntry): LanguageModelV4 {
  let byEntry = models.get(providers);
  if (byEntry === undefined) models.set(providers, (byEntry = new Map()));
  let model = byEntry.get(entry);
  if (model === undefined) byEntry.set(entry, (model = providers.languageModel(entry)));
  return model;
}
