import type { UIMessageChunk } from 'ai';
import { FlintError } from '@/lib/errors';

const contentTypes = new Set(['text-delta', 'reasoning-delta', 'tool-input-start', 'data-provider', 'finish']);

/**
 * Waits until a UI message stream carries content (or ends), then hands back a stream that replays
 * what was read. An error before any content is thrown instead, so the route can answer with a
 * real status code rather than a 200 whose body says "error". `errorOf` hands over the error
 * object behind an error chunk (its class and retry-after intact); the chunk's text is only a fallback.
 */
export async function firstContent(
  stream: ReadableStream<UIMessageChunk>,
  errorOf: () => FlintError | undefined = () => undefined,
): Promise<ReadableStream<UIMessageChunk>> {
  const reader = stream.getReader();
  const buffered: UIMessageChunk[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (value.type === 'error') {
      await reader.cancel();
      throw errorOf() ?? new FlintError('unavailable:chat');
    }
    buffered.push(value);
    if (contentTypes.has(value.type)) break;
  }
  return new ReadableStream<UIMessageChunk>({
    start(controller) {
      for (const chunk of buffered) controller.enqueue(chunk);
    },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}
