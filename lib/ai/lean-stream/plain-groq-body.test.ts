import { createGroq } from '@ai-sdk/groq';
import type { LanguageModelV4CallOptions, LanguageModelV4Prompt } from '@ai-sdk/provider';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainGroqBody } from './plain-groq-body';

/** The body @ai-sdk/groq's doStream sends for these options (its fetch answers 500; only the request matters). */
async function sdkBody(modelId: string, options: LanguageModelV4CallOptions): Promise<string> {
  let sent: string | undefined;
  const fetch: typeof globalThis.fetch = async (_input, init) => {
    sent = init?.body as string;
    return new Response('{"error":{"message":"no"}}', { status: 500, headers: { 'content-type': 'application/json' } });
  };
  await Promise.resolve(createGroq({ apiKey: 'gsk_test', fetch }).languageModel(modelId).doStream(options)).catch(() => undefined);
  if (sent === undefined) throw new Error('the SDK sent nothing');
  return sent;
}

const text = fc.constantFrom('', 'Hi', 'é 👋🏽', '"quoted"\n', '</s>');
const textPart = fc.record({ type: fc.constant('text' as const), text });
const reasoningPart = fc.record({ type: fc.constant('reasoning' as const), text });
const filePart = fc.constant({ type: 'file' as const, mediaType: 'image/png', data: { type: 'url' as const, url: new URL('https://example.com/a.png') } });
const toolCallPart = fc.constant({ type: 'tool-call' as const, toolCallId: 'c1', toolName: 'calculator', input: { expression: '1+1' } });
const rarely = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });
const message = fc.oneof(
  fc.record({ role: fc.constant('system' as const), content: text }),
  fc.record({ role: fc.constant('user' as const), content: fc.array(fc.oneof({ weight: 8, arbitrary: textPart }, { weight: 1, arbitrary: filePart }), { maxLength: 3 }) }),
  fc.record({ role: fc.constant('assistant' as const), content: fc.array(fc.oneof({ weight: 4, arbitrary: textPart }, { weight: 4, arbitrary: reasoningPart }, { weight: 1, arbitrary: toolCallPart }), { maxLength: 3 }) }),
);
const options: fc.Arbitrary<LanguageModelV4CallOptions> = fc.record({
  prompt: fc.array(message, { minLength: 1, maxLength: 4 }) as fc.Arbitrary<LanguageModelV4Prompt>,
  temperature: fc.constantFrom(undefined, 0, 0.7, 2),
  maxOutputTokens: fc.constantFrom(undefined, 1, 800),
  topP: rarely(fc.constant(0.9)),
  seed: rarely(fc.constant(7)),
  providerOptions: rarely(fc.constantFrom({ groq: { reasoningFormat: 'parsed' } }, { openai: { user: 'u' } })),
  responseFormat: fc.constantFrom(undefined, { type: 'text' as const }, { type: 'json' as const }),
  reasoning: fc.constantFrom(undefined, 'provider-default' as const, 'low' as const),
  tools: fc.constantFrom<LanguageModelV4CallOptions['tools']>(
    undefined,
    [],
    [{ type: 'function', name: 'calculator', description: 'Evaluates arithmetic.', inputSchema: { type: 'object', properties: { expression: { type: 'string' } } } }],
    [{ type: 'function', name: 'a', inputSchema: { type: 'object' }, strict: true }, { type: 'function', name: 'b', inputSchema: {}, strict: false, providerOptions: { groq: {} } }],
    [{ type: 'provider', id: 'groq.browser_search', name: 'browser_search', args: {} }],
  ),
  toolChoice: fc.constantFrom<LanguageModelV4CallOptions['toolChoice']>(undefined, { type: 'auto' }, { type: 'none' }, { type: 'required' }, { type: 'tool', toolName: 'calculator' }),
}) as fc.Arbitrary<LanguageModelV4CallOptions>;

describe('plainGroqBody', () => {
  it('is the body @ai-sdk/groq sends, byte for byte, whenever it builds one', async () => {
    let built = 0;
    await fc.assert(
      fc.asyncProperty(options, fc.constantFrom('openai/gpt-oss-20b', 'qwen/qwen3.8-27b'), async (callOptions, modelId) => {
        const ours = plainGroqBody(modelId, callOptions);
        if (ours === undefined) return;
        built++;
        expect(ours).toBe(await sdkBody(modelId, callOptions));
      }),
      { numRuns: 400 },
    );
    // Not a vacuous pass: plenty of the generated calls were plain.
    expect(built).toBeGreaterThan(40);
  });

  it('builds the chat page’s call, with its function tools, and leaves Groq’s built-in tools, images and provider options to the SDK', () => {
    const prompt: LanguageModelV4Prompt = [
      { role: 'system', content: 'You are Flint.' },
      { role: 'user', content: [{ type: 'text', text: 'What is Groq?' }] },
      { role: 'assistant', content: [{ type: 'reasoning', text: 'The user asks.' }, { type: 'text', text: 'An inference company.' }] },
      { role: 'user', content: [{ type: 'text', text: 'And its chips?' }] },
    ];
    expect(plainGroqBody('openai/gpt-oss-20b', { prompt, toolChoice: { type: 'auto' } })).toBe(
      '{"model":"openai/gpt-oss-20b","messages":[{"role":"system","content":"You are Flint."},{"role":"user","content":"What is Groq?"},' +
        '{"role":"assistant","content":"An inference company.","reasoning":"The user asks."},{"role":"user","content":"And its chips?"}],"stream":true}',
    );
    expect(plainGroqBody('openai/gpt-oss-20b', { prompt, tools: [{ type: 'function', name: 'calculator', inputSchema: { type: 'object' } }], toolChoice: { type: 'auto' } })).toContain(
      '"tools":[{"type":"function","function":{"name":"calculator","parameters":{"type":"object"}}}],"tool_choice":"auto","stream":true}',
    );
    expect(plainGroqBody('openai/gpt-oss-20b', { prompt, tools: [{ type: 'provider', id: 'groq.browser_search', name: 'browser_search', args: {} }] })).toBeUndefined();
    expect(plainGroqBody('openai/gpt-oss-20b', { prompt, providerOptions: { groq: { serviceTier: 'flex' } } })).toBeUndefined();
    const image: LanguageModelV4Prompt = [{ role: 'user', content: [{ type: 'file', mediaType: 'image/png', data: { type: 'url', url: new URL('https://example.com/a.png') } }] }];
    expect(plainGroqBody('openai/gpt-oss-20b', { prompt: image })).toBeUndefined();
  });
});
