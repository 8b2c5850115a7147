import { stableHash } from './ids.ts';
import type { EmulatedModel, Provider } from './types.ts';

/** The fields shared by every completion object and chunk of one answer. */
export type CompletionEnvelope = {
  provider: Provider;
  model: EmulatedModel;
  completionId: string;
  requestId: string;
  created: number;
  fingerprint: string;
};

/** Creates the envelope for one answer; the fingerprint is stable per model like a deployment's. */
export function createEnvelope(provider: Provider, model: EmulatedModel, requestId: string): CompletionEnvelope {
  return {
    provider,
    model,
    completionId: `chatcmpl-${crypto.randomUUID()}`,
    requestId,
    created: Math.floor(Date.now() / 1000),
    fingerprint: `fp_${stableHash(model.id, 10)}`,
  };
}

/** The top-level fields of a completion object or chunk. */
export function envelopeFields(envelope: CompletionEnvelope, object: 'chat.completion' | 'chat.completion.chunk'): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    id: envelope.completionId,
    object,
    created: envelope.created,
    model: envelope.model.responseId ?? envelope.model.id,
  };
  if (envelope.provider === 'openai') fields.service_tier = 'default';
  fields.system_fingerprint = envelope.fingerprint;
  return fields;
}
