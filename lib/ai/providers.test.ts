import { createGroq } from '@ai-sdk/groq';
import { createOpenAI } from '@ai-sdk/openai';
import { describe, expect, it } from 'vitest';
import { createProviders } from './providers';
import { backup, entry, prompt, speed } from '../../test/fallback-support';

const completion = {
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1770770798,
  model: 'm',
  choices: [{ index: 0, message: { role: 'assistant', content: 'hi' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
};

function recordingFetch(urls: string[]) {
  return async (input: RequestInfo | URL) => {
    urls.push(String(input));
    return new Response(JSON.stringify(completion), { status: 200, headers: { 'content-type': 'application/json' } });
  };
}

describe('createProviders', () => {
  it('counts a provider without an API key as unconfigured', () => {
    const providers = createProviders({
      groq: { apiKey: 'gsk_test', baseURL: 'http://groq.test/v1' },
      openai: { baseURL: 'http://openai.test/v1' },
    });
    expect(providers.configured).toEqual(['groq']);
    expect(providers.isConfigured('openai')).toBe(false);
  });

  it('calls Groq and the OpenAI backup (Chat Completions) at the configured base URLs', async () => {
    const urls: string[] = [];
    const providers = createProviders({
      groq: { apiKey: 'gsk_test', baseURL: 'http://groq.test/openai/v1' },
      openai: { apiKey: 'sk_test', baseURL: 'http://openai.test/v1' },
      fetch: recordingFetch(urls),
    });
    const groqModel = providers.languageModel(speed);
    const openaiModel = providers.languageModel(backup);
    // Built once per catalog id and reused by every request.
    expect(providers.languageModel({ ...speed })).toBe(groqModel);
    expect(providers.languageModel(backup)).toBe(openaiModel);
    expect([groqModel.provider, groqModel.modelId]).toEqual(['groq.chat', 'openai/gpt-oss-20b']);
    expect([openaiModel.provider, openaiModel.modelId]).toEqual(['openai.chat', 'gpt-4.1-mini']);
    await groqModel.doGenerate({ prompt });
    await openaiModel.doGenerate({ prompt });
    expect(urls).toEqual(['http://groq.test/openai/v1/chat/completions', 'http://openai.test/v1/chat/completions']);
  });

  it('streams Groq chat models through the lean parser, on the same fetch, and keeps the SDK model for OpenAI', async () => {
    const urls: string[] = [];
    const frames = 'data: {"id":"c","choices":[{"index":0,"delta":{"content":"hi"},"finish_reason":"stop"}]}\n\ndata: [DONE]\n\n';
    const providers = createProviders({
      groq: { apiKey: 'gsk_test', baseURL: 'http://groq.test/openai/v1' },
      openai: { apiKey: 'sk_test', baseURL: 'http://openai.test/v1' },
      fetch: async (input) => {
        urls.push(String(input));
        return new Response(frames, { status: 200, headers: { 'content-type': 'text/event-stream' } });
      },
    });
    const groqModel = providers.languageModel(speed);
    const sdkModel = createGroq({ apiKey: 'gsk_test' }).languageModel(speed.id);
    expect(groqModel).not.toBeInstanceOf(sdkModel.constructor);
    expect(providers.languageModel(backup)).toBeInstanceOf(createOpenAI({ apiKey: 'sk_test' }).chat('gpt-4.1-mini').constructor);
    const { stream } = await groqModel.doStream({ prompt });
    const types: string[] = [];
    const reader = stream.getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) types.push(next.value.type);
    expect(types).toEqual(['stream-start', 'response-metadata', 'text-start', 'text-delta', 'text-end', 'finish']);
    expect(urls).toEqual(['http://groq.test/openai/v1/chat/completions']);
  });

  it('builds transcription models for both providers', () => {
    const providers = createProviders({
      groq: { apiKey: 'gsk_test', baseURL: 'http://groq.test/v1' },
      openai: { apiKey: 'sk_test', baseURL: 'http://openai.test/v1' },
    });
    expect(providers.transcriptionModel(entry('whisper-large-v3-turbo')).modelId).toBe('whisper-large-v3-turbo');
    expect(providers.transcriptionModel(entry('whisper-1')).provider).toMatch(/^openai/);
  });
});
