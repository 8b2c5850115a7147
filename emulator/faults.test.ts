import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startEmulator, type RunningEmulator } from './server.ts';

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ speed: 1 });
});
afterAll(() => emulator.close());
beforeEach(async () => {
  await fetch(`${emulator.url}/_emulator/faults`, { method: 'DELETE' });
  await fetch(`${emulator.url}/_emulator/requests`, { method: 'DELETE' });
});

function chat(body: Record<string, unknown>, signal?: AbortSignal): Promise<Response> {
  return fetch(`${emulator.groqBaseURL}/chat/completions`, {
    method: 'POST',
    headers: { authorization: 'Bearer gsk_test', 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'openai/gpt-oss-20b', messages: [{ role: 'user', content: 'hi' }], ...body }),
    signal,
  });
}

function addFault(fault: Record<string, unknown>): Promise<Response> {
  return fetch(`${emulator.url}/_emulator/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fault) });
}

function frames(text: string): string[] {
  return text.split('\n\n').filter(Boolean);
}

describe('faults over the control API', () => {
  it('applies a status fault only `times` times, then answers normally', async () => {
    expect((await addFault({ provider: 'groq', kind: 'status', status: 503, times: 2 })).status).toBe(201);
    const statuses = [];
    for (let attempt = 0; attempt < 3; attempt += 1) statuses.push((await chat({})).status);
    expect(statuses).toEqual([503, 503, 200]);
  });

  it('matches faults per model and per provider', async () => {
    await addFault({ provider: 'groq', model: 'openai/gpt-oss-120b', kind: 'status', status: 500 });
    await addFault({ provider: 'openai', kind: 'status', status: 502 });
    expect((await chat({})).status).toBe(200);
    expect((await chat({ model: 'openai/gpt-oss-120b' })).status).toBe(500);
  });

  it('matches a fault only on a later tool step with withToolResults', async () => {
    expect((await addFault({ provider: 'groq', kind: 'status', status: 503, withToolResults: true })).status).toBe(201);
    const toolStep = [
      { role: 'user', content: 'What is 2+2?' },
      { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'calculator', arguments: '{"expression":"2+2"}' } }] },
      { role: 'tool', tool_call_id: 'call_1', content: '{"result":"4"}' },
    ];
    expect((await chat({})).status).toBe(200);
    expect((await chat({ messages: toolStep })).status).toBe(503);
    expect((await addFault({ provider: 'groq', kind: 'status', status: 503, withToolResults: 'yes' })).status).toBe(400);
  });

  it('returns real rate-limit headers and a Go-duration reset on a 429 fault', async () => {
    await addFault({ provider: 'groq', kind: 'status', status: 429, type: 'requests', retryAfterSeconds: 90 });
    const response = await chat({});
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('90');
    expect(response.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(response.headers.get('x-ratelimit-reset-requests')).toBe('1m30s');
    expect(await response.json()).toEqual({ error: { message: expect.stringContaining('requests per day (RPD)'), type: 'requests', code: 'rate_limit_exceeded' } });
  });

  it('rejects malformed faults with 400', async () => {
    expect((await addFault({ provider: 'azure', kind: 'status', status: 500 })).status).toBe(400);
    expect((await addFault({ provider: 'groq', kind: 'status' })).status).toBe(400);
  });

  it('drops a raw stream after N chunks without [DONE]', async () => {
    await addFault({ provider: 'groq', kind: 'drop', afterChunks: 3 });
    const response = await chat({ stream: true });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    let text = '';
    const failure = await (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return undefined;
        text += new TextDecoder().decode(value);
      }
    })().catch((caught: unknown) => caught);
    expect(failure).toBeInstanceOf(Error);
    expect(frames(text)).toHaveLength(3);
    expect(text).not.toContain('[DONE]');
  });

  it('sends an error frame (and x_groq.error on Groq) then closes without [DONE]', async () => {
    await addFault({ provider: 'groq', kind: 'error-frame', afterChunks: 2 });
    const text = await (await chat({ stream: true })).text();
    const sent = frames(text);
    expect(sent).toHaveLength(4);
    expect(JSON.parse(sent[2]!.slice(6)).x_groq.error).toContain('error');
    expect(JSON.parse(sent[3]!.slice(6))).toEqual({ error: { message: expect.any(String), type: 'internal_server_error', code: 'internal_server_error' } });
    expect(text).not.toContain('[DONE]');
  });

  it('delays each chunk with a slow fault', async () => {
    await addFault({ provider: 'groq', kind: 'slow', ms: 30 });
    const started = performance.now();
    const text = await (await chat({ stream: true, max_tokens: 5 })).text();
    const elapsed = performance.now() - started;
    expect(frames(text)).toHaveLength(8);
    expect(elapsed).toBeGreaterThanOrEqual(6 * 30);
  });

  it('stalls for `ms` before answering', async () => {
    await addFault({ provider: 'groq', kind: 'stall', ms: 150 });
    const started = performance.now();
    expect((await chat({})).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });
});

describe('request log', () => {
  it('records provider, path, model, stream and the status answered', async () => {
    await chat({ stream: true }).then((response) => response.text());
    await chat({ model: 'nope' });
    const log = await (await fetch(`${emulator.url}/_emulator/requests`)).json();
    expect(log).toEqual([
      expect.objectContaining({ provider: 'groq', path: '/openai/v1/chat/completions', model: 'openai/gpt-oss-20b', stream: true, status: 200 }),
      expect.objectContaining({ model: 'nope', stream: false, status: 404 }),
    ]);
    expect(emulator.requests.list()).toHaveLength(2);
  });
});

describe('pacing and hints', () => {
  it('streams about one token per chunk at the model speed', async () => {
    const started = performance.now();
    const text = await (await chat({ stream: true, messages: [{ role: 'user', content: 'long please [emulate tokens=400]' }] })).text();
    const elapsed = performance.now() - started;
    const contentChunks = frames(text).filter((frame) => frame.includes('"content":"') && !frame.includes('"content":""'));
    expect(contentChunks).toHaveLength(400);
    // 400 answer tokens plus ~45 reasoning tokens at 1000 tokens/s.
    expect(elapsed).toBeGreaterThan(350);
    expect(elapsed).toBeLessThan(3000);
  });

  it('stops writing when the client disconnects', async () => {
    const controller = new AbortController();
    const response = await chat({ stream: true, messages: [{ role: 'user', content: '[emulate tokens=100000]' }] }, controller.signal);
    const reader = response.body!.getReader();
    await reader.read();
    const active = async () => (await (await fetch(`${emulator.url}/_emulator`)).json()).activeStreams as number;
    expect(await active()).toBe(1);
    controller.abort();
    await vi.waitFor(async () => expect(await active()).toBe(0));
  });

  it('keeps hundreds of concurrent streams going', async () => {
    const texts = await Promise.all(Array.from({ length: 300 }, (_, index) =>
      chat({ stream: true, messages: [{ role: 'user', content: `stream ${index} [emulate tokens=100]` }] }).then((response) => response.text())));
    expect(texts.every((text) => text.endsWith('data: [DONE]\n\n'))).toBe(true);
  });
});
