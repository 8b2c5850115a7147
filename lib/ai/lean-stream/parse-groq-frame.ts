import { safeParseJSON } from '@ai-sdk/provider-utils';
import { groqChunkSchema, type GroqChunk } from './groq-chunk-schema';
import { isGroqChunk } from './is-groq-chunk';

/** One SSE `data:` payload as @ai-sdk/groq's `safeParseJSON` reports it. */
export type GroqFrame = { success: true; value: GroqChunk } | { success: false; error: unknown };

// secure-json-parse only inspects texts that could spell __proto__ or constructor (its escapes all start \u00).
const mayHidePrototypeKey = (text: string) =>
  text.includes('__proto__') || text.includes('constructor') || text.includes('\\u00');

function fastParse(text: string): GroqFrame | undefined {
  if (mayHidePrototypeKey(text)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return isGroqChunk(value) ? { success: true, value } : undefined;
}

/**
 * Parses a frame with plain JSON.parse and a hand check when it is an ordinary chunk; anything else (error
 * frames, bad JSON, odd shapes) goes through the SDK's own parser and schema so the outcome is the SDK's.
 */
export function parseGroqFrame(text: string): GroqFrame | Promise<GroqFrame> {
  return fastParse(text) ?? safeParseJSON({ text, schema: groqChunkSchema() });
}
