import type { UIMessageChunk } from 'ai';

/** How a UI message stream ended, as seen by whoever read it. */
export type StreamEnd = { kind: 'closed'; finishReason?: string; errored: boolean } | { kind: 'cancelled' } | { kind: 'failed'; error: unknown };

/** Passes a UI message stream through unchanged and reports, once, how it ended. */
export function watchEnd(stream: ReadableStream<UIMessageChunk>, onEnd: (end: StreamEnd) => void): ReadableStream<UIMessageChunk> {
  const reader = stream.getReader();
  let finishReason: string | undefined;
  let errored = false;
  let reported = false;
  const report = (end: StreamEnd) => {
    if (reported) return;
    reported = true;
    onEnd(end);
  };
  return new ReadableStream<UIMessageChunk>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          report({ kind: 'closed', errored, ...(finishReason === undefined ? {} : { finishReason }) });
          controller.close();
          return;
        }
        if (value.type === 'finish') finishReason = value.finishReason;
        if (value.type === 'error') errored = true;
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
