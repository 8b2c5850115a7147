// POST /api/transcribe as Next calls it: a real Request with FormData, against the emulator.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningEmulator } from '@/emulator/server';
import { startWiredEmulator } from '@/test/start-wired-emulator';
import { makeWav } from '@/emulator/wav-fixture';

vi.mock('server-only', () => ({}));

let emulator: RunningEmulator;
let POST: typeof import('./route').POST;

beforeAll(async () => {
  emulator = await startWiredEmulator({ transcript: 'Configured transcript.' });
  ({ POST } = await import('./route'));
});
afterAll(() => emulator.close());

function post(file: Blob, fields: Record<string, string> = {}) {
  const form = new FormData();
  form.append('file', file, 'recording.webm');
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return POST(new Request('http://localhost/api/transcribe', { method: 'POST', body: form }));
}

describe('POST /api/transcribe', () => {
  it('answers JSON with text, model, language, duration, attempts and cost', async () => {
    const response = await post(new Blob([makeWav({ seconds: 1.5 })], { type: 'audio/wav' }), { language: 'en' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      text: 'Configured transcript.',
      model: 'whisper-large-v3-turbo',
      language: 'English',
      durationSeconds: 1.5,
      attempts: [{ model: 'whisper-large-v3-turbo', provider: 'groq', outcome: 'ok' }],
      costUsd: expect.any(Number),
    });
  });

  it('answers 415 unsupported_media:api for bytes that are not audio, whatever their declared type', async () => {
    const response = await post(new Blob(['%PDF-1.7 definitely not audio'], { type: 'audio/webm' }));
    expect(response.status).toBe(415);
    expect((await response.json()).error.code).toBe('unsupported_media:api');
    expect(emulator.requests.list().filter((entry) => entry.path.endsWith('/audio/transcriptions'))).toHaveLength(1);
  });

  it('answers 413 too_large:api for audio over 25 MB', async () => {
    const huge = new Uint8Array(26 * 1024 * 1024);
    huge.set(makeWav({ seconds: 0.1 }).subarray(0, 44));
    const form = new FormData();
    form.append('file', new Blob([huge], { type: 'audio/wav' }), 'huge.wav');
    // The encoded form as a Blob, without a content-length header: the limit must hold while reading.
    // (Cancelling a FormData-backed stream mid-way trips an undici bug, hence the Blob.)
    const encoded = new Response(form);
    const body = await encoded.blob();
    const request = new Request('http://localhost/api/transcribe', { method: 'POST', body, headers: { 'content-type': encoded.headers.get('content-type')! } });
    expect(request.headers.get('content-length')).toBeNull();
    const response = await POST(request);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: { code: 'too_large:api', message: expect.any(String), retryable: false } });
  });

  it('answers 422 invalid_audio:transcribe, without trying other models, for audio the provider cannot read', async () => {
    emulator.requests.clear();
    const header = Buffer.alloc(64);
    header.write('RIFF', 0, 'ascii');
    header.write('WAVE', 8, 'ascii');
    const response = await post(new Blob([header], { type: 'audio/wav' }));
    expect(response.status).toBe(422);
    expect((await response.json()).error).toEqual({ code: 'invalid_audio:transcribe', message: expect.any(String), retryable: false });
    expect(emulator.requests.list().map((entry) => entry.model)).toEqual(['whisper-large-v3-turbo']);
  });

  it('answers 400 for an empty recording', async () => {
    const response = await post(new Blob([], { type: 'audio/webm' }));
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('bad_request:api');
  });

  it('refuses a transcription past the concurrency limit with busy:transcribe 503 and Retry-After, before reading its body', async () => {
    const held: Array<ReadableStreamDefaultController<Uint8Array>> = [];
    const pending: Array<Promise<Response>> = [];
    for (let index = 0; index < 4; index++) {
      // A body that has not finished arriving: its transcription holds a slot.
      const body = new ReadableStream<Uint8Array>({ start: (controller) => void held.push(controller) });
      pending.push(POST(new Request('http://localhost/api/transcribe', { method: 'POST', body, headers: { 'content-type': 'multipart/form-data; boundary=x' }, duplex: 'half' } as RequestInit)));
    }
    const refused = await POST(new Request('http://localhost/api/transcribe', {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: new ReadableStream({ pull: () => { throw new Error('a refused body must not be read'); } }),
      duplex: 'half',
    } as RequestInit));
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('2');
    expect((await refused.json()).error).toMatchObject({ code: 'busy:transcribe', retryable: true });

    for (const controller of held) {
      controller.enqueue(new TextEncoder().encode('not a form'));
      controller.close();
    }
    expect((await Promise.all(pending)).map((response) => response.status)).toEqual([400, 400, 400, 400]);
    // The slots are free again.
    expect((await post(new Blob([makeWav({ seconds: 0.5 })], { type: 'audio/wav' }))).status).toBe(200);
  });

  it('refuses a cross-site browser upload with 403 forbidden:api, and lets a request without browser headers through', async () => {
    const form = () => {
      const body = new FormData();
      body.append('file', new Blob([makeWav({ seconds: 0.5 })], { type: 'audio/wav' }), 'clip.wav');
      return body;
    };
    const crossSite = await POST(new Request('http://localhost/api/transcribe', { method: 'POST', body: form(), headers: { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' } }));
    expect(crossSite.status).toBe(403);
    expect((await crossSite.json()).error.code).toBe('forbidden:api');
    const foreignOrigin = await POST(new Request('http://localhost/api/transcribe', { method: 'POST', body: form(), headers: { origin: 'https://evil.example', host: 'localhost' } }));
    expect(foreignOrigin.status).toBe(403);
    const sameOrigin = await POST(new Request('http://localhost/api/transcribe', { method: 'POST', body: form(), headers: { 'sec-fetch-site': 'same-origin' } }));
    expect(sameOrigin.status).toBe(200);
  });
});
