import { FlintError } from '@/lib/errors';

/** How long a whole request body may take to arrive unless a route says otherwise. */
export const defaultBodyDeadlineMs = 60_000;

/** Limits for one body: its size, and the total time it may take to arrive. */
export interface BodyLimits {
  maxBytes: number;
  deadlineMs?: number;
}

/**
 * Reads a request body into one buffer, stopping with 413 as soon as it passes `maxBytes`
 * (content-length can lie or be absent) and with 408 when it has not fully arrived by the deadline,
 * so a body trickling a byte at a time cannot hold a connection for minutes. With an honest
 * content-length the body is written straight into a buffer of that size: one copy in memory.
 */
export async function readCappedBody(request: Request, limits: BodyLimits | number): Promise<Uint8Array<ArrayBuffer>> {
  const { maxBytes, deadlineMs = defaultBodyDeadlineMs } = typeof limits === 'number' ? { maxBytes: limits } : limits;
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return new Uint8Array(0);

  const reader = request.body.getReader();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<'expired'>((resolve) => {
    timer = setTimeout(() => resolve('expired'), deadlineMs);
  });
  const sink = new BodySink(Number.isSafeInteger(declared) && declared >= 0 ? declared : undefined);
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), expired]);
      if (next === 'expired') {
        void reader.cancel().catch(() => undefined);
        throw new FlintError('timeout:api');
      }
      if (next.done) break;
      if (sink.length + next.value.byteLength > maxBytes) {
        void reader.cancel().catch(() => undefined);
        throw tooLarge(maxBytes);
      }
      sink.append(next.value);
    }
  } finally {
    clearTimeout(timer);
  }
  return sink.bytes();
}

/** Collects chunks into one buffer: preallocated when the size is known, doubled when it is not. */
class BodySink {
  private buffer: Uint8Array<ArrayBuffer>;
  length = 0;

  constructor(expectedBytes: number | undefined) {
    this.buffer = new Uint8Array(expectedBytes ?? 64 * 1024);
  }

  append(chunk: Uint8Array) {
    const needed = this.length + chunk.byteLength;
    if (needed > this.buffer.byteLength) {
      // The declared length lied, or there was none: grow geometrically so copies stay O(n).
      const grown = new Uint8Array(Math.max(needed, this.buffer.byteLength * 2));
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    this.buffer.set(chunk, this.length);
    this.length = needed;
  }

  bytes(): Uint8Array<ArrayBuffer> {
    return this.length === this.buffer.byteLength ? this.buffer : this.buffer.subarray(0, this.length);
  }
}

function tooLarge(maxBytes: number) {
  return new FlintError('too_large:api', { message: `The request is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.` });
}
