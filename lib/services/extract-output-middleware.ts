import type { LanguageModelV4Middleware } from '@ai-sdk/provider';
import type { ModelEntry } from '@/lib/ai/catalog/model-entry';

/**
 * Sets one candidate's structured-output options, since providerOptions otherwise apply to the
 * whole chain: strict json_schema (constrained decoding) only on models that have it and only for
 * schemas strict mode takes as they are; best-effort json_schema everywhere else, validated after.
 */
export function extractOutputMiddleware(entry: ModelEntry, strictShaped: boolean): LanguageModelV4Middleware {
  const strict = entry.capabilities.structuredOutputs === 'strict' && strictShaped;
  const options = entry.provider === 'groq' ? { structuredOutputs: true, strictJsonSchema: strict } : { strictJsonSchema: strict };
  return {
    specificationVersion: 'v4',
    transformParams: async ({ params }) => ({
      ...params,
      providerOptions: { ...params.providerOptions, [entry.provider]: { ...params.providerOptions?.[entry.provider], ...options } },
    }),
  };
}
