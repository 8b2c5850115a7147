import type { MessageMetadata } from './message';

/** Attempt outcomes (lib/ai's trace vocabulary) in words a user understands. */
export const outcomeWords: Record<string, string> = {
  rate_limited: 'rate limited',
  server_error: 'server error',
  timeout: 'timed out',
  connection: 'connection lost',
  not_found: 'model unavailable',
  auth: 'provider key rejected',
  skipped_open: 'paused after errors',
  skipped_misconfigured: 'not configured',
  skipped_budget: 'over its rate limit',
  bad_request: 'request rejected',
  unprocessable: 'request rejected',
  too_large: 'conversation too long',
  interrupted: 'cut off mid-answer',
  aborted: 'stopped',
  failed: 'failed',
};

const providerNames: Record<string, string> = { groq: 'Groq', openai: 'OpenAI' };

// Outcomes that say a model was passed over before the one that answered.
const notFallbacks = new Set(['ok', 'aborted', 'interrupted']);

/** The badge's text, split so the UI can style each piece. */
export type ServedByText = { model: string; modelId: string; fallback?: string; continued?: string; usage?: string; cache?: string };

/** "gpt-oss-20b" from "openai/gpt-oss-20b": the organisation prefix is noise in a badge. */
export function shortModelName(modelId: string): string {
  return modelId.slice(modelId.lastIndexOf('/') + 1);
}

/** One outcome in words; an outcome we do not know yet is shown with its underscores spelled out. */
export function describeOutcome(outcome: string): string {
  return outcomeWords[outcome] ?? outcome.replaceAll('_', ' ');
}

/** "$0.00042", "$1.20": two significant digits below a dollar, cents above. */
export function formatCost(costUsd: number): string {
  if (costUsd === 0) return '$0';
  if (costUsd < 0.00001) return '< $0.00001';
  if (costUsd >= 1) return `$${costUsd.toFixed(2)}`;
  const rounded = Number(costUsd.toPrecision(2));
  return `$${rounded.toFixed(Math.max(2, 1 - Math.floor(Math.log10(rounded))))}`;
}

/** "1,234 in · 567 out tokens · $0.00042", or undefined when the server sent no usage. */
export function describeUsage(metadata: MessageMetadata): string | undefined {
  const pieces: string[] = [];
  const { inputTokens, outputTokens, costUsd } = metadata;
  if (inputTokens !== undefined || outputTokens !== undefined) {
    const count = (value: number | undefined) => (value ?? 0).toLocaleString('en-US');
    pieces.push(`${count(inputTokens)} in · ${count(outputTokens)} out tokens`);
  }
  if (costUsd !== undefined) pieces.push(formatCost(costUsd));
  return pieces.length > 0 ? pieces.join(' · ') : undefined;
}

/** The served-by badge's wording for an assistant message, or undefined before the model is known. */
export function describeServedBy(metadata: MessageMetadata | undefined): ServedByText | undefined {
  if (!metadata?.model) return undefined;
  const provider = metadata.provider && metadata.provider !== 'groq' ? ` via ${providerNames[metadata.provider] ?? metadata.provider}` : '';
  const passedOver = (metadata.attempts ?? []).filter((attempt) => !notFallbacks.has(attempt.outcome) && attempt.model !== metadata.model);
  const fallback = passedOver.length > 0
    ? `fell back from ${passedOver.map((attempt) => `${shortModelName(attempt.model)} (${describeOutcome(attempt.outcome)})`).join(', ')}`
    : undefined;
  const continued = metadata.continuedBy ? `continued by ${shortModelName(metadata.continuedBy)} after the connection dropped` : undefined;
  return {
    model: `${shortModelName(metadata.model)}${provider}`,
    modelId: metadata.model,
    ...(fallback ? { fallback } : {}),
    ...(continued ? { continued } : {}),
    ...(metadata.cache ? { cache: 'from cache' } : {}),
    ...(describeUsage(metadata) ? { usage: describeUsage(metadata) } : {}),
  };
}

/** The whole badge as one line, as a screen reader or a copy would read it. */
export function servedByLine(text: ServedByText): string {
  return [`served by ${text.model}`, text.cache, text.fallback, text.continued, text.usage].filter(Boolean).join(' · ');
}
