import { describe, expect, it } from 'vitest';
import { attribute } from './cpu-profile-attribution.ts';

const frame = (functionName: string, url = '') => ({ functionName, url, lineNumber: 0, columnNumber: 0 });

describe('attribute', () => {
  it('sums self time by layer, giving a native builtin to its nearest JS caller', () => {
    const profile = {
      nodes: [
        { id: 1, callFrame: frame('(root)'), children: [2, 3, 5, 6] },
        { id: 2, callFrame: frame('(garbage collector)') },
        { id: 3, callFrame: frame('readableStreamDefaultControllerEnqueue', 'node:internal/webstreams/readablestream'), children: [4] },
        { id: 4, callFrame: frame('writev') },
        { id: 5, callFrame: frame('(idle)') },
        { id: 6, callFrame: frame('parse', 'file:///x/node_modules/zod/v4/core/parse.js') },
      ],
      samples: [2, 3, 4, 4, 5, 6],
      timeDeltas: [1000, 2000, 500, 500, 9000, 3000],
    };
    const { byLayer, totalMs } = attribute(profile);
    expect(byLayer.get('GC')).toBe(1);
    expect(byLayer.get('web-stream plumbing (node:internal/webstreams)')).toBe(3);
    expect(byLayer.get('provider parsing: zod')).toBe(3);
    // idle time is not busy CPU
    expect(totalMs).toBe(7);
  });
});
