// The chat edge under hostile input: POST /api/chat with the emulator wired. Whatever the body,
// the answer is 2xx or 4xx (never 5xx), and provider health never moves because of it.
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunningEmulator } from '@/emulator/server';
import { startWiredEmulator } from '@/test/start-wired-emulator';
import { pngDataUrl } from '@/lib/chat/image-test-support';

vi.mock('server-only', () => ({}));

let emulator: RunningEmulator;
let POST: typeof import('./route').POST;
let health: import('@/lib/ai/health/health').HealthRegistry;

beforeAll(async () => {
  emulator = await startWiredEmulator();
  ({ POST } = await import('./route'));
  ({ health } = (await import('@/lib/server/runtime')).runtime());
  const { setRequestSink } = await import('@/lib/services/request-log');
  setRequestSink(() => {});
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.faults.clear();
  emulator.requests.clear();
});

/** Posts a raw body and reads the whole answer. */
async function post(body: string) {
  const response = await POST(new Request('http://flint.test/api/chat', { method: 'POST', headers: { 'content-type': 'application/json' }, body }));
  const text = await response.text();
  return { status: response.status, text, headers: response.headers };
}

/** What health knows about failures: breaker states and failures in the window (successes may add calls). */
const failuresSeen = () =>
  JSON.stringify(
    health
      .snapshot()
      .models.filter((model) => model.state !== 'closed' || (model.recentFailures ?? 0) > 0 || model.consecutiveFailures > 0)
      .map(({ key, state, recentFailures }) => ({ key, state, recentFailures })),
  ) + JSON.stringify(health.snapshot().providers);

/** `levels` arrays nested in one another, built without recursion. */
function nested(levels: number): unknown {
  let value: unknown = 'core';
  for (let level = 0; level < levels; level += 1) value = [value];
  return value;
}

const chatCalls = () => emulator.requests.list().filter((entry) => entry.path.endsWith('/chat/completions'));
const body = (messages: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ id: 'chat', trigger: 'submit-message', messages, ...extra });
const question = { id: 'u1', role: 'user', parts: [{ type: 'text', text: 'Hello' }] };
const toolCall = (input: unknown, output: unknown, state = 'output-available') => ({
  id: 'a1',
  role: 'assistant',
  parts: [{ type: 'tool-lookup', toolCallId: 'call-1', state, input, output }],
});

describe('the chat edge under hostile input', () => {
  it('a tool part nested 3,000 levels deep is a 400 at the edge: no upstream call, no breaker moves', async () => {
    const before = failuresSeen();
    for (let request = 0; request < 4; request += 1) {
      const answer = await post(body([question, toolCall(nested(3000), nested(3000)), { ...question, id: 'u2' }]));
      expect(answer.status).toBe(400);
      expect(answer.text).toMatch(/nested deeper/);
    }
    expect(chatCalls()).toEqual([]);
    expect(failuresSeen()).toBe(before);
    // Chat still works for everyone else.
    expect((await post(body([question]))).status).toBe(200);
  });

  it.each([
    ['metadata', { ...question, metadata: { deep: nested(500) } }],
    ['a data part', { id: 'u1', role: 'user', parts: [{ type: 'data-note', data: nested(500) }, { type: 'text', text: 'hi' }] }],
    ['providerMetadata', { id: 'u1', role: 'user', parts: [{ type: 'text', text: 'hi', providerMetadata: { x: nested(500) } }] }],
    ['a huge tool output', toolCall({ q: 'x' }, { rows: Array.from({ length: 40_000 }, (_, index) => index) })],
  ])('%s beyond the structure limits is a 400', async (_, message) => {
    const answer = await post(body([question, message, { ...question, id: 'u2' }]));
    expect(answer.status).toBe(400);
    expect(chatCalls()).toEqual([]);
  });

  it('a tool call without its result is a 400 (not a retryable 503), with no upstream call', async () => {
    const before = failuresSeen();
    const answer = await post(body([question, toolCall({ q: 'x' }, undefined, 'input-available'), { ...question, id: 'u2' }]));
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text)).toMatchObject({ error: { code: 'bad_request:api', retryable: false } });
    expect(chatCalls()).toEqual([]);
    expect(failuresSeen()).toBe(before);
  });

  it('an IMAGE/PNG file part (media type in capitals) is routed to the vision model', async () => {
    const answer = await post(body([{ id: 'u1', role: 'user', parts: [{ type: 'file', mediaType: 'IMAGE/PNG', url: pngDataUrl }, { type: 'text', text: 'What is this?' }] }]));
    expect(answer.status).toBe(200);
    expect(chatCalls().map((entry) => entry.model)).toEqual(['qwen/qwen3.8-27b']);
  });

  it('arbitrary JSON bodies: always 2xx or 4xx, never 5xx, and health never moves', { timeout: 120_000 }, async () => {
    const before = failuresSeen();
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 6 }), async (value) => {
        const answer = await post(JSON.stringify(value));
        expect(answer.status).toBeLessThan(500);
      }),
      { numRuns: 60, seed: 9 },
    );
    expect(failuresSeen()).toBe(before);
  });

  it('chat-shaped bodies with arbitrary parts, deep or large structures included: never 5xx, health never moves', { timeout: 180_000 }, async () => {
    const before = failuresSeen();
    const structured = fc.oneof(
      fc.jsonValue({ maxDepth: 4 }),
      fc.integer({ min: 30, max: 4000 }).map(nested),
      fc.array(fc.string(), { maxLength: 50 }),
    );
    const part = fc.oneof(
      fc.record({ type: fc.constant('text'), text: fc.string({ maxLength: 200 }) }),
      fc.record({ type: fc.constantFrom('tool-lookup', 'dynamic-tool'), toolCallId: fc.string(), state: fc.constantFrom('input-available', 'output-available', 'output-error', 'weird'), input: structured, output: structured }),
      fc.record({ type: fc.constant('data-x'), data: structured }),
      fc.record({ type: fc.constant('file'), mediaType: fc.constantFrom('image/png', 'IMAGE/PNG', 'text/plain', 'image/svg+xml'), url: fc.constantFrom(pngDataUrl, 'https://example.test/x.png', 'data:,x') }),
      fc.record({ type: fc.constantFrom('reasoning', 'step-start', 'source-url'), text: fc.string(), providerMetadata: structured }),
      fc.dictionary(fc.string({ maxLength: 10 }), structured).map((extra) => ({ ...extra, type: 'text', text: 'x' })),
    );
    const message = fc.record({
      id: fc.string({ minLength: 1, maxLength: 10 }),
      role: fc.constantFrom('user', 'assistant', 'system'),
      parts: fc.array(part, { minLength: 0, maxLength: 4 }),
      metadata: fc.option(structured, { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(message, { minLength: 1, maxLength: 3 }), fc.constantFrom('auto', 'speed', 'quality', 'bogus'), async (messages, tier) => {
        const answer = await post(JSON.stringify({ id: 'chat', trigger: 'submit-message', tier, messages }));
        expect(answer.status, answer.text.slice(0, 300)).toBeLessThan(500);
      }),
      { numRuns: 80, seed: 11 },
    );
    expect(failuresSeen()).toBe(before);
  });
});
