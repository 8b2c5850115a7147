import { describe, expect, it } from 'vitest';
import { createFaultStore, faultProblem } from './faults.ts';

const target = { provider: 'groq' as const, model: 'openai/gpt-oss-20b', endpoint: 'chat' as const };

function picks(seed: number, fraction: number, calls: number): boolean[] {
  const store = createFaultStore();
  store.add({ provider: 'groq', kind: 'status', status: 503, fraction, seed });
  return Array.from({ length: calls }, () => store.take(target) !== undefined);
}

describe('a fault on a random fraction of calls', () => {
  it('hits about that share of the matching calls', () => {
    const hits = picks(7, 0.3, 2000).filter(Boolean).length;
    expect(hits).toBeGreaterThan(2000 * 0.25);
    expect(hits).toBeLessThan(2000 * 0.35);
  });

  it('draws the same calls for the same seed, and different ones for another seed', () => {
    expect(picks(42, 0.3, 200)).toEqual(picks(42, 0.3, 200));
    expect(picks(42, 0.3, 200)).not.toEqual(picks(43, 0.3, 200));
  });

  it('a call the fraction does not pick goes on to the next fault, so faults combine into a mix', () => {
    const store = createFaultStore();
    store.add({ provider: 'groq', kind: 'status', status: 429, fraction: 0.5, seed: 3 });
    store.add({ provider: 'groq', kind: 'stall', ms: 10 });
    const kinds = Array.from({ length: 400 }, () => store.take(target)?.kind);
    expect(kinds.every((kind) => kind === 'status' || kind === 'stall')).toBe(true);
    const statuses = kinds.filter((kind) => kind === 'status').length;
    expect(statuses).toBeGreaterThan(150);
    expect(statuses).toBeLessThan(250);
  });

  it('counts `times` only on the calls it picked', () => {
    const store = createFaultStore();
    store.add({ provider: 'groq', kind: 'status', status: 503, fraction: 0.2, times: 5 });
    const hits = Array.from({ length: 500 }, () => store.take(target)).filter(Boolean).length;
    expect(hits).toBe(5);
  });

  it('rejects a fraction outside (0, 1] and a seed that is not an integer', () => {
    expect(faultProblem({ provider: 'groq', kind: 'drop', fraction: 0 })).toMatch(/fraction/);
    expect(faultProblem({ provider: 'groq', kind: 'drop', fraction: 1.5 })).toMatch(/fraction/);
    expect(faultProblem({ provider: 'groq', kind: 'drop', fraction: 0.5, seed: 1.5 })).toMatch(/seed/);
    expect(faultProblem({ provider: 'groq', kind: 'drop', fraction: 1, seed: 9 })).toBeUndefined();
  });
});
