import type { ReplyPlan } from './plan-reply.ts';
import type { EmulatedModel, Provider } from './types.ts';

/** The usage object in the provider's shape: Groq adds timings, OpenAI adds token details. */
export function usageFor(provider: Provider, model: EmulatedModel, plan: ReplyPlan): Record<string, unknown> {
  const total = plan.promptTokens + plan.completionTokens;
  if (provider === 'openai') {
    return {
      prompt_tokens: plan.promptTokens,
      completion_tokens: plan.completionTokens,
      total_tokens: total,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: plan.reasoningTokens, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
    };
  }
  // Timings are nominal (the model's real speed), not the emulator's paced wall clock.
  const completionTime = round(plan.completionTokens / (model.tokensPerSecond ?? 500));
  const promptTime = round(plan.promptTokens / 50_000);
  const usage: Record<string, unknown> = {
    queue_time: 0.02,
    prompt_tokens: plan.promptTokens,
    prompt_time: promptTime,
    completion_tokens: plan.completionTokens,
    completion_time: completionTime,
    total_tokens: total,
    total_time: round(promptTime + completionTime),
  };
  if (model.supportedFeatures.includes('reasoning')) usage.completion_tokens_details = { reasoning_tokens: plan.reasoningTokens };
  return usage;
}

function round(seconds: number): number {
  return Math.round(seconds * 1e6) / 1e6;
}
