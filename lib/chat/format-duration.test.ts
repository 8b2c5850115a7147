import { describe, expect, it } from 'vitest';
import { formatDuration } from './format-duration';

describe('formatDuration', () => {
  it.each([
    [20, '0.1 s'],
    [840, '0.8 s'],
    [2_345, '2.3 s'],
    [12_400, '12 s'],
    [65_000, '1 min 5 s'],
    [120_000, '2 min'],
  ])('%i ms reads as %s', (milliseconds, words) => {
    expect(formatDuration(milliseconds)).toBe(words);
  });
});
