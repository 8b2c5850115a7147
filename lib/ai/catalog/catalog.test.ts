import { describe, expect, it } from 'vitest';
import { createCatalog } from './catalog';

describe('createCatalog', () => {
  it('holds the live Groq models with their tiers and the configured OpenAI backups', () => {
    const catalog = createCatalog({ openaiChatModel: 'gpt-backup', openaiTranscriptionModel: 'whisper-backup' });
    expect(catalog.models.map((model) => [model.provider, model.id, model.tier])).toEqual([
      ['groq', 'openai/gpt-oss-20b', 'speed'],
      ['groq', 'openai/gpt-oss-120b', 'quality'],
      ['groq', 'qwen/qwen3.8-27b', 'vision'],
      ['groq', 'whisper-large-v3-turbo', 'audio'],
      ['groq', 'whisper-large-v3', 'audio'],
      ['openai', 'gpt-backup', 'quality'],
      ['openai', 'whisper-backup', 'audio'],
    ]);
  });

  it('defaults the backup models to gpt-4.1-mini and whisper-1 with their prices', () => {
    const catalog = createCatalog();
    expect(catalog.find('gpt-4.1-mini')?.price).toEqual({ inputPerMillion: 0.4, outputPerMillion: 1.6 });
    expect(catalog.find('whisper-1')?.price).toEqual({ perAudioHour: 0.36 });
    expect(catalog.find('gpt-4.1-mini')?.capabilities).toMatchObject({ text: true, vision: true, tools: true, json: true });
  });

  it('carries the prices and limits of PROVIDERS.md', () => {
    const catalog = createCatalog();
    expect(catalog.find('openai/gpt-oss-20b')).toMatchObject({
      contextWindow: 131_072,
      maxOutput: 65_536,
      price: { inputPerMillion: 0.075, outputPerMillion: 0.3 },
    });
    expect(catalog.find('openai/gpt-oss-120b')?.price).toEqual({ inputPerMillion: 0.15, outputPerMillion: 0.6 });
    expect(catalog.find('qwen/qwen3.8-27b')).toMatchObject({ maxOutput: 16_384, capabilities: { vision: true } });
    expect(catalog.find('whisper-large-v3')?.price).toEqual({ perAudioHour: 0.111 });
  });

  it('finds a decommissioned id as its replacement', () => {
    const catalog = createCatalog();
    expect(catalog.find('llama-3.3-70b-versatile')?.id).toBe('openai/gpt-oss-120b');
    expect(catalog.find('no-such-model')).toBeUndefined();
  });

  it('marks models a provider no longer lists as unavailable, and available again once listed', () => {
    const catalog = createCatalog();
    const small = catalog.find('openai/gpt-oss-20b')!;
    const backup = catalog.find('gpt-4.1-mini')!;
    catalog.setListedModels('groq', ['openai/gpt-oss-120b', 'qwen/qwen3.8-27b']);
    expect(catalog.isAvailable(small)).toBe(false);
    expect(catalog.isAvailable(backup)).toBe(true);
    catalog.setListedModels('groq', ['openai/gpt-oss-20b']);
    expect(catalog.isAvailable(small)).toBe(true);
  });
});

describe('tool and structured-output capabilities', () => {
  it('marks gpt-oss as strict with Groq built-in tools, and the others as JSON mode without them', () => {
    const catalog = createCatalog();
    for (const id of ['openai/gpt-oss-20b', 'openai/gpt-oss-120b']) {
      expect(catalog.find(id)?.capabilities).toMatchObject({ structuredOutputs: 'strict', serverTools: ['browser_search', 'code_interpreter'] });
    }
    for (const id of ['qwen/qwen3.8-27b', 'gpt-4.1-mini']) {
      expect(catalog.find(id)?.capabilities).toMatchObject({ structuredOutputs: 'json_mode' });
      expect(catalog.find(id)?.capabilities.serverTools).toBeUndefined();
    }
  });
});
