import { describe, expect, it } from 'vitest';
import { distanceFromBottom, followAfterScroll } from './scroll-follow';

const at = (scrollTop: number, scrollHeight = 2000, clientHeight = 500) => ({ scrollTop, scrollHeight, clientHeight });

describe('followAfterScroll', () => {
  it('keeps following while the reader stays at the bottom', () => {
    expect(followAfterScroll({ following: true, scrollTop: 1500 }, at(1500))).toBe(true);
  });

  it('stops following as soon as the reader scrolls up', () => {
    expect(followAfterScroll({ following: true, scrollTop: 1500 }, at(1400))).toBe(false);
  });

  it('keeps following when new tokens grow the content under a still reader', () => {
    expect(followAfterScroll({ following: true, scrollTop: 1500 }, at(1500, 2600))).toBe(true);
  });

  it('stays stopped while the reader reads higher up and tokens keep arriving', () => {
    expect(followAfterScroll({ following: false, scrollTop: 800 }, at(800, 2600))).toBe(false);
    expect(followAfterScroll({ following: false, scrollTop: 800 }, at(900, 2600))).toBe(false);
  });

  it('resumes following once the reader scrolls back to the end (within a small slack)', () => {
    expect(followAfterScroll({ following: false, scrollTop: 800 }, at(1460))).toBe(true);
  });
});

describe('distanceFromBottom', () => {
  it('is zero at the end and never negative (overscroll)', () => {
    expect(distanceFromBottom(at(1500))).toBe(0);
    expect(distanceFromBottom(at(1600))).toBe(0);
    expect(distanceFromBottom(at(1000))).toBe(500);
  });
});
