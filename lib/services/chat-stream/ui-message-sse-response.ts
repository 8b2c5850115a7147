import { UI_MESSAGE_STREAM_HEADERS } from 'ai';

/** A Response carrying SSE bytes of a UI message stream, with the headers createUIMessageStreamResponse sets. */
export function uiMessageSseResponse(body: ReadableStream<Uint8Array>, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  const headers = new Headers(init.headers);
  for (const [name, value] of Object.entries(UI_MESSAGE_STREAM_HEADERS)) if (!headers.has(name)) headers.set(name, value);
  return new Response(body, { status: init.status, headers });
}
