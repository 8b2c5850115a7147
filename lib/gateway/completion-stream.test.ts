import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { completionStream, type StreamOutcome } from './completion-stream';

const usage = { inputTokens: { total: 3, noCache: 3, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 2, text: 2, reasoning: 0 } };
const summary = { usage: { inputTokens: 3, cachedTokens: 0, outputTokens: 2, costUsd: 0.001 }, xFlint: { served_by: 'm', attempts: [], cost_usd: 0.001, cache: 'miss' as const } };

async function frames(parts: LanguageModelV4StreamPart[], includeUsage = false) {
  const outcomes: StreamOutcome[] = [];
  const stream = completionStream(
    new ReadableStream({ start: (controller) => { for (const part of parts) controller.enqueue(part); controller.close(); } }),
    { id: 'c1', created: 1, model: 'flint/auto', includeUsage },
    { summarize: () => summary, onEnd: (outcome) => outcomes.push(outcome) },
  );
  const text = await new Response(stream).text();
  return { lines: text.split('\n\n').filter(Boolean), outcomes };
}

describe('completionStream', () => {
  it('writes OpenAI chunks, a usage chunk with x_flint and [DONE]', async () => {
    const { lines, outcomes } = await frames(
      [
        { type: 'reasoning-delta', id: 'r', delta: 'think' },
        { type: 'text-delta', id: 't', delta: 'Hi' },
        { type: 'finish', usage, finishReason: { unified: 'stop', raw: 'stop' } },
      ],
      true,
    );
    const chunks = lines.slice(0, -1).map((line) => JSON.parse(line.slice(6)) as { choices: Array<{ delta: Record<string, unknown>; finish_reason: string | null }>; usage?: unknown; x_flint?: unknown });
    expect(chunks.map((chunk) => chunk.choices[0]?.delta)).toEqual([{ role: 'assistant', content: '' }, { reasoning: 'think' }, { content: 'Hi' }, {}, undefined]);
    expect(chunks[3]?.choices[0]?.finish_reason).toBe('stop');
    expect(chunks[4]).toMatchObject({ choices: [], usage: { prompt_tokens: 3, completion_tokens: 2 }, x_flint: { served_by: 'm' } });
    expect(lines.at(-1)).toBe('data: [DONE]');
    expect(outcomes).toEqual([{ status: 'ok' }]);
  });

  it('ends an interrupted answer with an error frame and no [DONE]', async () => {
    const { lines, outcomes } = await frames([
      { type: 'text-delta', id: 't', delta: 'Hal' },
      { type: 'finish', usage, finishReason: { unified: 'interrupted', raw: 'cut' } },
    ]);
    expect(JSON.parse(lines.at(-1)!.slice(6))).toMatchObject({ error: { type: 'server_error', code: 'stream_interrupted' } });
    expect(lines).not.toContain('data: [DONE]');
    expect(outcomes).toEqual([{ status: 'interrupted' }]);
  });

  it('treats a stream that ends without a finish part as a failure', async () => {
    const { lines, outcomes } = await frames([{ type: 'text-delta', id: 't', delta: 'Hal' }]);
    expect(lines.at(-1)).toContain('"error"');
    expect(outcomes).toEqual([{ status: 'error' }]);
  });

  it('sends the role frame with the first token at once, then the parts ready together as one chunk', async () => {
    let source!: ReadableStreamDefaultController<LanguageModelV4StreamPart>;
    const stream = completionStream(
      new ReadableStream({ start: (controller) => void (source = controller) }),
      { id: 'c1', created: 1, model: 'flint/auto', includeUsage: false },
      { summarize: () => summary, onEnd: () => {} },
    );
    const reader = stream.getReader();
    const decoder = new TextDecoder();
    const deltas = (text: string) => text.split('\n\n').filter(Boolean).map((line) => (JSON.parse(line.slice(6)) as { choices: Array<{ delta: unknown }> }).choices[0]?.delta);
    source.enqueue({ type: 'text-start', id: 't' });
    source.enqueue({ type: 'text-delta', id: 't', delta: 'He' });
    source.enqueue({ type: 'text-delta', id: 't', delta: 'llo' });
    source.enqueue({ type: 'text-delta', id: 't', delta: ' wor' });
    expect(deltas(decoder.decode((await reader.read()).value))).toEqual([{ role: 'assistant', content: '' }, { content: 'He' }]);
    expect(deltas(decoder.decode((await reader.read()).value))).toEqual([{ content: 'llo' }, { content: ' wor' }]);
    // A part that comes later is sent on its own, without waiting for more.
    const next = reader.read();
    source.enqueue({ type: 'text-delta', id: 't', delta: 'ld!' });
    expect(decoder.decode((await next).value)).toBe(
      'data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"flint/auto","system_fingerprint":null,"choices":[{"index":0,"delta":{"content":"ld!"},"logprobs":null,"finish_reason":null}]}\n\n',
    );
    source.enqueue({ type: 'finish', usage, finishReason: { unified: 'stop', raw: 'stop' } });
    source.close();
    const rest = decoder.decode((await reader.read()).value);
    expect(rest.endsWith('data: [DONE]\n\n')).toBe(true);
    expect((await reader.read()).done).toBe(true);
  });

  it('sends the frames already rendered before the error frame of a failed read', async () => {
    const outcomes: StreamOutcome[] = [];
    let pulls = 0;
    const stream = completionStream(
      // The part is read first, then the next read fails, within the same turn.
      new ReadableStream<LanguageModelV4StreamPart>({
        pull(controller) {
          if (pulls++ === 0) controller.enqueue({ type: 'text-delta', id: 't', delta: 'Hal' });
          else controller.error(new Error('socket closed'));
        },
      }),
      { id: 'c1', created: 1, model: 'flint/auto', includeUsage: false },
      { summarize: () => summary, onEnd: (outcome) => outcomes.push(outcome) },
    );
    const lines = (await new Response(stream).text()).split('\n\n').filter(Boolean);
    expect(lines.map((line) => JSON.parse(line.slice(6)) as Record<string, unknown>).map((chunk) => ('error' in chunk ? 'error' : 'chunk'))).toEqual(['chunk', 'chunk', 'error']);
    expect(outcomes).toEqual([{ status: 'error' }]);
  });

  it('counts what was sent when the client goes away', async () => {
    const outcomes: StreamOutcome[] = [];
    let source!: ReadableStreamDefaultController<LanguageModelV4StreamPart>;
    const stream = completionStream(
      new ReadableStream({ start: (controller) => void (source = controller) }),
      { id: 'c1', created: 1, model: 'flint/auto', includeUsage: false },
      { summarize: () => summary, onEnd: (outcome) => outcomes.push(outcome) },
    );
    const reader = stream.getReader();
    source.enqueue({ type: 'text-delta', id: 't', delta: 'abcdefgh' });
    await reader.read();
    await reader.cancel();
    expect(outcomes).toEqual([{ status: 'aborted', estimatedOutputTokens: 2 }]);
  });
});
