import { groqModels } from './groq-models';
import type { ModelEntry, ProviderName } from './model-entry';
import { createOpenAIModels, type OpenAIModelChoice } from './openai-models';
import { resolveModelId } from './resolve-model-id';

/** The model catalog: fixed data plus which models the providers currently list. */
export interface Catalog {
  readonly models: readonly ModelEntry[];
  /** Finds a model by id, following decommissioned ids to their replacement. */
  find(id: string): ModelEntry | undefined;
  /** False once the provider's live model list no longer contains the model. */
  isAvailable(entry: ModelEntry): boolean;
  /** Records the ids a provider's GET /models returned; unlisted catalog models become unavailable. */
  setListedModels(provider: ProviderName, listedIds: readonly string[]): void;
}

/** Builds the catalog of Groq models plus the configured OpenAI backup models. */
export function createCatalog(choice: OpenAIModelChoice = {}): Catalog {
  const models: readonly ModelEntry[] = [...groqModels, ...createOpenAIModels(choice)];
  const unavailable = new Set<ModelEntry>();

  return {
    models,
    find(id) {
      const resolved = resolveModelId(id);
      return models.find((entry) => entry.id === resolved);
    },
    isAvailable(entry) {
      return !unavailable.has(entry);
    },
    setListedModels(provider, listedIds) {
      const listed = new Set(listedIds);
      for (const entry of models) {
        if (entry.provider !== provider) continue;
        if (listed.has(entry.id)) unavailable.delete(entry);
        else unavailable.add(entry);
      }
    },
  };
}
