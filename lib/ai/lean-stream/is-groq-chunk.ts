import type { GroqChunk } from './groq-chunk-schema';

/** A Groq completion chunk (the non-error member of the chunk schema). */
export type GroqCompletionChunk = Exclude<GroqChunk, { error: unknown }>;

type Check = (value: unknown) => boolean;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const nullish = (check: Check): Check => (value) => value === undefined || value === null || check(value);
const isString: Check = (value) => typeof value === 'string';
const isNumber: Check = (value) => typeof value === 'number' && Number.isFinite(value);
const nullishString = nullish(isString);
const nullishNumber = nullish(isNumber);

const isToolCallDelta: Check = (value) =>
  isRecord(value) &&
  isNumber(value.index) &&
  nullishString(value.id) &&
  (value.type === undefined || value.type === 'function') &&
  isRecord(value.function) &&
  nullishString(value.function.name) &&
  nullishString(value.function.arguments);

const isDelta: Check = (value) =>
  isRecord(value) &&
  nullishString(value.content) &&
  nullishString(value.reasoning) &&
  nullish((calls) => Array.isArray(calls) && calls.every(isToolCallDelta))(value.tool_calls);

const isChoice: Check = (value) =>
  isRecord(value) && nullish(isDelta)(value.delta) && nullishString(value.finish_reason) && isNumber(value.index);

/** Usage as the SDK's schema checks it. */
const isGroqUsage: Check = (value) =>
  isRecord(value) &&
  nullishNumber(value.prompt_tokens) &&
  nullishNumber(value.completion_tokens) &&
  nullishNumber(value.total_tokens) &&
  nullish((details) => isRecord(details) && nullishNumber(details.cached_tokens))(value.prompt_tokens_details) &&
  nullish((details) => isRecord(details) && nullishNumber(details.reasoning_tokens))(value.completion_tokens_details);

/**
 * Whether a parsed frame is plainly a completion chunk that @ai-sdk/groq's zod schema accepts. Never looser
 * than the schema (anything it rejects goes to the schema itself), so a frame it passes needs no zod run.
 */
export function isGroqChunk(value: unknown): value is GroqCompletionChunk {
  return (
    isRecord(value) &&
    nullishString(value.id) &&
    nullishNumber(value.created) &&
    nullishString(value.model) &&
    Array.isArray(value.choices) &&
    value.choices.every(isChoice) &&
    nullish((xGroq) => isRecord(xGroq) && nullish(isGroqUsage)(xGroq.usage))(value.x_groq)
  );
}
