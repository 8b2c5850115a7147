import { safeValidateUIMessages, zodSchema } from 'ai';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messageMetadataSchema } from './message';
import { plainConversation } from './plain-conversation';

const schema = messageMetadataSchema.optional();
const check = (metadata: unknown) => {
  const parsed = schema.safeParse(metadata);
  return parsed.success ? { success: true as const, value: parsed.data } : { success: false as const };
};
const sdkCheck = (messages: unknown[]) => safeValidateUIMessages({ messages: structuredClone(messages), metadataSchema: zodSchema(schema) });

const text = fc.constantFrom('', 'Hello', 'é 👋🏽', '"quoted"', 'constructor');
const part = fc.oneof(
  fc.record({ type: fc.constant('text'), text }),
  fc.record({ type: fc.constant('text'), text, state: fc.constantFrom('done', 'streaming', 'typing', 3) }),
  fc.record({ type: fc.constant('reasoning'), text, state: fc.constantFrom('done', 'streaming') }),
  fc.record({ type: fc.constant('text'), text, providerMetadata: fc.constantFrom({ groq: { cached: true } }, 'not metadata') }),
  fc.record({ type: fc.constant('text'), text: fc.constantFrom(42, null) }),
  fc.record({ type: fc.constant('text'), text, citations: fc.constant([]) }),
  fc.record({ type: fc.constant('reasoning'), id: fc.constantFrom('r1', 7), text }),
  fc.constant({ type: 'step-start' }),
  fc.constant({ type: 'step-start', extra: true }),
  fc.constant({ type: 'file', mediaType: 'image/png', url: 'data:image/png;base64,AAAA' }),
  fc.constant({ type: 'data-note', data: { n: 1 } }),
  fc.constant({ type: 'tool-calculator', toolCallId: 'c1', state: 'output-available', input: { expression: '1+1' }, output: 2 }),
  fc.constant({ type: 'unknown-kind' }),
);
const metadata = fc.constantFrom(
  undefined,
  { model: 'GPT-OSS 20B', provider: 'groq', attempts: [{ model: 'GPT-OSS 20B', provider: 'groq', outcome: 'ok', ms: 120 }] },
  { reasoningMs: [1200, 300], stopped: true },
  { model: 'x', somethingElse: 1 },
  { model: 5 },
  'not an object',
);
const message = fc.record({
  id: fc.constantFrom('m1', 'm2', ''),
  role: fc.constantFrom('user', 'assistant'),
  parts: fc.array(part, { maxLength: 4 }),
  metadata,
}, { requiredKeys: ['id', 'role', 'parts'] });

describe('plainConversation', () => {
  it('returns what safeValidateUIMessages returns whenever it answers, and answers only when the SDK accepts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(message, { minLength: 1, maxLength: 4 }), async (messages) => {
        const ours = plainConversation(structuredClone(messages), check);
        const sdk = await sdkCheck(messages);
        if (ours === undefined) return;
        expect(sdk.success).toBe(true);
        if (sdk.success) expect(ours).toEqual(sdk.data);
      }),
      { numRuns: 500 },
    );
  });

  it('answers for a page conversation: a question, a reasoned answer with its metadata, a follow-up', async () => {
    const messages = [
      { id: 'u1', role: 'user', parts: [{ type: 'text', text: 'What is Groq?' }] },
      {
        id: 'a1',
        role: 'assistant',
        parts: [{ type: 'step-start' }, { type: 'reasoning', text: 'The user asks…', state: 'done' }, { type: 'text', text: 'An inference company.', state: 'done' }],
        metadata: { model: 'GPT-OSS 20B', provider: 'groq', createdAt: 1, reasoningMs: 800, costUsd: 0.0001, attempts: [{ model: 'GPT-OSS 20B', provider: 'groq', outcome: 'ok', ms: 95 }] },
      },
      { id: 'u2', role: 'user', parts: [{ type: 'text', text: 'And its chips?' }] },
    ];
    const ours = plainConversation(structuredClone(messages), check);
    const sdk = await sdkCheck(messages);
    expect(sdk.success).toBe(true);
    expect(ours).toEqual(sdk.success ? sdk.data : undefined);
  });

  it('leaves tools, files, provider metadata and unreadable metadata to the SDK', () => {
    const user = (parts: Array<Record<string, unknown>>, metadata?: unknown) => [{ id: 'u', role: 'user', parts, metadata }];
    expect(plainConversation(user([{ type: 'file', mediaType: 'image/png', url: 'data:,' }]), check)).toBeUndefined();
    expect(plainConversation(user([{ type: 'text', text: 'hi', providerMetadata: { groq: {} } }]), check)).toBeUndefined();
    expect(plainConversation(user([{ type: 'tool-calculator', state: 'output-available' }]), check)).toBeUndefined();
    expect(plainConversation(user([]), check)).toBeUndefined();
    expect(plainConversation(user([{ type: 'text', text: 'hi' }], { model: 5 }), check)).toBeUndefined();
  });
});
