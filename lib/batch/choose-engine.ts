import type { BatchEngine } from './schema';

/**
 * Picks a batch's engine: `metadata.flint_engine` when given, else `provider` when Groq's Batch API is configured and
 * every line names a Groq model, else `local` (tiers, backup models, or no Groq).
 */
export function chooseEngine(requested: string | undefined, models: string[], context: { providerConfigured: boolean; isGroqModel: (model: string) => boolean }): BatchEngine | { problem: string } {
  if (requested !== undefined && requested !== 'local' && requested !== 'provider') return { problem: `metadata.flint_engine must be "local" or "provider", not "${requested}".` };
  if (requested === 'local') return 'local';
  const everyGroq = models.every(context.isGroqModel);
  if (requested === 'provider') {
    if (!context.providerConfigured) return { problem: 'The provider engine needs Groq to be configured.' };
    const other = models.find((model) => !context.isGroqModel(model));
    if (other !== undefined) return { problem: `The provider engine runs Groq models only; "${other}" is not one (use metadata.flint_engine "local").` };
    return 'provider';
  }
  return context.providerConfigured && everyGroq ? 'provider' : 'local';
}
