// POST /v1/audio/transcriptions with the openai and groq-sdk clients against the emulator's Whisper.
import { eq } from 'drizzle-orm';
import Groq from 'groq-sdk';
import OpenAI, { toFile } from 'openai';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeWav } from '@/emulator/wav-fixture';
import { usageLedger } from '@/lib/db/schema';
import type { GatewayTestApp } from '@/lib/gateway/gateway-test-app';

vi.mock('server-only', () => ({}));

let gateway: GatewayTestApp;
let key: string;

beforeAll(async () => {
  const { startGatewayTestApp } = await import('@/lib/gateway/gateway-test-app');
  gateway = await startGatewayTestApp({ transcript: 'Hello from the gateway.' });
  key = await gateway.createKey({ name: 'audio' });
}, 60_000);
afterAll(() => gateway?.close());

const wav = () => toFile(makeWav({ seconds: 2 }), 'hello.wav', { type: 'audio/wav' });

describe('POST /v1/audio/transcriptions', () => {
  it('answers json, text and verbose_json to the openai client, and records the call', async () => {
    const client = new OpenAI({ apiKey: key, baseURL: `${gateway.app.url}/v1`, maxRetries: 0 });
    const json = await client.audio.transcriptions.create({ file: await wav(), model: 'whisper-large-v3-turbo' });
    expect(json.text).toContain('Hello from the gateway.');
    const text = await client.audio.transcriptions.create({ file: await wav(), model: 'whisper-1', response_format: 'text' });
    expect(String(text)).toContain('Hello from the gateway.');
    const verbose = await client.audio.transcriptions.create({ file: await wav(), model: 'whisper-1', response_format: 'verbose_json' });
    expect(verbose.duration).toBeCloseTo(2, 1);
    await (await import('@/lib/usage/pending-writes')).pendingWrites();
    const { db } = await (await import('@/lib/db/shared-database')).sharedDatabase();
    const rows = await db.select().from(usageLedger).where(eq(usageLedger.keyPrefix, key.slice(0, 12)));
    expect(rows.map((row) => [row.surface, row.status])).toEqual([
      ['transcription', 'ok'],
      ['transcription', 'ok'],
      ['transcription', 'ok'],
    ]);
    expect(rows[0]!.costUsd).toBeGreaterThan(0);
  });

  it('works with groq-sdk through /openai/v1 and raises typed errors', async () => {
    const groq = new Groq({ apiKey: key, baseURL: gateway.app.url, maxRetries: 0 });
    const result = await groq.audio.transcriptions.create({ file: await wav(), model: 'whisper-large-v3-turbo' });
    expect(result.text).toContain('Hello from the gateway.');
    const stranger = new Groq({ apiKey: 'flk_nobody', baseURL: gateway.app.url, maxRetries: 0 });
    await expect(stranger.audio.transcriptions.create({ file: await wav(), model: 'whisper-large-v3-turbo' })).rejects.toBeInstanceOf(Groq.AuthenticationError);
    const notAudio = await toFile(new TextEncoder().encode('not audio at all'), 'x.wav', { type: 'audio/wav' });
    await expect(groq.audio.transcriptions.create({ file: notAudio, model: 'whisper-large-v3-turbo' })).rejects.toBeInstanceOf(Groq.APIError);
  });
});
