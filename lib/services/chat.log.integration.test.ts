// Every chat request leaves exactly one structured log record, whether it is answered or every
// model fails before the first token; the record carries the provider's own message, never the prompt or a key.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunningEmulator } from '@/emulator/server';
import type { FaultSpec } from '@/emulator/types';
import { startWiredEmulator } from '@/test/start-wired-emulator';
import { createHealthRegistry } from '@/lib/ai/health/health';
import type { RequestRecord } from './request-log';
import { uiChunkStream } from '@/test/ui-chunk-stream';

vi.mock('server-only', () => ({}));

let emulator: RunningEmulator;
let streamChat: typeof import('./chat').streamChat;
let records: RequestRecord[] = [];
const prompt = 'My secret question about granite [emulate tokens=20]';

beforeAll(async () => {
  emulator = await startWiredEmulator();
  ({ streamChat } = await import('./chat'));
  const { setRequestSink } = await import('./request-log');
  setRequestSink((record) => records.push(record));
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.faults.clear();
  records = [];
});

async function ask() {
  try {
    const stream = uiChunkStream(await streamChat(
      { id: 'chat', tier: 'speed', trigger: 'submit-message', messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text: prompt }] }] },
      new AbortController().signal,
      { health: createHealthRegistry({ logError: () => {} }) },
    ));
    const reader = stream.getReader();
    while (!(await reader.read()).done);
  } catch {
    // the record is what this test reads
  }
}

describe('the request log', () => {
  it('an answered request: one record with status, served-by, tokens, cost and each attempt', async () => {
    await ask();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      route: '/api/chat',
      status: 200,
      result: 'complete',
      servedBy: 'openai/gpt-oss-20b',
      attempts: [{ model: 'openai/gpt-oss-20b', outcome: 'ok' }],
    });
    expect(records[0]!.outputTokens).toBeGreaterThan(0);
    expect(records[0]!.costUsd).toBeGreaterThan(0);
    expect(records[0]!.durationMs).toBeGreaterThanOrEqual(0);
  });

  it.each<[string, Omit<FaultSpec, 'provider'>, number, string]>([
    ['all 429', { kind: 'status', status: 429, retryAfterSeconds: 30 }, 429, 'rate_limit:chat'],
    ['all 503', { kind: 'status', status: 503 }, 503, 'unavailable:chat'],
    ['a 400', { kind: 'status', status: 400, message: 'Invalid request: bad field' }, 400, 'invalid_request:chat'],
    ['all 422', { kind: 'status', status: 422 }, 503, 'unavailable:chat'],
    ['all 404', { kind: 'status', status: 404 }, 503, 'unavailable:chat'],
    ['an early error frame everywhere', { kind: 'error-frame', afterChunks: 0 }, 503, 'unavailable:chat'],
  ])('%s before the first token: still exactly one record, with the provider\'s message', async (_, fault, status, errorCode) => {
    emulator.faults.add({ provider: 'groq', ...fault });
    emulator.faults.add({ provider: 'openai', ...fault });
    await ask();
    expect(records).toHaveLength(1);
    const record = records[0]!;
    expect(record).toMatchObject({ route: '/api/chat', status, result: 'error', errorCode });
    expect(record.attempts.length).toBeGreaterThan(0);
    expect(record.attempts.some((attempt) => (attempt.detail ?? '').length > 0)).toBe(true);
    const line = JSON.stringify(record);
    expect(line).not.toContain('granite');
    expect(line).not.toMatch(/gsk_integration|sk-integration/);
  });
});
