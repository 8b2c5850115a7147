import type { JsonSchema } from './chat-request.ts';

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function children(schema: JsonSchema): Array<[string, JsonSchema]> {
  const found: Array<[string, JsonSchema]> = [];
  const add = (path: string, value: unknown) => { if (isSchema(value)) found.push([path, value]); };
  if (isSchema(schema.properties)) for (const [key, child] of Object.entries(schema.properties)) add(`properties/${key}`, child);
  for (const key of ['$defs', 'definitions'] as const) {
    const defs = schema[key];
    if (isSchema(defs)) for (const [name, child] of Object.entries(defs)) add(`${key}/${name}`, child);
  }
  add('items', schema.items);
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const options = schema[key];
    if (Array.isArray(options)) options.forEach((option, index) => add(`${key}/${index}`, option));
  }
  return found;
}

function isObjectSchema(schema: JsonSchema): boolean {
  return schema.type === 'object' || (Array.isArray(schema.type) && schema.type.includes('object')) || isSchema(schema.properties);
}

/**
 * Why a schema cannot be used with `strict: true`, or undefined when it can: strict mode needs
 * every property listed in `required` and `additionalProperties: false` on every object.
 */
export function strictSchemaProblem(schema: JsonSchema, path = '#'): string | undefined {
  if (isObjectSchema(schema)) {
    if (schema.additionalProperties !== false) return `${path}: \`additionalProperties:false\` must be set on every object`;
    const properties = isSchema(schema.properties) ? Object.keys(schema.properties) : [];
    const required = Array.isArray(schema.required) ? schema.required : [];
    const missing = properties.find((key) => !required.includes(key));
    if (missing !== undefined) return `${path}: all fields must be required, and \`${missing}\` is not in \`required\``;
  }
  for (const [childPath, child] of children(schema)) {
    const problem = strictSchemaProblem(child, `${path}/${childPath}`);
    if (problem) return problem;
  }
  return undefined;
}
