import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { describe, expect, it, vi } from 'vitest';
import { coalescedDeltaStream, coalesceDeltas } from './coalesce-deltas';

async function run(batches: LanguageModelV4StreamPart[][]): Promise<LanguageModelV4StreamPart[]> {
  const transform = coalesceDeltas();
  const writer = transform.writable.getWriter();
  const collected: LanguageModelV4StreamPart[] = [];
  const reading = (async () => {
    const reader = transform.readable.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      collected.push(value);
    }
  })();
  for (const batch of batches) {
    for (const part of batch) void writer.write(part);
    // a network read boundary: the next batch arrives after the pending flush has run
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await writer.close();
  await reading;
  return collected;
}

const text = (delta: string, id = 't'): LanguageModelV4StreamPart => ({ type: 'text-delta', id, delta });

describe('coalesceDeltas', () => {
  it('merges deltas that arrive together into one part', async () => {
    const parts = await run([[{ type: 'text-start', id: 't' }, text('Hello'), text(','), text(' world')]]);
    expect(parts).toEqual([{ type: 'text-start', id: 't' }, text('Hello, world')]);
  });

  it('keeps deltas that arrive apart as separate parts, so streaming stays visible', async () => {
    const parts = await run([[text('one')], [text(' two')]]);
    expect(parts).toEqual([text('one'), text(' two')]);
  });

  it('flushes pending text before any other part, preserving order', async () => {
    const parts = await run([[text('a'), text('b'), { type: 'text-end', id: 't' }, { type: 'reasoning-delta', id: 'r', delta: 'x' }, text('c', 't2')]]);
    expect(parts).toEqual([text('ab'), { type: 'text-end', id: 't' }, { type: 'reasoning-delta', id: 'r', delta: 'x' }, text('c', 't2')]);
  });

  it('never merges different blocks or kinds', async () => {
    const parts = await run([[text('a', 'one'), text('b', 'two'), { type: 'reasoning-delta', id: 'two', delta: 'c' }]]);
    expect(parts.map((part) => ('delta' in part ? part.delta : part.type))).toEqual(['a', 'b', 'c']);
  });

  it('delivers text that is still pending when the stream ends', async () => {
    const transform = coalesceDeltas();
    const writer = transform.writable.getWriter();
    void writer.write(text('last words'));
    void writer.close();
    const reader = transform.readable.getReader();
    expect((await reader.read()).value).toEqual(text('last words'));
    expect((await reader.read()).done).toBe(true);
  });
});

describe('coalesceDeltas over time', () => {
  it('sends the first delta at once, then at most one part per window while tokens keep coming', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate', 'performance'] });
    try {
      const transform = coalesceDeltas(10);
      const writer = transform.writable.getWriter();
      const reader = transform.readable.getReader();
      const received: string[] = [];
      const reading = (async () => {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          if (value.type === 'text-delta') received.push(value.delta);
        }
      })();
      // 30 tokens, one every millisecond (a 1000 tokens/s model)
      for (let token = 0; token < 30; token++) {
        await writer.write(text(`${token} `));
        await vi.advanceTimersByTimeAsync(1);
      }
      await writer.close();
      await reading;
      expect(received[0]).toBe('0 ');
      expect(received.join('')).toBe(Array.from({ length: 30 }, (_, token) => `${token} `).join(''));
      expect(received.length).toBeGreaterThanOrEqual(3);
      expect(received.length).toBeLessThanOrEqual(5);
    } finally {
      vi.useRealTimers();
    }
  });

  it('sends the first text at once after a reasoning flush, not at the end of the window', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate', 'performance'] });
    try {
      const transform = coalesceDeltas(16);
      const writer = transform.writable.getWriter();
      const reader = transform.readable.getReader();
      const received: string[] = [];
      const reading = (async () => {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          if ('delta' in value) received.push(value.delta);
        }
      })();
      const reasoningDelta = (delta: string): LanguageModelV4StreamPart => ({ type: 'reasoning-delta', id: 'r', delta });
      await writer.write(reasoningDelta('think'));
      await vi.advanceTimersByTimeAsync(1);
      await writer.write(reasoningDelta(' more')); // held: the window is open
      await vi.advanceTimersByTimeAsync(1);
      await writer.write(text('Answer')); // flushes the reasoning; the first text must not wait 16 ms
      await vi.advanceTimersByTimeAsync(1);
      expect(received).toEqual(['think', ' more', 'Answer']);
      await writer.close();
      await reading;
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('coalescedDeltaStream', () => {
  it('cancelling it cancels the source and drops the text still held in the window', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate', 'performance'] });
    try {
      let cancelled: unknown;
      const parts = [{ type: 'text-start', id: 't' } as const, text('one')];
      let later: LanguageModelV4StreamPart | undefined = text(' two');
      const source = new ReadableStream<LanguageModelV4StreamPart>(
        {
          pull(controller) {
            const part = parts.shift();
            if (part) return controller.enqueue(part);
            const next = later;
            later = undefined;
            // ' two' arrives 5 ms after 'one'; then the model is still writing
            return new Promise<void>((resolve) => next && setTimeout(() => resolve(controller.enqueue(next)), 5));
          },
          cancel(reason) {
            cancelled = reason;
          },
        },
        { highWaterMark: 0 },
      );
      const reader = coalescedDeltaStream(source, 16).getReader();
      expect((await reader.read()).value).toEqual({ type: 'text-start', id: 't' });
      const first = reader.read();
      await vi.advanceTimersByTimeAsync(1); // 'one' goes out at once; ' two' is held for the rest of the window
      expect((await first).value).toEqual(text('one'));
      const next = reader.read();
      await vi.advanceTimersByTimeAsync(5);
      expect(later).toBeUndefined();
      await reader.cancel('client left');
      expect(cancelled).toBe('client left');
      expect(await next).toEqual({ done: true, value: undefined });
      await vi.advanceTimersByTimeAsync(50); // the window's timer is gone: nothing is enqueued on a cancelled stream
    } finally {
      vi.useRealTimers();
    }
  });
});
