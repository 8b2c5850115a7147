import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import {
  createUIMessageStreamResponse,
  experimental_streamTextLowMemory as streamTextLowMemory,
  parseJsonEventStream,
  streamText,
  toUIMessageStream,
  uiMessageChunkSchema,
  type UIMessageChunk,
} from 'ai';
import { convertArrayToReadableStream, MockLanguageModelV4 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { FastPathUnsupportedError } from './fast-path-unsupported-error';
import { uiMessageSseResponse } from './ui-message-sse-response';
import { toUIMessageSseStream, type MetadataEvent } from './ui-message-sse-stream';

const usage = {
  inputTokens: { total: 12, noCache: 12, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 7, text: 5, reasoning: 2 },
};
const finish = (unified: 'stop' | 'length' | 'other' = 'stop'): LanguageModelV4StreamPart => ({ type: 'finish', finishReason: { unified, raw: unified }, usage });
const head: LanguageModelV4StreamPart[] = [
  { type: 'stream-start', warnings: [] },
  { type: 'response-metadata', id: 'chatcmpl-1', modelId: 'openai/gpt-oss-20b', timestamp: new Date(0) },
];
const gptOss: LanguageModelV4StreamPart[] = [
  ...head,
  { type: 'reasoning-start', id: 'reasoning-0' },
  { type: 'reasoning-delta', id: 'reasoning-0', delta: '' },
  { type: 'reasoning-delta', id: 'reasoning-0', delta: 'The user says hi.' },
  { type: 'reasoning-delta', id: 'reasoning-0', delta: ' Greet "back" \u2014 briefly.' },
  { type: 'reasoning-end', id: 'reasoning-0' },
  { type: 'text-start', id: 'txt-0' },
  { type: 'text-delta', id: 'txt-0', delta: 'Hello' },
  { type: 'text-delta', id: 'txt-0', delta: ' there!\n\n```ts\nconst a = "b";\n```' },
  { type: 'text-end', id: 'txt-0' },
  finish(),
];

const sequences: Record<string, LanguageModelV4StreamPart[]> = {
  'reasoning then text (gpt-oss)': gptOss,
  'text only, two blocks, provider metadata, an empty delta': [
    ...head,
    { type: 'text-start', id: 'a', providerMetadata: { groq: { note: 'x' } } },
    { type: 'text-delta', id: 'a', delta: '' },
    { type: 'text-delta', id: 'a', delta: 'one', providerMetadata: { groq: { n: 1 } } },
    { type: 'text-end', id: 'a', providerMetadata: { groq: { done: true } } },
    { type: 'raw', rawValue: { anything: true } },
    { type: 'text-start', id: 'b' },
    { type: 'text-delta', id: 'b', delta: 'two \u{1F600} \u0000 \\ "q"' },
    { type: 'text-end', id: 'b' },
    finish('length'),
  ],
  'an error part, then the finish': [
    ...head,
    { type: 'text-start', id: 't' },
    { type: 'text-delta', id: 't', delta: 'partial' },
    { type: 'error', error: new Error('upstream broke') },
    { type: 'text-end', id: 't' },
    finish('other'),
  ],
  'no parts but the finish': [...head, finish()],
};

const metadataOf = (event: MetadataEvent) =>
  event.type === 'start' ? { createdAt: 5 } : { model: 'GPT-OSS 20B', finishReason: event.finishReason, outputTokens: event.usage.outputTokens.total };
const onError = (error: unknown) => `mapped: ${error instanceof Error ? error.message : String(error)}`;

/** What the SDK path (as lib/services/chat.ts runs it) sends for a model stream. */
async function sdkBytes(parts: LanguageModelV4StreamPart[], { sendReasoning = true, lowMemory = true } = {}) {
  const model = new MockLanguageModelV4({ doStream: async () => ({ stream: convertArrayToReadableStream(parts) }) });
  const run = lowMemory ? streamTextLowMemory : streamText;
  const result = run({ model, prompt: 'hi', maxRetries: 0, onError: () => {} });
  const stream = toUIMessageStream({
    stream: result.stream,
    sendReasoning,
    onError,
    messageMetadata: ({ part }) =>
      part.type === 'start'
        ? metadataOf({ type: 'start' })
        : part.type === 'finish'
          ? metadataOf({ type: 'finish', finishReason: part.finishReason, usage: { inputTokens: usage.inputTokens, outputTokens: usage.outputTokens } })
          : undefined,
  });
  return createUIMessageStreamResponse({ stream });
}

function fastResponse(parts: LanguageModelV4StreamPart[], sendReasoning = true) {
  return uiMessageSseResponse(toUIMessageSseStream(convertArrayToReadableStream(parts), { messageMetadata: metadataOf, onError, sendReasoning }));
}

/** The chunks useChat would see, read with the SDK's own SSE parser and chunk schema. */
async function parsedChunks(response: Response): Promise<UIMessageChunk[]> {
  const chunks: UIMessageChunk[] = [];
  const reader = parseJsonEventStream({ stream: response.body!, schema: uiMessageChunkSchema }).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    if (!value.success) throw value.error;
    chunks.push(value.value as UIMessageChunk);
  }
}

describe('toUIMessageSseStream', () => {
  for (const [name, parts] of Object.entries(sequences)) {
    it(`sends the same bytes as streamText + toUIMessageStream: ${name}`, async () => {
      const expected = await (await sdkBytes(parts)).text();
      expect(await fastResponse(parts).text()).toBe(expected);
      // and the same as the full streamText, not only its low-memory variant
      expect(expected).toBe(await (await sdkBytes(parts, { lowMemory: false })).text());
    });

    it(`parses into the same UI chunks with the SDK's parser: ${name}`, async () => {
      expect(await parsedChunks(fastResponse(parts))).toEqual(await parsedChunks(await sdkBytes(parts)));
    });
  }

  it('leaves reasoning out when sendReasoning is false, as the SDK does', async () => {
    const fast = await fastResponse(gptOss, false).text();
    expect(fast).not.toContain('reasoning');
    expect(fast).toBe(await (await sdkBytes(gptOss, { sendReasoning: false })).text());
  });

  it('answers with the headers createUIMessageStreamResponse sets, keeping the caller’s', async () => {
    const sdk = await sdkBytes(gptOss);
    const fast = uiMessageSseResponse(toUIMessageSseStream(convertArrayToReadableStream(gptOss)), { headers: { 'cache-control': 'no-cache, no-transform' } });
    expect(fast.headers.get('x-vercel-ai-ui-message-stream')).toBe('v1');
    for (const name of ['content-type', 'connection', 'x-accel-buffering']) expect(fast.headers.get(name)).toBe(sdk.headers.get(name));
    expect(fast.headers.get('cache-control')).toBe('no-cache, no-transform');
  });

  it('sends what came before a source failure, then fails the same way the SDK path does', async () => {
    const failing = () => {
      const parts: LanguageModelV4StreamPart[] = [{ type: 'text-start', id: 't' }, { type: 'text-delta', id: 't', delta: 'cut' }];
      return new ReadableStream<LanguageModelV4StreamPart>({
        pull(controller) {
          const part = parts.shift();
          if (part) controller.enqueue(part);
          else controller.error(new Error('socket closed'));
        },
      });
    };
    const readAll = async (body: ReadableStream<Uint8Array>) => {
      const decoder = new TextDecoder();
      let text = '';
      const reader = body.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return { text, error: undefined };
          text += decoder.decode(value, { stream: true });
        }
      } catch (error) {
        return { text, error: (error as Error).message };
      }
    };
    const fast = await readAll(toUIMessageSseStream(failing()));
    expect(fast).toEqual({ text: expect.stringContaining('"delta":"cut"'), error: 'socket closed' });
    expect(fast.text).not.toContain('[DONE]');
  });

  it('refuses a tool call, which only the SDK path can carry, and stops the source', async () => {
    let cancelled = false;
    const source = new ReadableStream<LanguageModelV4StreamPart>({
      start(controller) {
        controller.enqueue({ type: 'tool-call', toolCallId: 'c1', toolName: 'calculator', input: '{}' });
      },
      cancel() {
        cancelled = true;
      },
    });
    const reader = toUIMessageSseStream(source).getReader();
    await reader.read(); // start and start-step
    const failure = await reader.read().then(() => undefined, (error: unknown) => error);
    expect(FastPathUnsupportedError.isInstance(failure)).toBe(true);
    expect(cancelled).toBe(true);
  });

  it('passes a cancel (the browser left) on to the model stream', async () => {
    let reason: unknown;
    const source = new ReadableStream<LanguageModelV4StreamPart>({
      start(controller) {
        controller.enqueue({ type: 'text-start', id: 't' });
      },
      cancel(why) {
        reason = why;
      },
    });
    const reader = toUIMessageSseStream(source).getReader();
    await reader.read();
    await reader.cancel('client gone');
    expect(reason).toBe('client gone');
  });
});
