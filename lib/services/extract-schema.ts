import type { JSONSchema7 } from '@ai-sdk/provider';
import { z } from 'zod';
import { shippedSchemas, type ShippedSchemaName } from '@/lib/extract';
import { FlintError } from '@/lib/errors';
import { extractSchemaProblem, isStrictShaped } from './extract-schema-problem';

/** A schema ready for extraction: what the model is given, what validates its answer, and whether strict decoding may take it. */
export interface ExtractSchema {
  /** The shipped schema's name, or undefined for a caller's schema. */
  name?: ShippedSchemaName;
  jsonSchema: JSONSchema7;
  validator: z.ZodType;
  strictShaped: boolean;
}

/** Largest caller schema accepted, as JSON. */
export const maxSchemaChars = 32_000;

function isShippedName(name: string): name is ShippedSchemaName {
  return Object.hasOwn(shippedSchemas, name);
}

/**
 * Resolves `schema` from a request (a shipped schema's name or a JSON Schema object) or throws
 * `invalid_schema:extract` saying why it cannot be used.
 */
export function resolveExtractSchema(schema: unknown): ExtractSchema {
  if (typeof schema === 'string') {
    if (!isShippedName(schema)) {
      throw new FlintError('invalid_schema:extract', { message: `There is no shipped schema named "${schema}". Use one of: ${Object.keys(shippedSchemas).join(', ')}, or send a JSON Schema object.` });
    }
    const jsonSchema = shippedSchemas[schema];
    return { name: schema, jsonSchema, validator: z.fromJSONSchema(jsonSchema as z.core.JSONSchema.JSONSchema), strictShaped: true };
  }
  if (JSON.stringify(schema ?? null).length > maxSchemaChars) {
    throw new FlintError('invalid_schema:extract', { message: `The schema is larger than ${maxSchemaChars} characters of JSON.` });
  }
  const problem = extractSchemaProblem(schema);
  if (problem) throw new FlintError('invalid_schema:extract', { message: `The schema cannot be used: ${problem}.` });
  let validator: z.ZodType;
  try {
    validator = z.fromJSONSchema(schema as z.core.JSONSchema.JSONSchema);
  } catch (error) {
    throw new FlintError('invalid_schema:extract', { message: `The schema cannot be used: ${error instanceof Error ? error.message : 'it is not valid JSON Schema'}.`, cause: error });
  }
  return { jsonSchema: schema as JSONSchema7, validator, strictShaped: isStrictShaped(schema) };
}
