type Schema = { [key: string]: unknown };

const types = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'];
const maxDepth = 12;

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typesOf(schema: Schema): string[] | undefined {
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type)) return schema.type.filter((type): type is string => typeof type === 'string');
  return undefined;
}

function boundsProblem(schema: Schema, low: string, high: string): string | undefined {
  const min = schema[low];
  const max = schema[high];
  if (typeof min === 'number' && typeof max === 'number' && min > max) return `${low} (${min}) is greater than ${high} (${max})`;
  return undefined;
}

function ownProblem(schema: Schema): string | undefined {
  const declared = typesOf(schema);
  if (schema.type !== undefined && (declared === undefined || declared.length === 0)) return '`type` must be a type name or a list of them';
  const unknown = declared?.find((type) => !types.includes(type));
  if (unknown !== undefined) return `unknown type "${unknown}"`;
  if (schema.properties !== undefined && !isSchema(schema.properties)) return '`properties` must be an object';
  if (schema.required !== undefined && !(Array.isArray(schema.required) && schema.required.every((key) => typeof key === 'string'))) {
    return '`required` must be a list of property names';
  }
  if (Array.isArray(schema.required) && schema.additionalProperties === false) {
    const properties = isSchema(schema.properties) ? schema.properties : {};
    const missing = schema.required.find((key) => typeof key === 'string' && !(key in properties));
    if (missing !== undefined) return `"${String(missing)}" is required but not allowed (not in \`properties\`, and \`additionalProperties\` is false)`;
  }
  if (Array.isArray(schema.enum) && schema.enum.length === 0) return '`enum` is empty, so no value can match';
  if (schema.not !== undefined && isSchema(schema.not) && Object.keys(schema.not).length === 0) return '`not: {}` matches nothing';
  if (Array.isArray(schema.allOf)) {
    const sets = schema.allOf.filter(isSchema).map(typesOf).filter((set): set is string[] => set !== undefined);
    const common = sets.reduce<string[] | undefined>((shared, set) => (shared === undefined ? set : shared.filter((type) => set.includes(type) || (type === 'integer' && set.includes('number')))), undefined);
    if (common !== undefined && common.length === 0) return '`allOf` combines types that no value can have at once';
  }
  return boundsProblem(schema, 'minLength', 'maxLength') ?? boundsProblem(schema, 'minimum', 'maximum') ?? boundsProblem(schema, 'minItems', 'maxItems')
    ?? boundsProblem(schema, 'minProperties', 'maxProperties');
}

function children(schema: Schema): Array<[string, unknown]> {
  const found: Array<[string, unknown]> = [];
  if (isSchema(schema.properties)) for (const [key, child] of Object.entries(schema.properties)) found.push([`properties.${key}`, child]);
  for (const key of ['$defs', 'definitions']) {
    const defs = schema[key];
    if (isSchema(defs)) for (const [name, child] of Object.entries(defs)) found.push([`${key}.${name}`, child]);
  }
  if (schema.items !== undefined) found.push(['items', schema.items]);
  for (const key of ['anyOf', 'oneOf', 'allOf']) {
    const options = schema[key];
    if (Array.isArray(options)) options.forEach((option, index) => found.push([`${key}.${index}`, option]));
  }
  return found;
}

/**
 * Why a JSON Schema cannot describe any object a model could produce, or undefined when it is
 * usable: a root that is not an object, unknown types, contradictory bounds, empty enums,
 * required properties that are forbidden, types that `allOf` makes impossible, nesting deeper than 12.
 */
export function extractSchemaProblem(schema: unknown, path = 'schema', depth = 0): string | undefined {
  if (!isSchema(schema)) return `${path} must be a JSON Schema object`;
  if (depth === 0) {
    const root = typesOf(schema);
    if (!(root?.length === 1 && root[0] === 'object')) return 'the schema must describe an object (`"type": "object"` at the top)';
  }
  if (depth > maxDepth) return `${path} is nested deeper than ${maxDepth} levels`;
  const own = ownProblem(schema);
  if (own) return `${path}: ${own}`;
  for (const [childPath, child] of children(schema)) {
    const problem = extractSchemaProblem(child, `${path}.${childPath}`, depth + 1);
    if (problem) return problem;
  }
  return undefined;
}

/** True when strict decoding can take the schema as it is: every object closed and all its properties required. */
export function isStrictShaped(schema: unknown): boolean {
  if (!isSchema(schema)) return true;
  if (typesOf(schema)?.includes('object') || isSchema(schema.properties)) {
    if (schema.additionalProperties !== false) return false;
    const properties = isSchema(schema.properties) ? Object.keys(schema.properties) : [];
    const required = Array.isArray(schema.required) ? schema.required : [];
    if (properties.some((key) => !required.includes(key))) return false;
  }
  return children(schema).every(([, child]) => isStrictShaped(child));
}
