import type { LanguageModelV4CallOptions, LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { groq } from '@ai-sdk/groq';
import {
  createUIMessageStreamResponse,
  parseJsonEventStream,
  stepCountIs,
  streamText,
  tool,
  toUIMessageStream,
  uiMessageChunkSchema,
  type ModelMessage,
  type ToolSet,
  type UIMessageChunk,
} from 'ai';
import { convertArrayToReadableStream, MockLanguageModelV4 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { streamChatSteps } from './stream-chat-steps';
import { uiMessageSseResponse } from './ui-message-sse-response';

const usage = (output: number) => ({
  inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: output, text: output, reasoning: undefined },
});
const finish = (unified: 'stop' | 'tool-calls' | 'length' | 'interrupted', output = 3): LanguageModelV4StreamPart => ({
  type: 'finish',
  finishReason: { unified, raw: unified },
  usage: usage(output),
});
const text = (id: string, ...deltas: string[]): LanguageModelV4StreamPart[] => [
  { type: 'text-start', id },
  ...deltas.map((delta) => ({ type: 'text-delta' as const, id, delta })),
  { type: 'text-end', id },
];
const reasoning = (id: string, delta: string): LanguageModelV4StreamPart[] => [
  { type: 'reasoning-start', id },
  { type: 'reasoning-delta', id, delta },
  { type: 'reasoning-end', id },
];
const call = (id: string, toolName: string, input: string): LanguageModelV4StreamPart[] => [
  { type: 'tool-input-start', id, toolName },
  { type: 'tool-input-delta', id, delta: input },
  { type: 'tool-input-end', id },
  { type: 'tool-call', toolCallId: id, toolName, input },
];
const head: LanguageModelV4StreamPart[] = [{ type: 'stream-start', warnings: [] }];

const tools = {
  calculator: tool({
    description: 'Evaluates arithmetic.',
    inputSchema: z.object({ expression: z.string() }),
    execute: async ({ expression }) => ({ expression, value: 42 }),
  }),
  broken: tool({
    description: 'Always fails.',
    inputSchema: z.object({}),
    execute: async (): Promise<{ ok: boolean }> => {
      throw new Error('the tool broke');
    },
  }),
  browser_search: groq.tools.browserSearch({}),
} satisfies ToolSet;

/** Scripted steps, one stream per doStream call, with the calls recorded. */
function scripted(steps: LanguageModelV4StreamPart[][]) {
  const calls: LanguageModelV4CallOptions[] = [];
  const model = new MockLanguageModelV4({
    doStream: async (options) => {
      calls.push(options);
      return { stream: convertArrayToReadableStream(steps[calls.length - 1] ?? [finish('stop')]) };
    },
  });
  return { model, calls };
}

const instructions = 'You are Flint.';
const messages: ModelMessage[] = [{ role: 'user', content: 'What is 6*7?' }];
const onError = (error: unknown) => `mapped: ${error instanceof Error ? error.message : String(error)}`;

async function sdkRun(steps: LanguageModelV4StreamPart[][], maxSteps: number) {
  const { model, calls } = scripted(steps);
  const result = streamText({ model, instructions, messages, tools, stopWhen: stepCountIs(maxSteps), maxRetries: 0, onError: () => {} });
  const stream = toUIMessageStream({
    stream: result.stream,
    tools,
    onError,
    messageMetadata: ({ part }) =>
      part.type === 'start' ? { at: 1 } : part.type === 'finish' ? { why: part.finishReason, out: part.totalUsage.outputTokens } : undefined,
  });
  return { text: await createUIMessageStreamResponse({ stream }).text(), calls };
}

async function fastRun(steps: LanguageModelV4StreamPart[][], maxSteps: number) {
  const { model, calls } = scripted(steps);
  const body = await streamChatSteps({
    model,
    prompt: { instructions, messages },
    tools,
    maxSteps,
    onError,
    messageMetadata: (event) => (event.type === 'start' ? { at: 1 } : { why: event.finishReason, out: event.usage.outputTokens }),
  });
  return { text: await uiMessageSseResponse(body).text(), calls };
}

async function chunksOf(sse: string): Promise<UIMessageChunk[]> {
  const chunks: UIMessageChunk[] = [];
  const reader = parseJsonEventStream({ stream: new Response(sse).body!, schema: uiMessageChunkSchema }).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    if (!value.success) throw value.error;
    chunks.push(value.value as UIMessageChunk);
  }
}

/** Ids streamText makes up (a text id a later step reuses gets a random one) named by first appearance. */
function normalised(chunks: UIMessageChunk[]): unknown[] {
  const names = new Map<string, string>();
  return chunks.map((chunk) => {
    if (!('id' in chunk) || typeof chunk.id !== 'string') return chunk;
    if (!names.has(chunk.id)) names.set(chunk.id, `id-${names.size}`);
    return { ...chunk, id: names.get(chunk.id) };
  });
}

const toolSteps: Record<string, { steps: LanguageModelV4StreamPart[][]; maxSteps: number }> = {
  'no tools called (tools offered)': { steps: [[...head, ...reasoning('r0', 'Say hi.'), ...text('t0', 'Hello', ' there'), finish('stop')]], maxSteps: 5 },
  'a tool call, then the answer': {
    steps: [
      [...head, ...reasoning('r0', 'Need math.'), ...text('t0', 'Let me compute.'), ...call('c1', 'calculator', '{"expression":"6*7"}'), finish('tool-calls', 5)],
      [...head, ...text('t1', 'It is ', '42.'), finish('stop', 4)],
    ],
    maxSteps: 5,
  },
  'two calls in one step, one throws': {
    steps: [
      [...head, ...call('c1', 'calculator', '{"expression":"1+1"}'), ...call('c2', 'broken', '{}'), finish('tool-calls')],
      [...head, ...text('t1', 'One worked.'), finish('stop')],
    ],
    maxSteps: 5,
  },
  'input that fails the schema, and an unknown tool': {
    steps: [
      [...head, ...call('c1', 'calculator', '{"expr":1}'), ...call('c2', 'nope', '{}'), finish('tool-calls')],
      [...head, ...text('t1', 'Sorry.'), finish('stop')],
    ],
    maxSteps: 5,
  },
  'a provider-executed search (Groq browser_search)': {
    steps: [
      [
        ...head,
        { type: 'tool-call', toolCallId: 's1', toolName: 'browser_search', input: '{"query":"flint"}', providerExecuted: true },
        { type: 'tool-result', toolCallId: 's1', toolName: 'browser_search', result: { results: [{ url: 'https://example.com' }] } },
        ...text('t0', 'Found it.'),
        finish('stop'),
      ],
    ],
    maxSteps: 5,
  },
  'the step cap stops a model that keeps calling': {
    steps: [
      [...head, ...call('c1', 'calculator', '{"expression":"1"}'), finish('tool-calls')],
      [...head, ...call('c2', 'calculator', '{"expression":"2"}'), finish('tool-calls')],
      [...head, ...text('t2', 'never sent'), finish('stop')],
    ],
    maxSteps: 2,
  },
  'an interrupted step runs no tools and passes the reason on': {
    steps: [[...head, ...text('t0', 'cut'), ...call('c1', 'calculator', '{"expression":"1"}'), finish('interrupted')]],
    maxSteps: 5,
  },
  'an error part after content': {
    steps: [[...head, ...text('t0', 'partial'), { type: 'error', error: new Error('upstream broke') }, finish('stop')]],
    maxSteps: 5,
  },
};

describe('streamChatSteps', () => {
  for (const [name, { steps, maxSteps }] of Object.entries(toolSteps)) {
    it(`sends the bytes streamText + toUIMessageStream send: ${name}`, async () => {
      const sdk = await sdkRun(steps, maxSteps);
      const fast = await fastRun(steps, maxSteps);
      expect(fast.text).toBe(sdk.text);
      expect(await chunksOf(fast.text)).toEqual(await chunksOf(sdk.text));
      // and the model was asked the same things, step for step (tools, tool choice, the prompt with tool results)
      expect(fast.calls.length).toBe(sdk.calls.length);
      fast.calls.forEach((options, step) => {
        expect(options.prompt).toEqual(sdk.calls[step]!.prompt);
        expect(options.tools).toEqual(sdk.calls[step]!.tools);
        expect(options.toolChoice).toEqual(sdk.calls[step]!.toolChoice);
      });
    });
  }

  it('gives the tool result to the second step as streamText does', async () => {
    const { steps, maxSteps } = toolSteps['a tool call, then the answer']!;
    const fast = await fastRun(steps, maxSteps);
    const second = fast.calls[1]!.prompt;
    expect(second.at(-2)).toMatchObject({ role: 'assistant', content: expect.arrayContaining([expect.objectContaining({ type: 'tool-call', toolCallId: 'c1', input: { expression: '6*7' } })]) });
    expect(second.at(-1)).toMatchObject({ role: 'tool', content: [{ type: 'tool-result', toolCallId: 'c1', output: { type: 'json', value: { expression: '6*7', value: 42 } } }] });
  });

  it('matches the SDK chunk for chunk when the provider reuses part ids across steps (ids normalised)', async () => {
    // Groq names every step's blocks txt-0 / reasoning-0; streamText gives a reused id a random one,
    // so only the ids can differ.
    const steps = [
      [...head, ...text('txt-0', 'Checking.'), ...call('c1', 'calculator', '{"expression":"2"}'), finish('tool-calls')],
      [...head, ...text('txt-0', 'Done.'), finish('stop')],
    ];
    const sdk = await chunksOf((await sdkRun(steps, 5)).text);
    const fast = await chunksOf((await fastRun(steps, 5)).text);
    expect(normalised(fast)).toEqual(normalised(sdk));
    const ids = fast.filter((chunk) => chunk.type === 'text-start').map((chunk) => (chunk as { id: string }).id);
    expect(new Set(ids).size).toBe(2);
  });

  it('turns a tool that outlives its time budget into an error the model sees', async () => {
    const slow = { wait: tool({ description: 'Never answers.', inputSchema: z.object({}), execute: () => new Promise<string>(() => {}) }) };
    const { model, calls } = scripted([[...head, ...call('c1', 'wait', '{}'), finish('tool-calls')], [...head, ...text('t1', 'Gave up.'), finish('stop')]]);
    const body = await streamChatSteps({ model, prompt: { messages }, tools: slow, maxSteps: 3, toolTimeoutMs: 5 });
    const chunks = await chunksOf(await new Response(body).text());
    expect(chunks).toContainEqual(expect.objectContaining({ type: 'tool-output-error', toolCallId: 'c1' }));
    expect(JSON.stringify(calls[1]!.prompt.at(-1))).toContain('did not answer within 5 ms');
  });

  it('rejects (for a real HTTP status) when the model fails before its first token', async () => {
    const failing = new MockLanguageModelV4({
      doStream: async () => {
        throw new Error('all models failed');
      },
    });
    await expect(streamChatSteps({ model: failing, prompt: { messages } })).rejects.toThrow('all models failed');
    const { model } = scripted([[...head, { type: 'error', error: new Error('rate limited') }, finish('stop')]]);
    await expect(streamChatSteps({ model, prompt: { messages } })).rejects.toThrow('rate limited');
  });

  it('reports how the stream ended, and passes a cancel on to the model', async () => {
    const ends: unknown[] = [];
    const { model } = scripted([[...head, ...text('t0', 'hi'), finish('stop')]]);
    await new Response(await streamChatSteps({ model, prompt: { messages }, onEnd: (end) => ends.push(end) })).text();
    expect(ends).toEqual([{ kind: 'closed', errored: false, finishReason: 'stop' }]);

    let reason: unknown;
    const open = new MockLanguageModelV4({
      doStream: async () => ({
        stream: new ReadableStream<LanguageModelV4StreamPart>({
          start(controller) {
            controller.enqueue({ type: 'text-start', id: 't' });
            controller.enqueue({ type: 'text-delta', id: 't', delta: 'first' });
          },
          cancel(why) {
            reason = why;
          },
        }),
      }),
    });
    const cancelled: unknown[] = [];
    const reader = (await streamChatSteps({ model: open, prompt: { messages }, onEnd: (end) => cancelled.push(end) })).getReader();
    await reader.read();
    await reader.cancel('client gone');
    expect(reason).toBe('client gone');
    expect(cancelled).toEqual([{ kind: 'cancelled' }]);
  });
});
