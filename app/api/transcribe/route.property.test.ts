// Property: whatever bytes arrive at POST /api/transcribe (a multipart form of any shape, or no form at
// all), the answer is 2xx or 4xx, never 5xx, and no provider's health moves.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningEmulator } from '@/emulator/server';
import { makeWav } from '@/emulator/wav-fixture';
import { startWiredEmulator } from '@/test/start-wired-emulator';

vi.mock('server-only', () => ({}));

let emulator: RunningEmulator;
let POST: typeof import('./route').POST;
let healthSnapshot: () => unknown;

beforeAll(async () => {
  emulator = await startWiredEmulator({ transcript: 'Property transcript.' });
  ({ POST } = await import('./route'));
  const { runtime } = await import('@/lib/server/runtime');
  const { health } = runtime();
  const { routeTranscription } = await import('@/lib/ai/routing/router');
  const models = routeTranscription(runtime().catalog).map((entry) => ({ provider: entry.provider, id: entry.id }));
  // What health judges: breaker states and failures. A successful call only adds to recentCalls.
  healthSnapshot = () =>
    health.snapshot(models).models.map(({ key, state, openCause, recentFailures }) => ({ key, state, openCause, recentFailures }));
});
afterAll(() => emulator.close());

const encoder = new TextEncoder();
const wav = makeWav({ seconds: 0.2 });
const boundaryChars = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789\'()+_,-./:=?';
const boundary = fc.string({ unit: fc.constantFrom(...boundaryChars), minLength: 1, maxLength: 70 });
const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 300 }),
  fc.constant(wav),
  fc.uint8Array({ maxLength: 200 }).map((tail) => new Uint8Array([...wav.subarray(0, 44), ...tail])),
  fc.string({ maxLength: 300 }).map((text) => encoder.encode(text)),
);
const part = fc.record({
  name: fc.oneof(fc.constantFrom('file', 'language', 'prompt'), fc.string({ maxLength: 20 })),
  filename: fc.option(fc.string({ maxLength: 30 }), { nil: undefined }),
  contentType: fc.option(fc.oneof(fc.constantFrom('audio/wav', 'AUDIO/WEBM', 'text/plain'), fc.string({ maxLength: 30 })), { nil: undefined }),
  data: bytes,
});
// Sometimes the body is cut short or has bytes flipped, as a broken client or a hostile one sends.
const damage = fc.oneof(fc.constant('none' as const), fc.nat({ max: 400 }).map((at) => ({ cutAt: at })), fc.nat({ max: 400 }).map((at) => ({ flipAt: at })));

function multipart(marker: string, parts: Array<{ name: string; filename?: string; contentType?: string; data: Uint8Array }>, hurt: 'none' | { cutAt: number } | { flipAt: number }) {
  const chunks: Uint8Array[] = [];
  for (const { name, filename, contentType, data } of parts) {
    const disposition = `form-data; name="${name.replace(/"/g, '%22')}"${filename === undefined ? '' : `; filename="${filename.replace(/"/g, '%22')}"`}`;
    chunks.push(encoder.encode(`--${marker}\r\nContent-Disposition: ${disposition}\r\n${contentType === undefined ? '' : `Content-Type: ${contentType}\r\n`}\r\n`), data, encoder.encode('\r\n'));
  }
  chunks.push(encoder.encode(`--${marker}--\r\n`));
  const body = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  if (hurt === 'none') return body;
  if ('cutAt' in hurt) return body.subarray(0, Math.min(hurt.cutAt, body.byteLength));
  if (body.byteLength > 0) body[hurt.flipAt % body.byteLength]! ^= 0xff;
  return body;
}

async function statusOf(body: Uint8Array, contentType: string | undefined) {
  const headers: Record<string, string> = contentType === undefined ? {} : { 'content-type': contentType };
  const response = await POST(new Request('http://localhost/api/transcribe', { method: 'POST', body: body as Uint8Array<ArrayBuffer>, headers }));
  await response.arrayBuffer();
  return response.status;
}

describe('POST /api/transcribe under arbitrary input', () => {
  it('answers 2xx or 4xx for any multipart body, and provider health never moves', async () => {
    const before = healthSnapshot();
    await fc.assert(
      fc.asyncProperty(boundary, fc.array(part, { maxLength: 5 }), damage, fc.boolean(), async (marker, parts, hurt, quoted) => {
        const status = await statusOf(multipart(marker, parts, hurt), `multipart/form-data; boundary=${quoted ? `"${marker}"` : marker}`);
        expect(status).toBeGreaterThanOrEqual(200);
        expect(status).toBeLessThan(500);
        expect(healthSnapshot()).toEqual(before);
      }),
      { numRuns: 150 },
    );
  });

  it('answers 4xx for any bytes that are not a multipart form, under any content type, and health never moves', async () => {
    const before = healthSnapshot();
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 500 }), fc.option(fc.oneof(fc.constantFrom('multipart/form-data', 'MULTIPART/FORM-DATA; boundary=', 'application/json', 'audio/wav'), fc.string({ maxLength: 40 })), { nil: undefined }), async (body, contentType) => {
        const status = await statusOf(body, contentType);
        expect(status).toBeGreaterThanOrEqual(400);
        expect(status).toBeLessThan(500);
        expect(healthSnapshot()).toEqual(before);
      }),
      { numRuns: 150 },
    );
  });
});
