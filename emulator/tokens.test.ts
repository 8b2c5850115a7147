import { describe, expect, it } from 'vitest';
import { splitTokens } from './tokens.ts';

describe('splitTokens', () => {
  it('makes one token per word or punctuation mark, keeping the leading space', () => {
    expect(splitTokens('Hello, world!\n\n- item')).toEqual(['Hello', ',', ' world', '!', '\n\n-', ' item']);
    expect(splitTokens("Flint's 'quoted'")).toEqual(["Flint's", " '", 'quoted', "'"]);
  });

  it('loses no characters', () => {
    const text = '  {"a": [1, 2]} “quoted” café\n```ts\nconst x = 1;\n```  ';
    expect(splitTokens(text).join('')).toBe(text);
  });
});
