import { describe, expect, it } from 'vitest';
import { FlintError } from './errors';
import { readCappedBody } from './read-capped-body';

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request('http://flint.test/api', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

async function codeOf(promise: Promise<unknown>) {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  return FlintError.isInstance(error) ? [error.code, error.status] : error;
}

/** A body that sends one byte each time it is asked, a little later, and never ends on its own. */
function trickle() {
  let sent = 0;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    pull: (controller) =>
      new Promise<void>((resolve) => {
        setImmediate(() => {
          if (cancelled) return resolve();
          sent += 1;
          controller.enqueue(new Uint8Array([120]));
          resolve();
        });
      }),
    cancel: () => {
      cancelled = true;
    },
  });
  return { stream, sent: () => sent, cancelled: () => cancelled };
}

describe('readCappedBody', () => {
  it('reads a body whole, with or without a content-length, and when the declared length is short', async () => {
    expect(new TextDecoder().decode(await readCappedBody(post('hello', { 'content-length': '5' }), 100))).toBe('hello');
    const chunks = new ReadableStream({
      start(controller) {
        for (let index = 0; index < 50; index++) controller.enqueue(new Uint8Array(3000).fill(index));
        controller.close();
      },
    });
    const body = await readCappedBody(post(chunks), 1_000_000);
    expect(body.byteLength).toBe(150_000);
    expect(body[149_999]).toBe(49);
  });

  it('cuts a body that trickles in with 408 once its deadline passes, and stops reading it', async () => {
    const slow = trickle();
    expect(await codeOf(readCappedBody(post(slow.stream), { maxBytes: 1_000_000, deadlineMs: 50 }))).toEqual(['timeout:api', 408]);
    expect(slow.cancelled()).toBe(true);
    expect(slow.sent()).toBeGreaterThan(0);
  });

  it('cuts a body that stalls completely with 408', async () => {
    const stalled = new ReadableStream({ pull: () => new Promise<void>(() => undefined) });
    expect(await codeOf(readCappedBody(post(stalled), { maxBytes: 100, deadlineMs: 20 }))).toEqual(['timeout:api', 408]);
  });
});
