import { describe, expect, it } from 'vitest';
import { shippedSchemas } from '@/lib/extract';
import { extractSchemaProblem, isStrictShaped } from './extract-schema-problem';

const object = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ type: 'object', properties, ...extra });

describe('extractSchemaProblem', () => {
  it('accepts the shipped schemas and ordinary caller schemas', () => {
    for (const schema of Object.values(shippedSchemas)) expect(extractSchemaProblem(schema)).toBeUndefined();
    expect(extractSchemaProblem(object({ tags: { type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'null' }] } } }))).toBeUndefined();
  });

  it.each([
    [{ type: 'string' }, /must describe an object/],
    [object({ a: { type: 'text' } }), /schema\.properties\.a: unknown type "text"/],
    [object({ a: { type: 'number', minimum: 5, maximum: 1 } }), /minimum \(5\) is greater than maximum \(1\)/],
    [object({ a: { type: 'array', minItems: 3, maxItems: 2 } }), /minItems \(3\) is greater than maxItems \(2\)/],
    [object({ a: { enum: [] } }), /`enum` is empty/],
    [object({ a: { not: {} } }), /matches nothing/],
    [object({ a: { allOf: [{ type: 'string' }, { type: 'number' }] } }), /`allOf` combines types/],
    [object({}, { required: 'a' }), /`required` must be a list/],
  ])('explains why %j cannot be used', (schema, reason) => {
    expect(extractSchemaProblem(schema)).toMatch(reason);
  });

  it('refuses nesting deeper than 12 levels', () => {
    let schema: Record<string, unknown> = { type: 'string' };
    for (let level = 0; level < 14; level += 1) schema = object({ inner: schema });
    expect(extractSchemaProblem(schema)).toMatch(/nested deeper than 12/);
  });
});

describe('isStrictShaped', () => {
  it('is true only when every object is closed and requires all its properties', () => {
    expect(isStrictShaped(shippedSchemas.invoice)).toBe(true);
    expect(isStrictShaped(object({ a: { type: 'string' } }, { required: ['a'] }))).toBe(false);
    expect(isStrictShaped(object({ a: { type: 'string' } }, { required: [], additionalProperties: false }))).toBe(false);
    expect(isStrictShaped(object({ a: object({ b: { type: 'string' } }) }, { required: ['a'], additionalProperties: false }))).toBe(false);
  });
});
