// A word (with inner apostrophes, as in "Flint's") or one punctuation mark, each with the whitespace before it;
// trailing whitespace on its own.
const tokenPattern = /\s*(?:[\p{L}\p{N}_]+(?:['’][\p{L}]+)*|[^\s\p{L}\p{N}_])|\s+/gu;

/** Splits text into emulated tokens, one per streamed chunk; joining them gives the text back. */
export function splitTokens(text: string): string[] {
  return text.match(tokenPattern) ?? [];
}

/** Roughly how many tokens a text costs, at four characters a token. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
