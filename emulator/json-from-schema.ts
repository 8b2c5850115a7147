import type { JsonSchema } from './chat-request.ts';

type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

const maxDepth = 8;

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function resolveRef(root: JsonSchema, ref: string): JsonSchema {
  // Only local refs (#/$defs/x, #/definitions/x) appear in generated schemas.
  const path = ref.replace(/^#\/?/, '').split('/').filter(Boolean);
  let node: unknown = root;
  for (const key of path) node = isSchema(node) ? node[key.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  return isSchema(node) ? node : {};
}

function stringFor(schema: JsonSchema, name: string): string {
  switch (schema.format) {
    case 'date-time': return '2026-01-01T00:00:00Z';
    case 'date': return '2026-01-01';
    case 'time': return '00:00:00';
    case 'email': return 'emulator@example.com';
    case 'uri':
    case 'url': return 'https://example.com/emulated';
    case 'uuid': return '00000000-0000-4000-8000-000000000000';
  }
  let text = `emulated ${name}`;
  const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const maxLength = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
  while (text.length < minLength) text += ' x';
  return text.slice(0, maxLength);
}

function numberFor(schema: JsonSchema, integer: boolean): number {
  const minimum = typeof schema.minimum === 'number' ? schema.minimum
    : typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + (integer ? 1 : 0.5) : undefined;
  const maximum = typeof schema.maximum === 'number' ? schema.maximum
    : typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum - (integer ? 1 : 0.5) : undefined;
  // 1 unless the bounds forbid it (zod's int() sends minimum -2^53, which is no hint at a value).
  let value = 1;
  if (minimum !== undefined && value < minimum) value = minimum;
  if (maximum !== undefined && value > maximum) value = maximum;
  if (integer) value = Math.ceil(value);
  return value;
}

function generate(root: JsonSchema, schema: JsonSchema, name: string, depth: number): JsonValue {
  if (typeof schema.$ref === 'string') return generate(root, resolveRef(root, schema.$ref), name, depth + 1);
  if ('const' in schema) return (schema.const ?? null) as JsonValue;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0] as JsonValue;
  for (const combinator of ['anyOf', 'oneOf', 'allOf'] as const) {
    const options = schema[combinator];
    if (Array.isArray(options)) {
      const usable = options.filter(isSchema).find((option) => option.type !== 'null') ?? options.find(isSchema);
      if (usable) return generate(root, usable, name, depth + 1);
    }
  }
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const type = types.find((candidate) => candidate !== 'null') ?? types[0] ?? (isSchema(schema.properties) ? 'object' : undefined);
  if (depth > maxDepth) return type === 'array' ? [] : type === 'object' ? {} : null;
  switch (type) {
    case 'object': {
      const properties = isSchema(schema.properties) ? schema.properties : {};
      const result: { [key: string]: JsonValue } = {};
      // Fill every listed property: strict schemas require all of them, and it shows more of the shape.
      for (const [key, child] of Object.entries(properties)) result[key] = generate(root, isSchema(child) ? child : {}, key, depth + 1);
      return result;
    }
    case 'array': {
      const items = isSchema(schema.items) ? schema.items : {};
      const count = Math.max(1, typeof schema.minItems === 'number' ? schema.minItems : 1);
      const limited = typeof schema.maxItems === 'number' ? Math.min(count, schema.maxItems) : count;
      return Array.from({ length: limited }, () => generate(root, items, name, depth + 1));
    }
    case 'string': return stringFor(schema, name);
    case 'integer': return numberFor(schema, true);
    case 'number': return numberFor(schema, false);
    case 'boolean': return true;
    case 'null': return null;
    default: return stringFor(schema, name);
  }
}

/** Produces a deterministic value that conforms to a JSON Schema's types, enums, required props and simple bounds. */
export function jsonFromSchema(schema: JsonSchema): JsonValue {
  return generate(schema, schema, 'value', 0);
}
