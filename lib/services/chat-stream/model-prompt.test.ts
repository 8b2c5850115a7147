import type { LanguageModelV4CallOptions } from '@ai-sdk/provider';
import { convertToModelMessages, experimental_streamTextLowMemory as streamTextLowMemory, type UIMessage } from 'ai';
import { convertArrayToReadableStream, MockLanguageModelV4 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { modelPromptOf } from './model-prompt';

const pixel = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
const conversation: UIMessage[] = [
  { id: 'u1', role: 'user', parts: [{ type: 'text', text: 'What is in this picture?' }, { type: 'file', mediaType: 'image/png', url: pixel }] },
  { id: 'a1', role: 'assistant', parts: [{ type: 'reasoning', text: 'A pixel.' }, { type: 'text', text: 'One white pixel.' }] },
  { id: 'u2', role: 'user', parts: [{ type: 'text', text: 'And now?' }] },
];

describe('modelPromptOf', () => {
  it('builds the prompt streamText sends the model, instructions and images included', async () => {
    const calls: LanguageModelV4CallOptions[] = [];
    const model = new MockLanguageModelV4({
      supportedUrls: { 'image/*': [/^https:\/\//] },
      doStream: async (options) => {
        calls.push(options);
        return { stream: convertArrayToReadableStream([{ type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage: { inputTokens: { total: 1, noCache: 1, cacheRead: undefined, cacheWrite: undefined }, outputTokens: { total: 1, text: 1, reasoning: undefined } } }]) };
      },
    });
    const messages = await convertToModelMessages(conversation);
    const instructions = 'You are Flint.';
    await streamTextLowMemory({ model, instructions, messages, maxRetries: 0 }).consumeStream();
    expect(calls).toHaveLength(1);
    const prompt = await modelPromptOf({ model, instructions, messages });
    expect(prompt).toEqual(calls[0]!.prompt);
    expect(prompt[0]).toEqual({ role: 'system', content: instructions });
    expect(JSON.stringify(prompt)).toContain('image/png');
  });
});
