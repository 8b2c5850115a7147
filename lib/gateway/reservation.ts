import type { ModelEntry } from '@/lib/ai/catalog/model-entry';

/** Tokens assumed for the output of a call that names no max_tokens and a model without a limit. */
const fallbackMaxOutput = 4096;

/**
 * What a call may cost at most, held from the budget before it starts: the estimated prompt plus
 * the maximum output, at the dearest candidate's prices (a fallback may serve it).
 */
export function reservationUsd(candidates: readonly ModelEntry[], estimatedPromptTokens: number, maxOutputTokens: number | undefined): number {
  let most = 0;
  for (const entry of candidates) {
    if ('perAudioHour' in entry.price) continue;
    const output = Math.min(maxOutputTokens ?? entry.maxOutput, entry.maxOutput || fallbackMaxOutput);
    most = Math.max(most, (estimatedPromptTokens * entry.price.inputPerMillion + output * entry.price.outputPerMillion) / 1_000_000);
  }
  return most;
}
