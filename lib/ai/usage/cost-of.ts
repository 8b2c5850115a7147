import type { ModelEntry } from '../catalog/model-entry';

/** What a call used: tokens for chat models, seconds of audio for transcription models. */
export interface CostUsage {
  inputTokens?: number;
  outputTokens?: number;
  audioSeconds?: number;
}

/** The price of a call in USD from the catalog's prices; unknown amounts count as zero. */
export function costOf(entry: ModelEntry, usage: CostUsage): number {
  const price = entry.price;
  if ('perAudioHour' in price) return ((usage.audioSeconds ?? 0) / 3600) * price.perAudioHour;
  return (
    ((usage.inputTokens ?? 0) * price.inputPerMillion + (usage.outputTokens ?? 0) * price.outputPerMillion) / 1_000_000
  );
}
