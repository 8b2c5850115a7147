// streamChatSteps behind the real fallback chain on the emulator's Groq: the parts @ai-sdk/groq
// really produces (gpt-oss reasoning, txt-0 ids reused across steps, tool calls, usage), compared
// with streamText + toUIMessageStream on the same chain.
import { createGroq } from '@ai-sdk/groq';
import { createUIMessageStreamResponse, isStepCount, parseJsonEventStream, streamText, toUIMessageStream, uiMessageChunkSchema, type UIMessageChunk } from 'ai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '@/emulator/server';
import { createCatalog } from '@/lib/ai/catalog/catalog';
import { createFallbackModel } from '@/lib/ai/fallback/fallback-model';
import { createFallbackTrace } from '@/lib/ai/fallback/fallback-trace';
import { createHealthRegistry } from '@/lib/ai/health/health';
import { calculator } from '@/lib/ai/tools/calculator';
import { createCurrentTime } from '@/lib/ai/tools/current-time';
import { streamChatSteps } from './stream-chat-steps';

let emulator: RunningEmulator;
let groq: ReturnType<typeof createGroq>;
/** The JSON bodies sent upstream, in order. */
const bodies: string[] = [];
const catalog = createCatalog();
const tools = { calculator, currentTime: createCurrentTime(() => new Date(0)) };
const instructions = 'You are Flint.';

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, speed: 0 });
  groq = createGroq({
    baseURL: emulator.groqBaseURL,
    apiKey: 'gsk_test',
    fetch: async (input, init) => {
      bodies.push(String(init?.body));
      return fetch(input, init);
    },
  });
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(() => {
  emulator.faults.clear();
  emulator.requests.clear();
  bodies.length = 0;
});

function chain() {
  const entries = ['openai/gpt-oss-20b', 'openai/gpt-oss-120b'].map((id) => catalog.find(id)!);
  return createFallbackModel({
    candidates: entries.map((entry) => ({ entry, model: groq(entry.id) })),
    health: createHealthRegistry(),
    firstTokenTimeoutMs: 5000,
    totalTimeoutMs: 30_000,
    trace: createFallbackTrace(),
  });
}

async function chunksOf(body: ReadableStream<Uint8Array>): Promise<UIMessageChunk[]> {
  const chunks: UIMessageChunk[] = [];
  const reader = parseJsonEventStream({ stream: body, schema: uiMessageChunkSchema }).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    if (!value.success) throw value.error;
    chunks.push(value.value as UIMessageChunk);
  }
}

/** Block ids streamText makes up for a reused txt-0 / reasoning-0, named by first appearance. */
function normalised(chunks: UIMessageChunk[]) {
  const names = new Map<string, string>();
  return chunks.map((chunk) => {
    if (!('id' in chunk) || typeof chunk.id !== 'string') return chunk;
    if (!names.has(chunk.id)) names.set(chunk.id, `id-${names.size}`);
    return { ...chunk, id: names.get(chunk.id) };
  });
}

async function both(prompt: string) {
  const messages = [{ role: 'user' as const, content: prompt }];
  const sdkResult = streamText({ model: chain(), instructions, messages, tools, stopWhen: isStepCount(5), maxRetries: 0, onError: () => {} });
  const sdk = await chunksOf(createUIMessageStreamResponse({ stream: toUIMessageStream({ stream: sdkResult.stream, tools }) }).body!);
  const sdkRequests = emulator.requests.list().length;
  const fast = await chunksOf(await streamChatSteps({ model: chain(), prompt: { instructions, messages }, tools, maxSteps: 5 }));
  return { sdk, fast, sdkRequests, fastRequests: emulator.requests.list().length - sdkRequests };
}

describe('streamChatSteps on the emulator through the fallback chain', () => {
  it('sends what streamText sends for a reply with tools offered and not called', async () => {
    const { sdk, fast } = await both('Say hello [emulate tokens=30]');
    expect(fast).toEqual(sdk);
    expect(fast.some((chunk) => chunk.type === 'reasoning-delta')).toBe(true);
    expect(fast.some((chunk) => chunk.type.startsWith('tool-'))).toBe(false);
  });

  it('runs the calculator in a second step and answers, as streamText does (ids normalised)', async () => {
    const { sdk, fast, sdkRequests, fastRequests } = await both('What is 12*7+3?');
    expect(normalised(fast)).toEqual(normalised(sdk));
    expect(fastRequests).toBe(2);
    expect(sdkRequests).toBe(2);
    expect(fast).toContainEqual(expect.objectContaining({ type: 'tool-output-available', output: expect.objectContaining({ result: '87' }) }));
    // The same second-step request (the tool call and its result in the prompt) went upstream from both paths.
    expect(bodies).toHaveLength(4);
    expect(bodies[3]).toBe(bodies[1]);
    expect(bodies[3]).toContain('"role":"tool"');
  });

  it('rejects before the first token when every candidate fails, for a real HTTP status', async () => {
    emulator.faults.add({ provider: 'groq', kind: 'status', status: 503 });
    await expect(streamChatSteps({ model: chain(), prompt: { instructions, messages: [{ role: 'user', content: 'hi' }] }, tools, maxSteps: 5 })).rejects.toMatchObject({
      name: expect.stringMatching(/AllModelsFailed/),
    });
  });
});
