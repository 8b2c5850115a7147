import { ApiError, invalidRequest } from './api-error.ts';
import { decommissionedModels } from './models.ts';
import type { EmulatedModel, Provider } from './types.ts';

/** Finds a live model of the provider in the catalog, or undefined. */
export function findModel(models: EmulatedModel[], provider: Provider, id: string): EmulatedModel | undefined {
  return models.find((model) => model.provider === provider && model.id === id);
}

/** The 404 every provider answers for an id it does not serve. */
export function modelNotFound(id: string): ApiError {
  return new ApiError({
    status: 404,
    message: `The model \`${id}\` does not exist or you do not have access to it.`,
    type: 'invalid_request_error',
    code: 'model_not_found',
  });
}

/** Looks a model up for a call, throwing the provider's error for decommissioned, unknown or wrong-kind ids. */
export function resolveModel(models: EmulatedModel[], provider: Provider, id: string, kind: EmulatedModel['kind']): EmulatedModel {
  const model = findModel(models, provider, id);
  if (!model) {
    const retired = provider === 'groq' ? decommissionedModels.find((candidate) => candidate.id === id) : undefined;
    if (retired) {
      throw new ApiError({
        status: 400,
        message: `The model \`${id}\` has been decommissioned and is no longer supported. We recommend \`${retired.replacement}\` instead. Please refer to https://console.groq.com/docs/deprecations for more information.`,
        type: 'invalid_request_error',
        code: 'model_decommissioned',
      });
    }
    throw modelNotFound(id);
  }
  if (model.kind !== kind) {
    const endpoint = kind === 'chat' ? 'chat completions' : 'transcriptions';
    throw invalidRequest(`The model \`${id}\` does not support ${endpoint}.`, 'model', 'model_not_supported');
  }
  return model;
}
