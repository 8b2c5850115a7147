import type { UIMessageChunk } from 'ai';
import { FlintError } from '@/lib/errors';

const contentTypes = new Set(['text-delta', 'reasoning-delta', 'tool-input-start', 'data-provider', 'finish']);

/** How a UI message stream ended once it had started, as seen by whoever read it. */
export type StreamEnd = { kind: 'closed'; finishReason?: string; errored: boolean } | { kind: 'cancelled' } | { kind: 'failed'; error: unknown };

/** What firstContent needs besides the stream. */
export interface FirstContentOptions {
  /** The error object behind an error chunk (class and retry-after intact); the chunk's text is never parsed back. */
  errorOf?: () => FlintError | undefined;
  /** Called once when the returned stream ends, however it ends (the request log's hook). */
  onEnd?: (end: StreamEnd) => void;
}

/**
 * Waits until a UI message stream carries content (or ends), then hands back a stream that replays
 * what was read and passes the rest through, reporting how it ended. An error before any content
 * is thrown instead, so the route can answer with a real status code rather than a 200 whose body
 * says "error". One stage for both jobs: every stage costs CPU per chunk (issue 14).
 */
export async function firstContent(stream: ReadableStream<UIMessageChunk>, options: FirstContentOptions = {}): Promise<ReadableStream<UIMessageChunk>> {
  const reader = stream.getReader();
  const buffered: UIMessageChunk[] = [];
  let finishReason: string | undefined;
  let errored = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (value.type === 'error') {
      await reader.cancel();
      throw options.errorOf?.() ?? new FlintError('unavailable:chat');
    }
    if (value.type === 'finish') finishReason = value.finishReason;
    buffered.push(value);
    if (contentTypes.has(value.type)) break;
  }
  let reported = false;
  const report = (end: StreamEnd) => {
    if (reported) return;
    reported = true;
    options.onEnd?.(end);
  };
  return new ReadableStream<UIMessageChunk>({
    start(controller) {
      for (const chunk of buffered) controller.enqueue(chunk);
    },
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          report({ kind: 'closed', errored, ...(finishReason === undefined ? {} : { finishReason }) });
          controller.close();
          return;
        }
        if (value.type === 'finish') finishReason = value.finishReason;
        else if (value.type === 'error') errored = true;
        controller.enqueue(value);
      } catch (error) {
        report({ kind: 'failed', error });
        controller.error(error);
      }
    },
    cancel(reason) {
      report({ kind: 'cancelled' });
      return reader.cancel(reason);
    },
  });
}
