import { describe, expect, it } from 'vitest';
import { charsPerPixelGuess, firstEncodingSize, nextEncodingSize } from './encoding-plan';

describe('firstEncodingSize', () => {
  it('aims a 12-megapixel phone photo at the pixels its budget should hold', () => {
    const size = firstEncodingSize({ width: 4032, height: 3024 }, 800_000);
    expect(size.width * size.height).toBeLessThanOrEqual(800_000 / charsPerPixelGuess);
    expect(size.width / size.height).toBeCloseTo(4 / 3, 2);
  });

  it('keeps a small image at its own size', () => {
    expect(firstEncodingSize({ width: 640, height: 480 }, 800_000)).toEqual({ width: 640, height: 480 });
  });

  it('respects the 33-megapixel limit even with a huge budget', () => {
    const size = firstEncodingSize({ width: 10_000, height: 10_000 }, 1e12);
    expect(size.width * size.height).toBeLessThanOrEqual(33_000_000);
  });
});

describe('nextEncodingSize', () => {
  it('stops once the encoding fits the budget', () => {
    expect(nextEncodingSize({ width: 2000, height: 1500 }, 700_000, 800_000)).toBeUndefined();
  });

  it('shrinks the pixels by more than the overshoot', () => {
    const next = nextEncodingSize({ width: 2000, height: 1500 }, 1_600_000, 800_000);
    expect(next).toBeDefined();
    expect(next!.width * next!.height).toBeLessThan((2000 * 1500) / 2);
  });
});
