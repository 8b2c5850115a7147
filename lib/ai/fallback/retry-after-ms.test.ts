import { describe, expect, it } from 'vitest';
import { retryAfterMs } from './retry-after-ms';

describe('retryAfterMs', () => {
  it('prefers retry-after-ms, then retry-after seconds, then an HTTP date', () => {
    expect(retryAfterMs({ 'retry-after-ms': '1500', 'retry-after': '30' })).toBe(1500);
    expect(retryAfterMs({ 'retry-after': '30' })).toBe(30_000);
    expect(retryAfterMs({ 'Retry-After': '2.5' })).toBe(2500);
    const now = Date.parse('2026-11-01T10:00:00Z');
    expect(retryAfterMs({ 'retry-after': 'Sun, 01 Nov 2026 10:00:12 GMT' }, now)).toBe(12_000);
  });

  it('is undefined without a usable header', () => {
    expect(retryAfterMs(undefined)).toBeUndefined();
    expect(retryAfterMs({})).toBeUndefined();
    expect(retryAfterMs({ 'retry-after': 'soon' })).toBeUndefined();
  });
});
