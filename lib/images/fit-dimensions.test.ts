import { describe, expect, it } from 'vitest';
import { fitDimensions } from './fit-dimensions';

describe('fitDimensions', () => {
  it('leaves an image within the limit as it is (never upscales)', () => {
    expect(fitDimensions({ width: 800, height: 600 }, 33_000_000)).toEqual({ width: 800, height: 600 });
  });

  it('brings a 48-megapixel image within 33 megapixels and keeps its aspect ratio', () => {
    const fitted = fitDimensions({ width: 8000, height: 6000 }, 33_000_000);
    expect(fitted.width * fitted.height).toBeLessThanOrEqual(33_000_000);
    expect(fitted.width * fitted.height).toBeGreaterThan(32_900_000);
    expect(fitted.width / fitted.height).toBeCloseTo(4 / 3, 2);
  });

  it('never returns a zero side for a very long, thin image', () => {
    expect(fitDimensions({ width: 100_000, height: 1 }, 100)).toEqual({ width: 100, height: 1 });
  });
});
