import { describe, expect, it } from 'vitest';
import { formatGoDuration } from './go-duration.ts';

describe('formatGoDuration', () => {
  it('prints sub-second values in milliseconds', () => {
    expect(formatGoDuration(400)).toBe('400ms');
    expect(formatGoDuration(12.4)).toBe('12ms');
  });

  it('prints seconds with at most two decimals', () => {
    expect(formatGoDuration(7660)).toBe('7.66s');
    expect(formatGoDuration(1000)).toBe('1s');
  });

  it('prints minutes and hours like Go', () => {
    expect(formatGoDuration(179_560)).toBe('2m59.56s');
    expect(formatGoDuration(360_000)).toBe('6m0s');
    expect(formatGoDuration(3_723_000)).toBe('1h2m3s');
  });
});
