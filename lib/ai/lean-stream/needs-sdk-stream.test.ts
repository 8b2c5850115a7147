import type { LanguageModelV4CallOptions, LanguageModelV4FunctionTool } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { needsSdkStream } from './needs-sdk-stream';

const prompt: LanguageModelV4CallOptions['prompt'] = [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }];
const weather: LanguageModelV4FunctionTool = { type: 'function', name: 'weather', inputSchema: { type: 'object' } };
const schema = { type: 'json' as const, schema: { type: 'object' as const } };

describe('needsSdkStream', () => {
  it('leaves plain calls, function tools and JSON output without tools to the lean parser', () => {
    expect(needsSdkStream({ prompt })).toBe(false);
    expect(needsSdkStream({ prompt, tools: [weather] })).toBe(false);
    expect(needsSdkStream({ prompt, responseFormat: schema })).toBe(false);
  });

  it('sends raw chunks, provider tools and JSON-through-a-tool to the SDK', () => {
    expect(needsSdkStream({ prompt, includeRawChunks: true })).toBe(true);
    expect(needsSdkStream({ prompt, tools: [{ type: 'provider', id: 'groq.browser_search', name: 'browser_search', args: {} }] })).toBe(true);
    expect(needsSdkStream({ prompt, tools: [weather], responseFormat: schema })).toBe(true);
  });
});
