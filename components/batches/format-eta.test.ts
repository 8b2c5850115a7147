import { describe, expect, it } from 'vitest';
import { formatEta } from './format-eta';

describe('formatEta', () => {
  it('says unknown, seconds, minutes or hours', () => {
    expect([formatEta(null), formatEta(12.4), formatEta(185), formatEta(7300)]).toEqual(['—', '12 s', '3 min', 'about 2 h']);
  });
});
