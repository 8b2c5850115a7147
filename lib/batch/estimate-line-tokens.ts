/** Completion tokens assumed for a line that sets no max_tokens; a guess, so rate pacing errs on the safe side. */
export const defaultCompletionTokens = 512;

/** An upper-bound guess of the tokens a line will be charged: its messages at 3 characters a token plus its output cap. */
export function estimateLineTokens(body: Record<string, unknown>, completionGuess = defaultCompletionTokens): number {
  const prompt = Math.ceil(JSON.stringify(body.messages ?? []).length / 3);
  const cap = body.max_completion_tokens ?? body.max_tokens;
  return prompt + (typeof cap === 'number' && cap > 0 ? cap : completionGuess);
}
