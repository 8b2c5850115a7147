import { describe, expect, it } from 'vitest';
import { formatGoDuration } from '@/emulator/go-duration';
import { parseGoDuration } from './parse-go-duration';

describe('parseGoDuration', () => {
  it('reads the forms the providers send', () => {
    expect(parseGoDuration('2m59.56s')).toBeCloseTo(179_560);
    expect(parseGoDuration('7.66s')).toBeCloseTo(7_660);
    expect(parseGoDuration('400ms')).toBe(400);
    expect(parseGoDuration('6m0s')).toBe(360_000);
    expect(parseGoDuration('1h2m3s')).toBe(3_723_000);
    expect(parseGoDuration('12ms')).toBe(12);
    expect(parseGoDuration('1.5µs')).toBeCloseTo(0.0015);
    expect(parseGoDuration('30')).toBe(30_000);
  });

  it('refuses what is not a duration', () => {
    for (const text of ['', 'soon', '5 s', '1x', '-3s', 's']) expect(parseGoDuration(text)).toBeUndefined();
  });

  it('reads back whatever the emulator writes', () => {
    for (const ms of [0, 12, 400, 7_660, 59_999, 179_560, 3_723_000, 86_399_000]) {
      expect(parseGoDuration(formatGoDuration(ms))).toBeCloseTo(ms, -1);
    }
  });
});
