import { describe, expect, it } from 'vitest';
import { makeWav } from '@/emulator/wav-fixture';
import { FlintError } from '@/lib/errors';
import { audioLimits, readAudioUpload } from './read-audio-upload';

function upload(file: Blob | string | undefined, fields: Record<string, string> = {}) {
  const form = new FormData();
  if (typeof file === 'string') form.append('file', file);
  else if (file !== undefined) form.append('file', file, 'speech.webm');
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return new Request('http://localhost/api/transcribe', { method: 'POST', body: form });
}

async function rejection(request: Request): Promise<FlintError> {
  const error = await readAudioUpload(request).then(() => undefined, (caught: unknown) => caught);
  if (!FlintError.isInstance(error)) throw new Error(`expected a FlintError, got ${String(error)}`);
  return error;
}

const wav = () => new Blob([makeWav({ seconds: 0.5 })], { type: 'audio/wav' });

describe('readAudioUpload', () => {
  it('accepts audio by its bytes even when the declared type is wrong, with language and prompt', async () => {
    const parsed = await readAudioUpload(upload(new Blob([makeWav({ seconds: 0.5 })], { type: 'application/octet-stream' }), { language: 'EN', prompt: 'Flint' }));
    expect(parsed.sniffed.format).toBe('wav');
    expect(parsed.language).toBe('en');
    expect(parsed.prompt).toBe('Flint');
    expect(parsed.audio.byteLength).toBe(44 + 8000 * 2);
    // Held once: the recording is a view into the body buffer, not a copy of it (formData() and arrayBuffer() each copied).
    expect(parsed.audio.buffer.byteLength).toBeGreaterThan(parsed.audio.byteLength);
  });

  it('refuses bytes that are not audio, even when declared as audio, with 415', async () => {
    const error = await rejection(upload(new Blob(['<html>not audio at all</html>'], { type: 'audio/webm' })));
    expect(error.code).toBe('unsupported_media:api');
    expect(error.status).toBe(415);
  });

  it('refuses a declared content-length over the limit with 413 before reading', async () => {
    const request = new Request('http://localhost/api/transcribe', {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(audioLimits.bodyBytes + 1) },
      body: new ReadableStream({ pull: () => { throw new Error('the body must not be read'); } }),
      duplex: 'half',
    } as RequestInit);
    expect((await rejection(request)).status).toBe(413);
  });

  it('stops reading a body without content-length once it passes the limit (413)', async () => {
    const chunk = new Uint8Array(1024 * 1024);
    let sent = 0;
    const request = new Request('http://localhost/api/transcribe', {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: new ReadableStream({ pull: (controller) => { sent += 1; controller.enqueue(chunk); } }),
      duplex: 'half',
    } as RequestInit);
    expect((await rejection(request)).code).toBe('too_large:api');
    expect(sent).toBeLessThan(40);
  });

  it('refuses an empty recording with 400', async () => {
    const error = await rejection(upload(new Blob([], { type: 'audio/webm' })));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/empty/);
  });

  it('refuses a form without a file, a text "file" field, or a non-multipart body with 4xx', async () => {
    expect((await rejection(upload(undefined))).status).toBe(400);
    expect((await rejection(upload('just text'))).status).toBe(400);
    const json = new Request('http://localhost/api/transcribe', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect((await rejection(json)).status).toBe(415);
    const broken = new Request('http://localhost/api/transcribe', { method: 'POST', body: 'garbage', headers: { 'content-type': 'multipart/form-data; boundary=x' } });
    expect((await rejection(broken)).status).toBe(400);
  });

  it('refuses a language that is not an ISO-639-1 code', async () => {
    const error = await rejection(upload(wav(), { language: 'english' }));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/ISO-639-1/);
  });
});
