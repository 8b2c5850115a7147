import type { UIMessageChunk } from 'ai';
import { FlintError } from '@/lib/errors';

const contentTypes = new Set(['text-delta', 'reasoning-delta', 'tool-input-start', 'data-provider', 'finish']);

/**
 * Waits until a UI message stream carries content (or ends), then hands back a stream that replays
 * what was read. An error before any content is thrown instead, so the route can answer with a
 * real status code rather than a 200 whose body says "error".
 */
export async function firstContent(stream: ReadableStream<UIMessageChunk>): Promise<ReadableStream<UIMessageChunk>> {
  const reader = stream.getReader();
  const buffered: UIMessageChunk[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (value.type === 'error') {
      await reader.cancel();
      throw errorFromText(value.errorText);
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

/** The chat service encodes errors as the JSON of a FlintError body; rebuild it. */
function errorFromText(text: string): FlintError {
  try {
    const body = JSON.parse(text) as { code?: string; message?: string; retryable?: boolean };
    if (body.code) return new FlintError(body.code as FlintError['code'], { message: body.message, retryable: body.retryable });
  } catch {
    // fall through: an error text that is not ours is never shown as it is
  }
  return new FlintError('unavailable:chat');
}
