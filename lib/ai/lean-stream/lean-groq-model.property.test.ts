import { createGroq } from '@ai-sdk/groq';
import type { LanguageModelV4 } from '@ai-sdk/provider';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { streamOutcome } from '../../../test/stream-outcome';
import { createLeanGroqModel } from './lean-groq-model';

const text = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.constantFrom('', ' é', '日本語', ' 👋🏽', '\n', 'constructor', '"quoted"', '\\u0041', 'data: x\n\n'),
);
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

const toolCall = fc.record(
  {
    index: fc.integer({ min: 0, max: 2 }),
    id: maybe(fc.oneof(fc.constantFrom('call_a', 'call_b', '', ' '), fc.constant(null))),
    type: fc.constantFrom('function', 'function', 'function', undefined, 'retrieval'),
    function: fc.record({ name: maybe(fc.constantFrom('weather', 'forecast', '', null)), arguments: maybe(fc.constantFrom('{"city":', '"Oslo"}', '{}', '', ' ', null)) }, { requiredKeys: [] }),
  },
  { requiredKeys: ['index', 'function'] },
);

const usage = fc.record(
  {
    prompt_tokens: fc.oneof(fc.nat(500), fc.constant(null)),
    completion_tokens: fc.nat(900),
    total_tokens: fc.nat(1400),
    prompt_tokens_details: fc.oneof(fc.record({ cached_tokens: fc.nat(100) }), fc.constant(null), fc.constant({})),
    completion_tokens_details: fc.oneof(fc.record({ reasoning_tokens: fc.nat(200) }), fc.constant(null)),
    queue_time: fc.double({ min: 0, max: 1, noNaN: true }),
  },
  { requiredKeys: [] },
);

const chunk = fc.record(
  {
    id: fc.oneof(fc.constant('chatcmpl-1'), fc.constant(null)),
    object: fc.constant('chat.completion.chunk'),
    created: fc.oneof(fc.constant(1770770798), fc.constant(null)),
    model: fc.constantFrom('openai/gpt-oss-120b', 'qwen/qwen3.8-27b'),
    choices: fc.array(
      fc.record(
        {
          index: fc.constant(0),
          delta: fc.oneof(
            fc.record(
              { role: fc.constant('assistant'), reasoning: maybe(fc.oneof(text, fc.constant(null))), content: maybe(fc.oneof(text, fc.constant(null))), tool_calls: maybe(fc.array(toolCall, { maxLength: 2 })) },
              { requiredKeys: [] },
            ),
            fc.constant(null),
          ),
          finish_reason: maybe(fc.oneof(fc.constantFrom('stop', 'length', 'tool_calls', 'content_filter', 'function_call', 'weird', 'toString'), fc.constant(null))),
        },
        { requiredKeys: ['index'] },
      ),
      { maxLength: 2 },
    ),
    x_groq: maybe(fc.record({ id: fc.constant('req_1'), usage: maybe(usage) }, { requiredKeys: ['id'] })),
    usage: maybe(usage),
  },
  { requiredKeys: ['choices'] },
);

const errorFrame = fc.record({
  error: fc.record({ message: text, type: fc.constantFrom('server_error', 'rate_limit_error', 'invalid_request_error', 'teapot', 'hasOwnProperty'), code: maybe(fc.string({ maxLength: 4 })) }),
});

// Payloads as Groq sends them, plus everything the SDK must turn into an error part.
const payload = fc.oneof(
  { weight: 12, arbitrary: chunk.map((value) => JSON.stringify(value)) },
  { weight: 2, arbitrary: errorFrame.map((value) => JSON.stringify(value)) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '[DONE]',
      '{bad json',
      '{"choices":"x"}',
      '{"choices":[{"index":"0"}]}',
      '{"choices":[],"__proto__":{"x":1}}',
      '{"choices":[],"constructor":{"prototype":{}}}',
      '{"choices":[{"index":0,"delta":{"content":"\\u00e9"}}]}',
      '{"error":{"message":"m"}}',
      '42',
      'null',
      '[]',
    ),
  },
);

const event = fc.oneof(
  { weight: 10, arbitrary: payload.map((data) => `data: ${data}\n\n`) },
  { weight: 1, arbitrary: payload.map((data) => `event: message\r\ndata:${data}\r\n\r\n`) },
  { weight: 1, arbitrary: fc.constantFrom(': keep-alive\n\n', 'id: 7\nretry: 10\n\n', 'data: {"choices":\ndata: []}\n\n', '\n') },
);

const wire = fc.record({
  events: fc.array(event, { maxLength: 14 }),
  cuts: fc.array(fc.nat(), { maxLength: 8 }),
  ending: fc.constantFrom('close', 'close', 'drop'),
});

type Wire = { events: string[]; cuts: number[]; ending: string };

/** A fetch answering 200 with these bytes, cut at arbitrary byte offsets (also inside UTF-8 sequences). */
function wireFetch({ events, cuts, ending }: Wire): typeof fetch {
  return async () => {
    const bytes = new TextEncoder().encode(events.join(''));
    const offsets = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
    const bounds = [0, ...offsets, bytes.length];
    const pieces = bounds.slice(1).map((end, i) => bytes.slice(bounds[i], end)).filter((piece) => piece.length > 0);
    // Pulled one piece at a time, so a drop comes after the bytes were read (erroring earlier would discard them).
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const piece = pieces.shift();
        if (piece) controller.enqueue(piece);
        else if (ending === 'drop') controller.error(new TypeError('terminated', { cause: new Error('other side closed') }));
        else controller.close();
      },
    });
    return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream', 'x-request-id': 'req_1' } });
  };
}

const options = { prompt: [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'hi' }] }] };
const model = (make: (id: string, settings: NonNullable<Parameters<typeof createGroq>[0]>) => LanguageModelV4, wireBytes: Wire) =>
  make('openai/gpt-oss-120b', { apiKey: 'gsk_test', baseURL: 'http://groq.test/openai/v1', fetch: wireFetch(wireBytes) });

describe('createLeanGroqModel on arbitrary Groq streams', () => {
  it('emits exactly the parts, errors and failures @ai-sdk/groq emits for the same bytes', async () => {
    await fc.assert(
      fc.asyncProperty(wire, async (wireBytes) => {
        const sdk = await streamOutcome(model((id, settings) => createGroq(settings).languageModel(id), wireBytes), options);
        const lean = await streamOutcome(model(createLeanGroqModel, wireBytes), options);
        if (sdk.failed === undefined) {
          expect(lean).toStrictEqual(sdk);
          return;
        }
        // A failed stream (a body that broke, a tool-call delta the SDK's tracker rejects): the SDK errors
        // its pipeline while the last frames' parts may still be queued, and how many its reader sees first
        // is a microtask race there. The lean stream delivers every part it mapped, then the same error.
        const sdkDropOvertookFrames =
          wireBytes.ending === 'drop' &&
          (sdk.failed as { message?: string }).message === 'Failed to process successful response' &&
          (lean.failed as { class?: string } | undefined)?.class === 'InvalidResponseDataError';
        // The SDK's pipeline can even let a drop overtake frames received before it; the lean stream meets
        // the frame its tracker rejects first, in wire order.
        if (!sdkDropOvertookFrames) expect(lean.failed).toStrictEqual(sdk.failed);
        expect({ ...lean, failed: sdk.failed, parts: lean.parts.slice(0, sdk.parts.length) }).toStrictEqual(sdk);
        expect(lean.parts.slice(sdk.parts.length)).not.toContainEqual(expect.objectContaining({ type: 'finish' }));
      }),
      { numRuns: 400 },
    );
  });
});
