import { describe, expect, it } from 'vitest';
import { decodeCached, encodeCached } from './cache-codec';

describe('cache codec', () => {
  it('round-trips dates and bytes inside nested results', () => {
    const value = { parts: [{ type: 'response-metadata', timestamp: new Date(7) }, { type: 'file', data: new Uint8Array([1, 2, 255]) }], n: 1, s: 'x', nothing: null };
    expect(decodeCached(encodeCached(value))).toEqual(value);
  });

  it('gives the same text for the same object in another key order only when sorting', () => {
    expect(encodeCached({ b: 1, a: { d: 2, c: 3 } }, true)).toBe(encodeCached({ a: { c: 3, d: 2 }, b: 1 }, true));
    expect(encodeCached({ b: 1, a: 2 })).not.toBe(encodeCached({ a: 2, b: 1 }));
  });

  it('drops undefined fields as JSON does', () => {
    expect(encodeCached({ a: undefined, b: [undefined] })).toBe(JSON.stringify({ a: undefined, b: [undefined] }));
  });
});
