// The transcription chain end to end: service -> router -> chain -> @ai-sdk/groq and @ai-sdk/openai ->
// the emulator's /audio/transcriptions, with faults injected per model.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startEmulator, type RunningEmulator } from '@/emulator/server';
import { makeWav } from '@/emulator/wav-fixture';
import { createCatalog } from '@/lib/ai/catalog/catalog';
import { createHealthRegistry } from '@/lib/ai/health/health';
import { createProviders } from '@/lib/ai/providers';
import { TranscriptionError } from '@/lib/ai/transcription/transcription-error';
import { sniffAudio } from '@/lib/audio/sniff-audio';
import type { AudioUpload } from '@/lib/audio/read-audio-upload';

vi.mock('server-only', () => ({}));
const { transcribeSpeech } = await import('./transcription');

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, speed: 0 });
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.faults.clear();
  emulator.requests.clear();
});

/** Fresh catalog, providers pointed at the emulator, and a health registry of this test's own. */
function dependencies() {
  return {
    catalog: createCatalog(),
    providers: createProviders({
      groq: { apiKey: 'gsk_integration', baseURL: emulator.groqBaseURL },
      openai: { apiKey: 'sk-integration', baseURL: emulator.openaiBaseURL },
    }),
    health: createHealthRegistry({ logError: vi.fn() }),
  };
}

function speech(seconds: number, prompt?: string): AudioUpload {
  const audio = makeWav({ seconds, amplitude: 0.3 });
  return { audio, sniffed: sniffAudio(audio)!, ...(prompt ? { prompt } : {}) };
}

const transcriptionCalls = () => emulator.requests.list().filter((entry) => entry.path.endsWith('/audio/transcriptions'));
const signal = () => new AbortController().signal;

describe('transcribeSpeech through the emulator', () => {
  it('answers from whisper-large-v3-turbo with language, duration and a cost billed at least 10 s', async () => {
    const result = await transcribeSpeech(speech(3, '[emulate transcript=Hello from the microphone.]'), signal(), dependencies());
    expect(result).toMatchObject({ text: 'Hello from the microphone.', model: 'whisper-large-v3-turbo', language: 'English', durationSeconds: 3 });
    expect(result.attempts).toEqual([expect.objectContaining({ model: 'whisper-large-v3-turbo', outcome: 'ok' })]);
    expect(result.costUsd).toBeCloseTo((10 / 3600) * 0.04, 10);
  });

  it('a 429 on turbo is answered by another model at once, and the next request skips turbo', async () => {
    emulator.faults.add({ provider: 'groq', model: 'whisper-large-v3-turbo', endpoint: 'transcription', kind: 'status', status: 429, retryAfterSeconds: 30 });
    const deps = dependencies();
    const first = await transcribeSpeech(speech(2, '[emulate transcript=Still heard.]'), signal(), deps);
    expect(first.text).toBe('Still heard.');
    expect(first.model).toBe('whisper-large-v3');
    expect(first.attempts.map((attempt) => attempt.outcome)).toEqual(['rate_limited', 'ok']);

    const second = await transcribeSpeech(speech(2), signal(), deps);
    expect(second.attempts.map((attempt) => attempt.outcome)).toEqual(['skipped_open', 'ok']);
    expect(transcriptionCalls().filter((call) => call.model === 'whisper-large-v3-turbo')).toHaveLength(1);
  });

  it('reaches OpenAI whisper-1 when both Groq models fail', async () => {
    emulator.faults.add({ provider: 'groq', endpoint: 'transcription', kind: 'status', status: 503 });
    const result = await transcribeSpeech(speech(2, '[emulate transcript=Backup heard you.]'), signal(), dependencies());
    expect(result.text).toBe('Backup heard you.');
    expect(result.model).toBe('whisper-1');
    expect(result.costUsd).toBeCloseTo((2 / 3600) * 0.36, 10);
  });

  it('all providers down gives a typed, retryable unavailable:transcribe', async () => {
    emulator.faults.add({ provider: 'groq', endpoint: 'transcription', kind: 'status', status: 500 });
    emulator.faults.add({ provider: 'openai', endpoint: 'transcription', kind: 'status', status: 500 });
    const error = await transcribeSpeech(speech(2), signal(), dependencies()).then(() => undefined, (caught: unknown) => caught);
    expect(TranscriptionError.isInstance(error)).toBe(true);
    if (!TranscriptionError.isInstance(error)) return;
    expect(error.code).toBe('unavailable:transcribe');
    expect(error.status).toBe(503);
    expect(error.retryable).toBe(true);
    expect(error.attempts.map((attempt) => attempt.outcome)).toEqual(['server_error', 'server_error', 'server_error']);
  });

  it('silence comes back as an empty transcript, not an error', async () => {
    const silent = makeWav({ seconds: 2, amplitude: 0 });
    const result = await transcribeSpeech({ audio: silent, sniffed: sniffAudio(silent)! }, signal(), dependencies());
    expect(result.text).toBe('');
  });
});
