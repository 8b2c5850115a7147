import { describe, expect, it } from 'vitest';
import { createCatalog } from '../catalog/catalog';
import { costOf } from './cost-of';

const catalog = createCatalog();

describe('costOf', () => {
  it('prices tokens per million, input and output separately', () => {
    const model = catalog.find('openai/gpt-oss-120b')!;
    // 2,000 in at $0.15/M + 1,000 out at $0.60/M
    expect(costOf(model, { inputTokens: 2000, outputTokens: 1000 })).toBeCloseTo(0.0003 + 0.0006, 12);
  });

  it('prices audio per hour of audio', () => {
    expect(costOf(catalog.find('whisper-large-v3-turbo')!, { audioSeconds: 1800 })).toBeCloseTo(0.02, 12);
    expect(costOf(catalog.find('whisper-1')!, { audioSeconds: 3600 })).toBeCloseTo(0.36, 12);
  });

  it('counts unknown amounts as zero', () => {
    expect(costOf(catalog.find('openai/gpt-oss-20b')!, {})).toBe(0);
  });
});
