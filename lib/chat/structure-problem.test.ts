import { describe, expect, it } from 'vitest';
import { structureLimits, structureProblem } from './structure-problem';

function nested(levels: number): unknown {
  let value: unknown = 1;
  for (let level = 0; level < levels; level += 1) value = { next: value };
  return value;
}

describe('structureProblem', () => {
  it('accepts ordinary tool input and output', () => {
    expect(structureProblem({ type: 'tool-search', input: { query: 'rocks', limit: 5 }, output: { hits: [{ title: 'Flint', score: 0.9 }] } })).toBeUndefined();
  });

  it('rejects a structure deeper than the limit without overflowing itself (10,000 levels)', () => {
    expect(structureProblem({ input: nested(structureLimits.depth + 1) })).toMatch(/nested deeper/);
    expect(structureProblem({ input: nested(10_000) })).toMatch(/nested deeper/);
  });

  it('rejects too many values and too many characters', () => {
    expect(structureProblem({ output: Array.from({ length: structureLimits.nodes + 1 }, () => 0) })).toMatch(/more than/);
    expect(structureProblem({ output: 'x'.repeat(structureLimits.chars + 1) })).toMatch(/larger than/);
  });

  it('leaves the named top-level strings to their own limits', () => {
    expect(structureProblem({ type: 'file', url: 'x'.repeat(structureLimits.chars + 1) }, ['url'])).toBeUndefined();
  });
});
