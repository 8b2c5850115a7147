import type { ToolDefinition } from './chat-request.ts';
import { jsonFromSchema } from './json-from-schema.ts';

// "5 km to mi", "100 fahrenheit in celsius"
const conversion = /\d+(?:\.\d+)?\s*[a-z]+\s+(?:to|in)\s+[a-z]+\b/i;
// Runs of digits, operators and brackets; kept only when an operator sits between two operands.
const arithmeticRun = /[\d(][\d\s.+\-*/^%()]*[\d)]/g;
const hasOperator = /[\d)]\s*(?:[-+*/^%]|\*\*)\s*[\d(]/;
const timeZone = /\b(?:UTC|[A-Z][a-z]+(?:\/[A-Z][A-Za-z_-]+)+)\b/;

/** The arithmetic expression or unit conversion in a message, e.g. `12*7+3` or `5 km to mi`. */
export function findExpression(text: string): string | undefined {
  const converted = conversion.exec(text);
  if (converted) return converted[0];
  const runs = [...text.matchAll(arithmeticRun)].map((match) => match[0].trim()).filter((run) => hasOperator.test(run));
  return runs.sort((left, right) => right.length - left.length)[0];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The arguments the emulated model passes: a value generated from the tool's schema, with an
 * `expression` property taken from the message's arithmetic and a `timeZone` from an IANA name in it.
 */
export function toolArguments(tool: ToolDefinition, text: string): string {
  const generated = jsonFromSchema(tool.parameters);
  if (!isObject(generated)) return JSON.stringify(generated);
  const expression = findExpression(text);
  if ('expression' in generated && expression !== undefined) generated.expression = expression;
  const zone = timeZone.exec(text)?.[0];
  for (const key of ['timeZone', 'timezone', 'time_zone']) if (key in generated && zone !== undefined) generated[key] = zone;
  return JSON.stringify(generated);
}
