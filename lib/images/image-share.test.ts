import { describe, expect, it } from 'vitest';
import { imageShare } from './image-share';

describe('imageShare', () => {
  it('gives the first image an equal slice of the whole budget', () => {
    expect(imageShare([], 1000, 5)).toBe(200);
  });

  it('lets small images leave room for later, larger ones', () => {
    expect(imageShare([10, 10], 1000, 5)).toBe(326);
  });

  it('keeps any five images within the total whatever order they arrive in', () => {
    const used: number[] = [];
    for (let index = 0; index < 5; index += 1) used.push(imageShare(used, 4_194_304, 5));
    expect(used.reduce((sum, length) => sum + length, 0)).toBeLessThanOrEqual(4_194_304);
  });

  it('leaves nothing once every slot is taken', () => {
    expect(imageShare([1, 1, 1, 1, 1], 1000, 5)).toBe(0);
  });
});
