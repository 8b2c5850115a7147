import { UI_MESSAGE_STREAM_HEADERS } from 'ai';

/**
 * A Response carrying SSE bytes of a UI message stream, with the headers createUIMessageStreamResponse
 * sets (a caller's header replaces the default of the same name). One plain object, so the Response
 * builds its headers once: this runs after the first token, on the way to the client.
 */
export function uiMessageSseResponse(body: ReadableStream<Uint8Array>, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  const headers: Record<string, string> = { ...UI_MESSAGE_STREAM_HEADERS };
  for (const [name, value] of Object.entries(init.headers ?? {})) headers[name.toLowerCase()] = value;
  return new Response(body, { status: init.status, headers });
}
