import type { LanguageModelV4Middleware, LanguageModelV4StreamPart } from '@ai-sdk/provider';

type DeltaPart = Extract<LanguageModelV4StreamPart, { type: 'text-delta' | 'reasoning-delta' }>;

/** About one display frame: text arriving faster than this is merged; a reader cannot tell. */
export const defaultCoalesceWindowMs = 16;

/**
 * Merges text and reasoning deltas into fewer, larger deltas. Providers send a token per SSE
 * frame, and everything downstream (streamText, the UI message stream, SSE encoding, the
 * browser's re-render) pays per part. The first delta of a burst, and the first of every block,
 * goes out on the next macrotask (time to first token is untouched); later ones are held at most
 * `windowMs`. Any other part flushes pending text first, so order is kept.
 */
export function coalesceDeltas(windowMs = defaultCoalesceWindowMs): ReadableWritablePair<LanguageModelV4StreamPart, LanguageModelV4StreamPart> {
  const { readable, writable } = new TransformStream<LanguageModelV4StreamPart, LanguageModelV4StreamPart>();
  return { writable, readable: coalescedDeltaStream(readable, windowMs) };
}

/**
 * coalesceDeltas over a stream, without a TransformStream: one pull stream reading `source`.
 * A pipeThrough costs a TransformStream (two streams, their controllers) and pipeTo's reader,
 * writer and promises, ~10 KiB per open chat (bench/heap-per-stream.ts) and a promise per part.
 */
export function coalescedDeltaStream(source: ReadableStream<LanguageModelV4StreamPart>, windowMs = defaultCoalesceWindowMs): ReadableStream<LanguageModelV4StreamPart> {
  const reader = source.getReader();
  let pending: DeltaPart | undefined;
  let timer: ReturnType<typeof setTimeout> | ReturnType<typeof setImmediate> | undefined;
  let lastFlushAt = -Infinity;
  /** The block (kind and id) of the last delta sent: a delta of any other block is the first of its block. */
  let lastBlock = '';
  let controller!: ReadableStreamDefaultController<LanguageModelV4StreamPart>;
  let closed = false;

  const stopTimer = () => {
    if (timer === undefined) return;
    clearTimeout(timer as ReturnType<typeof setTimeout>);
    clearImmediate(timer as ReturnType<typeof setImmediate>);
    timer = undefined;
  };

  const flush = () => {
    stopTimer();
    const part = pending;
    pending = undefined;
    if (!part || closed) return;
    lastFlushAt = performance.now();
    lastBlock = `${part.type}:${part.id}`;
    try {
      controller.enqueue(part);
    } catch {
      closed = true; // the reader cancelled the stream: nothing is waiting for this text
    }
  };

  const schedule = () => {
    if (timer !== undefined) return;
    // The first delta of a block never waits for the window: a reasoning flush just before the
    // first text would otherwise hold that text ~14 ms (issue 14: added TTFT 19 -> 6 ms).
    const firstOfBlock = pending !== undefined && `${pending.type}:${pending.id}` !== lastBlock;
    const wait = firstOfBlock ? 0 : lastFlushAt + windowMs - performance.now();
    timer = wait > 0 ? setTimeout(flush, wait) : setImmediate(flush);
  };

  return new ReadableStream<LanguageModelV4StreamPart>(
    {
      start(streamController) {
        controller = streamController;
      },
      async pull() {
        // Deltas are merged without returning, so the source keeps being read while the window is open.
        for (;;) {
          let result: ReadableStreamReadResult<LanguageModelV4StreamPart>;
          try {
            result = await reader.read();
          } catch (error) {
            stopTimer();
            pending = undefined;
            closed = true;
            throw error;
          }
          if (closed) return;
          if (result.done) {
            flush();
            closed = true;
            controller.close();
            return;
          }
          const part = result.value;
          if (part.type === 'text-delta' || part.type === 'reasoning-delta') {
            if (pending && pending.type === part.type && pending.id === part.id && !part.providerMetadata) {
              pending = { ...pending, delta: pending.delta + part.delta };
            } else {
              flush();
              pending = part;
            }
            schedule();
            continue;
          }
          flush();
          controller.enqueue(part);
          return;
        }
      },
      cancel(reason) {
        closed = true;
        stopTimer();
        pending = undefined;
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}

/** The same as an AI SDK language model middleware, for `wrapLanguageModel`. */
export function coalesceDeltasMiddleware(windowMs = defaultCoalesceWindowMs): LanguageModelV4Middleware {
  return {
    specificationVersion: 'v4',
    wrapStream: async ({ doStream }) => {
      const { stream, ...rest } = await doStream();
      return { stream: coalescedDeltaStream(stream, windowMs), ...rest };
    },
  };
}
