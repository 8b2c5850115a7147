import type { LanguageModelV4Middleware, LanguageModelV4StreamPart } from '@ai-sdk/provider';

type DeltaPart = Extract<LanguageModelV4StreamPart, { type: 'text-delta' | 'reasoning-delta' }>;

/**
 * Merges text and reasoning deltas that arrive together (in one network read) into one delta.
 * Providers send a token per SSE frame, and everything downstream (streamText, the UI message
 * stream, SSE encoding, the browser) pays per part; a burst of tokens becomes one part instead.
 * Nothing waits: pending text is flushed on the next macrotask, or before any other part.
 */
export function coalesceDeltas(): TransformStream<LanguageModelV4StreamPart, LanguageModelV4StreamPart> {
  let pending: DeltaPart | undefined;
  let scheduled = false;
  let controller: TransformStreamDefaultController<LanguageModelV4StreamPart> | undefined;
  let closed = false;

  const flush = () => {
    scheduled = false;
    const part = pending;
    pending = undefined;
    if (!part || closed) return;
    try {
      controller!.enqueue(part);
    } catch {
      closed = true; // the reader cancelled the stream: nothing is waiting for this text
    }
  };

  return new TransformStream({
    start(streamController) {
      controller = streamController;
    },
    transform(part, streamController) {
      if (part.type === 'text-delta' || part.type === 'reasoning-delta') {
        if (pending && pending.type === part.type && pending.id === part.id && !part.providerMetadata) {
          pending = { ...pending, delta: pending.delta + part.delta };
        } else {
          flush();
          pending = part;
        }
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
        return;
      }
      flush();
      streamController.enqueue(part);
    },
    flush() {
      flush();
      closed = true;
    },
  });
}

/** The same as an AI SDK language model middleware, for `wrapLanguageModel`. */
export function coalesceDeltasMiddleware(): LanguageModelV4Middleware {
  return {
    specificationVersion: 'v4',
    wrapStream: async ({ doStream }) => {
      const { stream, ...rest } = await doStream();
      return { stream: stream.pipeThrough(coalesceDeltas()), ...rest };
    },
  };
}
