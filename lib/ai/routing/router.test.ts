import { describe, expect, it } from 'vitest';
import { FlintError } from '@/lib/errors';
import { createCatalog } from '../catalog/catalog';
import { routeRequest, routeTranscription, type RouteNeeds } from './router';

const needs = (overrides: Partial<RouteNeeds> = {}): RouteNeeds => ({
  tier: 'speed',
  hasImages: false,
  needsTools: false,
  needsJson: false,
  estimatedPromptTokens: 500,
  ...overrides,
});
const ids = (list: Array<{ id: string }>) => list.map((model) => model.id);

function routeError(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (FlintError.isInstance(error)) return error.code;
    throw error;
  }
  throw new Error('expected routing to fail');
}

describe('routeRequest', () => {
  const catalog = createCatalog();

  it('speed: gpt-oss-20b, then gpt-oss-120b, then the OpenAI backup', () => {
    expect(ids(routeRequest(needs({ tier: 'speed' }), catalog))).toEqual(['openai/gpt-oss-20b', 'openai/gpt-oss-120b', 'gpt-4.1-mini']);
  });

  it('quality: gpt-oss-120b, then gpt-oss-20b, then the OpenAI backup', () => {
    expect(ids(routeRequest(needs({ tier: 'quality' }), catalog))).toEqual(['openai/gpt-oss-120b', 'openai/gpt-oss-20b', 'gpt-4.1-mini']);
  });

  it('auto: speed for short chat, quality for tools or long prompts, speed again when cost or latency says so', () => {
    expect(routeRequest(needs({ tier: 'auto' }), catalog)[0]?.id).toBe('openai/gpt-oss-20b');
    expect(routeRequest(needs({ tier: 'auto', needsTools: true }), catalog)[0]?.id).toBe('openai/gpt-oss-120b');
    // A chat that merely offers tools stays on the speed tier.
    expect(routeRequest(needs({ tier: 'auto', needsTools: true, toolsOptional: true }), catalog)[0]?.id).toBe('openai/gpt-oss-20b');
    expect(routeRequest(needs({ tier: 'auto', estimatedPromptTokens: 20_000 }), catalog)[0]?.id).toBe('openai/gpt-oss-120b');
    expect(routeRequest(needs({ tier: 'auto', needsTools: true, costSensitive: true }), catalog)[0]?.id).toBe('openai/gpt-oss-20b');
    expect(routeRequest(needs({ tier: 'auto', needsTools: true, latencyBudgetMs: 1000 }), catalog)[0]?.id).toBe('openai/gpt-oss-20b');
  });

  it('images go only to vision models, whatever the tier', () => {
    for (const tier of ['speed', 'quality', 'auto'] as const) {
      expect(ids(routeRequest(needs({ tier, hasImages: true }), catalog))).toEqual(['qwen/qwen3.8-27b', 'gpt-4.1-mini']);
    }
  });

  it('drops models lacking a needed capability', () => {
    const noJson = createCatalog();
    // Only the data decides: take json away from the speed model in a copy of the catalog.
    const models = noJson.models.map((model) =>
      model.id === 'openai/gpt-oss-20b' ? { ...model, capabilities: { ...model.capabilities, json: false, tools: false } } : model,
    );
    const edited = { ...noJson, models };
    expect(ids(routeRequest(needs({ needsJson: true }), edited))).toEqual(['openai/gpt-oss-120b', 'gpt-4.1-mini']);
    expect(ids(routeRequest(needs({ needsTools: true }), edited))).toEqual(['openai/gpt-oss-120b', 'gpt-4.1-mini']);
    expect(ids(routeRequest(needs({ needsTools: true, toolsOptional: true }), edited))).toEqual(['openai/gpt-oss-120b', 'gpt-4.1-mini']);
    expect(ids(routeRequest(needs(), edited))).toEqual(['openai/gpt-oss-20b', 'openai/gpt-oss-120b', 'gpt-4.1-mini']);
  });

  it('skips models whose context window cannot hold the prompt plus a reply reserve', () => {
    expect(ids(routeRequest(needs({ estimatedPromptTokens: 128_000 }), catalog))).toEqual(['gpt-4.1-mini']);
    expect(ids(routeRequest(needs({ estimatedPromptTokens: 126_000 }), catalog))).toEqual([
      'openai/gpt-oss-20b',
      'openai/gpt-oss-120b',
      'gpt-4.1-mini',
    ]);
  });

  it('fails with context_too_long:chat when no model can hold the prompt', () => {
    expect(routeError(() => routeRequest(needs({ estimatedPromptTokens: 2_000_000 }), catalog))).toBe('context_too_long:chat');
    expect(routeError(() => routeRequest(needs({ estimatedPromptTokens: 500_000 }), catalog, ['groq']))).toBe('context_too_long:chat');
  });

  it('fails with no_vision_model:chat when no available model takes images', () => {
    const delisted = createCatalog();
    delisted.setListedModels('groq', ['openai/gpt-oss-20b']);
    expect(routeError(() => routeRequest(needs({ hasImages: true }), delisted, ['groq']))).toBe('no_vision_model:chat');
  });

  it('skips models the provider no longer lists', () => {
    const delisted = createCatalog();
    delisted.setListedModels('groq', ['openai/gpt-oss-120b', 'qwen/qwen3.8-27b']);
    expect(ids(routeRequest(needs(), delisted))).toEqual(['openai/gpt-oss-120b', 'gpt-4.1-mini']);
  });

  it('leaves out providers that are not configured, and says so when none is', () => {
    expect(ids(routeRequest(needs(), catalog, ['openai']))).toEqual(['gpt-4.1-mini']);
    expect(routeError(() => routeRequest(needs(), catalog, []))).toBe('not_configured:chat');
  });
});

describe('routeTranscription', () => {
  it('orders whisper-large-v3-turbo, whisper-large-v3, then the OpenAI transcription model', () => {
    expect(ids(routeTranscription(createCatalog()))).toEqual(['whisper-large-v3-turbo', 'whisper-large-v3', 'whisper-1']);
  });

  it('skips delisted and unconfigured providers', () => {
    const catalog = createCatalog();
    catalog.setListedModels('groq', ['whisper-large-v3']);
    expect(ids(routeTranscription(catalog, ['groq']))).toEqual(['whisper-large-v3']);
  });
});
