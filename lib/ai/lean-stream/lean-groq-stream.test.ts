import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { leanGroqStream } from './lean-groq-stream';

const start: LanguageModelV4StreamPart = { type: 'stream-start', warnings: [] };

function body(text: string, failure?: Error): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  // One byte per read: every frame and every multi-byte character arrives split.
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset < bytes.length) controller.enqueue(bytes.slice(offset, ++offset));
      else if (failure) controller.error(failure);
      else controller.close();
    },
  });
}

/** Wraps a body failure the way the SDK's stream would report it. */
const wrapBodyError = async (error: unknown) => new Error('wrapped by the SDK', { cause: error });

async function read(stream: ReadableStream<LanguageModelV4StreamPart>) {
  const parts: LanguageModelV4StreamPart[] = [];
  const reader = stream.getReader();
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read()) parts.push(next.value);
  } catch (error) {
    return { parts, error };
  }
  return { parts };
}

const frame = (value: object) => `data: ${JSON.stringify(value)}\n\n`;

/** A body whose reads are exactly these texts (frames that arrived together in one network read). */
function reads(...texts: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    pull(controller) {
      const text = texts.shift();
      if (text === undefined) controller.close();
      else controller.enqueue(encoder.encode(text));
    },
  });
}

describe('leanGroqStream', () => {
  it('joins the deltas of a block that arrived in one read, and keeps reads and blocks apart', async () => {
    const delta = (key: 'reasoning' | 'content', text: string) => frame({ id: 'c1', model: 'm', choices: [{ index: 0, delta: { [key]: text } }] });
    const wire = reads(
      delta('reasoning', 'a') + delta('reasoning', 'b') + delta('content', 'c') + delta('content', 'd'),
      delta('content', 'e') + delta('content', 'f'),
      delta('content', 'g') + 'data: [DONE]\n\n',
    );
    const { parts } = await read(leanGroqStream({ body: wire, start, wrapBodyError }));
    const deltas = parts.flatMap((part) => (part.type === 'text-delta' || part.type === 'reasoning-delta' ? [`${part.type}:${part.delta}`] : []));
    expect(deltas).toEqual(['reasoning-delta:ab', 'text-delta:cd', 'text-delta:ef', 'text-delta:g']);
    expect(parts.map((part) => part.type)).toEqual([
      'stream-start', 'response-metadata', 'reasoning-start', 'reasoning-delta', 'reasoning-end', 'text-start', 'text-delta', 'text-delta', 'text-delta', 'text-end', 'finish',
    ]);
  });

  it('maps reasoning, text, a tool call and x_groq usage itself, with the SDK stream fed nothing', async () => {
    const wire = [
      frame({ id: 'c1', created: 1770770798, model: 'openai/gpt-oss-120b', choices: [{ index: 0, delta: { role: 'assistant', reasoning: 'Thinking é' } }] }),
      frame({ id: 'c1', choices: [{ index: 0, delta: { content: '日本' } }] }),
      frame({ id: 'c1', choices: [{ index: 0, delta: { tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'weather', arguments: '{"city":"Oslo"}' } }] } }] }),
      frame({ id: 'c1', choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }], x_groq: { id: 'r', usage: { prompt_tokens: 9, completion_tokens: 5, total_tokens: 14, completion_tokens_details: { reasoning_tokens: 2 }, queue_time: 0.1 } } }),
      'data: [DONE]\n\n',
    ].join('');
    const { parts, error } = await read(leanGroqStream({ body: body(wire), start, wrapBodyError }));
    expect(error).toBeUndefined();
    expect(parts).toStrictEqual([
      start,
      { type: 'response-metadata', id: 'c1', modelId: 'openai/gpt-oss-120b', timestamp: new Date(1770770798_000) },
      { type: 'reasoning-start', id: 'reasoning-0' },
      { type: 'reasoning-delta', id: 'reasoning-0', delta: 'Thinking é' },
      { type: 'reasoning-end', id: 'reasoning-0' },
      { type: 'text-start', id: 'txt-0' },
      { type: 'text-delta', id: 'txt-0', delta: '日本' },
      { type: 'tool-input-start', id: 'call_1', toolName: 'weather' },
      { type: 'tool-input-delta', id: 'call_1', delta: '{"city":"Oslo"}' },
      { type: 'text-end', id: 'txt-0' },
      { type: 'tool-input-end', id: 'call_1' },
      { type: 'tool-call', toolCallId: 'call_1', toolName: 'weather', input: '{"city":"Oslo"}' },
      {
        type: 'finish',
        finishReason: { unified: 'tool-calls', raw: 'tool_calls' },
        usage: {
          inputTokens: { total: 9, noCache: 9, cacheRead: undefined, cacheWrite: undefined },
          outputTokens: { total: 5, text: 3, reasoning: 2 },
          raw: { prompt_tokens: 9, completion_tokens: 5, total_tokens: 14, completion_tokens_details: { reasoning_tokens: 2 } },
        },
      },
    ]);
  });

  it('answers a broken body with the error the SDK stream reports for it, after the parts already read', async () => {
    const dropped = new TypeError('terminated');
    const { parts, error } = await read(leanGroqStream({ body: body(frame({ choices: [{ index: 0, delta: { content: 'Hi' } }] }), dropped), start, wrapBodyError }));
    expect(parts.map((part) => part.type)).toEqual(['stream-start', 'response-metadata', 'text-start', 'text-delta']);
    expect(error).toMatchObject({ message: 'wrapped by the SDK', cause: dropped });
  });

  it('turns a frame that is not a chunk into the error part the SDK schema gives, and carries on', async () => {
    const { parts } = await read(leanGroqStream({ body: body(`${frame({ choices: 'none' })}${frame({ choices: [] })}`), start, wrapBodyError }));
    expect(parts[1]).toMatchObject({ type: 'error', error: { name: 'AI_TypeValidationError' } });
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: { unified: 'error' } });
  });

  it('cancelling mid-stream cancels the real body, with nothing enqueued after', async () => {
    let bodyCancelled: unknown;
    let sent = false;
    const realBody = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent) return new Promise(() => {});
        sent = true;
        controller.enqueue(new TextEncoder().encode(frame({ choices: [{ index: 0, delta: { content: 'Hi' } }] })));
      },
      cancel: (reason) => void (bodyCancelled = reason),
    });
    const reader = leanGroqStream({ body: realBody, start, wrapBodyError }).getReader();
    const types = [];
    for (let index = 0; index < 4; index += 1) types.push((await reader.read()).value?.type);
    expect(types).toEqual(['stream-start', 'response-metadata', 'text-start', 'text-delta']);
    const pending = reader.read();
    await reader.cancel('stop pressed');
    expect(await pending).toEqual({ done: true, value: undefined });
    expect(bodyCancelled).toBe('stop pressed');
  });
});
