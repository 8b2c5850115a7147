import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { jsonFromSchema } from './json-from-schema.ts';

describe('jsonFromSchema', () => {
  it('produces a value a zod schema with nested objects, arrays, enums and bounds accepts', () => {
    const schema = z.object({
      title: z.string().min(20),
      rating: z.number().int().min(3).max(5),
      tags: z.array(z.string()).min(2),
      mood: z.enum(['calm', 'busy']),
      done: z.boolean(),
      when: z.string().datetime(),
      owner: z.object({ name: z.string(), email: z.string().email() }),
      note: z.string().nullable(),
    });
    const value = jsonFromSchema(z.toJSONSchema(schema) as Record<string, unknown>);
    expect(schema.parse(value)).toEqual(value);
  });

  it('follows local $ref definitions', () => {
    const value = jsonFromSchema({
      type: 'object',
      properties: { item: { $ref: '#/$defs/item' } },
      required: ['item'],
      $defs: { item: { type: 'object', properties: { count: { type: 'integer' } } } },
    });
    expect(value).toEqual({ item: { count: 1 } });
  });

  it('is deterministic', () => {
    const schema = { type: 'object', properties: { a: { type: 'string' } } };
    expect(JSON.stringify(jsonFromSchema(schema))).toBe(JSON.stringify(jsonFromSchema(schema)));
  });
});
