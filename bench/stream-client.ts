/** What one streamed request looked like from the client's side. */
export type StreamSample = { ttftMs: number; totalMs: number; frames: number; bytes: number; ok: boolean; servedBy?: string };

/** A UI message stream delta, or a chat completion chunk with non-empty content or reasoning. */
const firstToken = /"type":"(?:text|reasoning)-delta"|"(?:content|reasoning)":"(?!")/;

/**
 * POSTs a JSON body and reads the SSE reply to the end, timing the first frame that carries a
 * token (a UI message stream text/reasoning delta, or a chat completion content/reasoning delta).
 */
export async function streamOnce(url: string, body: unknown, headers: Record<string, string> = {}): Promise<StreamSample> {
  const started = performance.now();
  let ttftMs = Number.NaN;
  let frames = 0;
  let bytes = 0;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  if (!response.body) return { ttftMs, totalMs: performance.now() - started, frames, bytes, ok: false };
  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  let tail = '';
  for (;;) {
    const { done, value: chunk } = await reader.read();
    if (done) break;
    bytes += chunk.byteLength;
    const text = decoder.decode(chunk, { stream: true });
    // A read may carry the opening chunk (empty content) and the first token together.
    if (Number.isNaN(ttftMs) && firstToken.test(text)) {
      ttftMs = performance.now() - started;
    }
    frames += text.split('data: ').length - 1;
    tail = (tail + text).slice(-4096);
  }
  // The finish chunk's metadata names the model that served (Flint's stream only).
  const servedBy = /"messageMetadata":\{"model":"([^"]+)"/.exec(tail)?.[1];
  return { ttftMs, totalMs: performance.now() - started, frames, bytes, ok: response.ok, servedBy };
}

/** Opens a stream and resolves once its first token arrived, leaving it open until `close()`. */
export async function openStream(url: string, body: unknown): Promise<{ close: () => void }> {
  const controller = new AbortController();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: controller.signal,
  });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const text = decoder.decode(value, { stream: true });
    if (firstToken.test(text)) break;
  }
  // keep reading (and discarding) so the server is not held back by backpressure
  void (async () => {
    try {
      for (;;) if ((await reader.read()).done) break;
    } catch {
      // aborted
    }
  })();
  return { close: () => controller.abort() };
}
