import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { MockLanguageModelV4 } from 'ai/test';
import { describe, expect, it, vi } from 'vitest';
import { createFallbackModel } from './fallback-model';
import { createFallbackTrace } from './fallback-trace';
import { createHealthRegistry } from '../health/health';
import { candidate, prompt, speed } from '../../../test/fallback-support';

// A full, synchronous GC on demand: what an open stream still reaches is all that survives it.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** Fresh part objects, one per read, then a stream that stays open (a reply still being written). */
function openReply(): ReadableStream<LanguageModelV4StreamPart> {
  const parts: Array<() => LanguageModelV4StreamPart> = [
    () => ({ type: 'stream-start', warnings: [] }),
    () => ({ type: 'text-start', id: 't' }),
    () => ({ type: 'text-delta', id: 't', delta: 'Hello' }),
    () => ({ type: 'text-delta', id: 't', delta: ' there' }),
  ];
  let index = 0;
  return new ReadableStream<LanguageModelV4StreamPart>(
    {
      pull(controller) {
        const make = parts[index];
        index += 1;
        if (make) controller.enqueue(make());
        else return new Promise<void>(() => {});
      },
    },
    { highWaterMark: 0 },
  );
}

describe('fallback model: what an open stream keeps', () => {
  it('keeps neither the parts it buffered and forwarded nor the provider request of the first answer', async () => {
    let bodyRef: WeakRef<object> | undefined;
    const doStream = async () => {
      const body = { messages: [{ role: 'user', content: 'a whole conversation' }] };
      bodyRef = new WeakRef(body);
      return { stream: openReply(), request: { body } };
    };
    const model = createFallbackModel({
      candidates: [candidate(speed, new MockLanguageModelV4({ doStream }))],
      health: createHealthRegistry({ logError: vi.fn() }),
      firstTokenTimeoutMs: 5000,
      totalTimeoutMs: 60_000,
      trace: createFallbackTrace(),
    });
    // The caller reads up to the first delta (the last buffered part) and keeps neither it nor the result's request.
    const { reader, firstDeltaRef } = await (async () => {
      const { stream } = await model.doStream({ prompt });
      const reader = stream.getReader();
      for (;;) {
        const { value } = await reader.read();
        if (value?.type === 'text-delta') return { reader, firstDeltaRef: new WeakRef(value) };
      }
    })();
    await new Promise((resolve) => setImmediate(resolve)); // WeakRef targets are held until the current job ends
    collectGarbage();
    expect(firstDeltaRef.deref()).toBeUndefined();
    expect(bodyRef).toBeDefined();
    expect(bodyRef!.deref()).toBeUndefined();
    // The stream itself is still open and still forwards.
    expect((await reader.read()).value).toEqual({ type: 'text-delta', id: 't', delta: ' there' });
    await reader.cancel();
  });
});
