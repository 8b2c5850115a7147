// How POST /api/chat refuses when no model can answer: the status says what happened, and only a
// rate limit carries a Retry-After.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunningEmulator } from '@/emulator/server';
import { startWiredEmulator } from '@/test/start-wired-emulator';

vi.mock('server-only', () => ({}));

let emulator: RunningEmulator;
let POST: typeof import('./route').POST;

beforeAll(async () => {
  emulator = await startWiredEmulator();
  ({ POST } = await import('./route'));
  const { setRequestSink } = await import('@/lib/services/request-log');
  setRequestSink(() => {});
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.faults.clear();
  emulator.requests.clear();
});

async function ask(text: string) {
  const response = await POST(
    new Request('http://flint.test/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'chat', trigger: 'submit-message', tier: 'speed', messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text }] }] }),
    }),
  );
  const body = (await response.json()) as { error: { code: string } };
  return { status: response.status, code: body.error.code, retryAfter: response.headers.get('retry-after') };
}

describe('POST /api/chat when no model can answer', () => {
  // Order matters: the route shares one health registry, and the 429s leave every model resting.
  it('every model failing with 503 is unavailable:chat 503 without Retry-After', async () => {
    emulator.faults.add({ provider: 'groq', kind: 'status', status: 503, times: 4 });
    emulator.faults.add({ provider: 'openai', kind: 'status', status: 503, times: 2 });
    expect(await ask('first')).toEqual({ status: 503, code: 'unavailable:chat', retryAfter: null });
  });

  it('every model rate limited with retry-after is rate_limit:chat 429 with the soonest Retry-After', async () => {
    emulator.faults.add({ provider: 'groq', model: 'openai/gpt-oss-20b', kind: 'status', status: 429, retryAfterSeconds: 40 });
    emulator.faults.add({ provider: 'groq', model: 'openai/gpt-oss-120b', kind: 'status', status: 429, retryAfterSeconds: 20 });
    emulator.faults.add({ provider: 'openai', kind: 'status', status: 429, retryAfterSeconds: 30 });
    expect(await ask('second')).toEqual({ status: 429, code: 'rate_limit:chat', retryAfter: '20' });
    // The next request is refused without any upstream call, still as a rate limit with its wait.
    emulator.requests.clear();
    const again = await ask('third');
    expect(again.status).toBe(429);
    expect(Number(again.retryAfter)).toBeGreaterThan(15);
    expect(emulator.requests.list().filter((entry) => entry.path.endsWith('/chat/completions'))).toEqual([]);
  });
});
