/** A cheap, deliberately generous token estimate (about 3.5 characters per token) for routing. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 3.5);
}
