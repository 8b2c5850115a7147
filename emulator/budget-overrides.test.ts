import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './server.ts';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, speed: 0 });
});
afterAll(() => emulator.close());

const chat = (model: string) => fetch(`${emulator.groqBaseURL}/chat/completions`, {
  method: 'POST',
  headers: { authorization: 'Bearer gsk_test', 'content-type': 'application/json' },
  body: JSON.stringify({ model, messages: [{ role: 'user', content: 'Hi' }] }),
});
const control = (method: string, body?: unknown) => fetch(`${emulator.url}/_emulator/rate-limits`, {
  method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
});

describe('rate-limit overrides', () => {
  it('reports the pinned remaining budget for that model only, until cleared', async () => {
    expect((await control('POST', { provider: 'groq', model: 'openai/gpt-oss-120b', remainingTokens: 0, resetTokensMs: 7_660 })).status).toBe(201);
    const pinned = await chat('openai/gpt-oss-120b');
    expect(pinned.status).toBe(200);
    expect(pinned.headers.get('x-ratelimit-remaining-tokens')).toBe('0');
    expect(pinned.headers.get('x-ratelimit-reset-tokens')).toBe('7.66s');
    const other = await chat('openai/gpt-oss-20b');
    expect(Number(other.headers.get('x-ratelimit-remaining-tokens'))).toBeGreaterThan(0);
    expect(await (await control('GET')).json()).toHaveLength(1);

    expect((await control('DELETE')).status).toBe(204);
    expect(Number((await chat('openai/gpt-oss-120b')).headers.get('x-ratelimit-remaining-tokens'))).toBeGreaterThan(0);
  });

  it('pins the requests left, with a day-long reset on Groq by default', async () => {
    await control('POST', { provider: 'groq', remainingRequests: 0 });
    const response = await chat('openai/gpt-oss-20b');
    expect(response.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(response.headers.get('x-ratelimit-reset-requests')).toBe('24h0m0s');
    await control('DELETE');
  });

  it('refuses a malformed override', async () => {
    expect((await control('POST', { provider: 'groq', remainingTokens: -1 })).status).toBe(400);
    expect((await control('POST', { provider: 'azure', remainingTokens: 0 })).status).toBe(400);
    expect((await control('POST', { provider: 'groq' })).status).toBe(400);
  });
});
