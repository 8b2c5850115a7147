import { parseJsonEventStream, uiMessageChunkSchema, type UIMessageChunk } from 'ai';

/** The UI message chunks of a chat reply's SSE bytes, parsed as useChat's transport parses them. */
export function uiChunkStream(bytes: ReadableStream<Uint8Array>): ReadableStream<UIMessageChunk> {
  return parseJsonEventStream({ stream: bytes, schema: uiMessageChunkSchema }).pipeThrough(
    new TransformStream({
      transform(result, controller) {
        if (!result.success) throw result.error;
        controller.enqueue(result.value as UIMessageChunk);
      },
    }),
  );
}
