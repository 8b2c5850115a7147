import { applyFault, responseHeaders, type CallContext } from './call-context.ts';
import { findModel, modelNotFound } from './resolve-model.ts';
import { sendJson } from './send-json.ts';
import type { EmulatedModel, Provider } from './types.ts';

/** One model as GET /models lists it; Groq adds its context and modality fields. */
export function modelObject(provider: Provider, model: EmulatedModel): Record<string, unknown> {
  const base = { id: model.id, object: 'model', created: model.created, owned_by: model.ownedBy };
  if (provider === 'openai') return base;
  return {
    ...base,
    active: true,
    context_window: model.contextWindow ?? null,
    public_apps: null,
    max_completion_tokens: model.maxCompletionTokens ?? null,
    input_modalities: model.inputModalities,
    output_modalities: model.outputModalities,
    supported_features: model.supportedFeatures,
  };
}

/** GET /models and GET /models/{id}. */
export async function listModels(call: CallContext, id: string | undefined): Promise<void> {
  if (id !== undefined) call.log.model = id;
  if ((await applyFault(call, { model: id, endpoint: 'models' })) === false) return;
  const models = call.services.settings.models.filter((model) => model.provider === call.provider);
  if (id === undefined) {
    sendJson(call.response, 200, { object: 'list', data: models.map((model) => modelObject(call.provider, model)) }, responseHeaders(call));
    return;
  }
  const model = findModel(models, call.provider, id);
  if (!model) throw modelNotFound(id);
  call.model = model;
  sendJson(call.response, 200, modelObject(call.provider, model), responseHeaders(call));
}
