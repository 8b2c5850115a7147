import { describe, expect, it } from 'vitest';
import { resolveModelId } from './resolve-model-id';

describe('resolveModelId', () => {
  it.each([
    ['llama-3.1-8b-instant', 'openai/gpt-oss-20b'],
    ['llama-3.3-70b-versatile', 'openai/gpt-oss-120b'],
    ['meta-llama/llama-4-scout-17b-16e-instruct', 'qwen/qwen3.8-27b'],
    ['meta-llama/llama-4-maverick-17b-128e-instruct', 'openai/gpt-oss-120b'],
    ['qwen/qwen3-32b', 'openai/gpt-oss-120b'],
    ['qwen/qwen3.6-27b', 'qwen/qwen3.8-27b'],
    ['moonshotai/kimi-k2-instruct-0905', 'openai/gpt-oss-120b'],
    ['gemma2-9b-it', 'openai/gpt-oss-20b'],
    ['llama3-8b-8192', 'openai/gpt-oss-20b'],
    ['llama3-70b-8192', 'openai/gpt-oss-120b'],
    ['mixtral-8x7b-32768', 'openai/gpt-oss-120b'],
    ['distil-whisper-large-v3-en', 'whisper-large-v3-turbo'],
  ])('maps %s to %s', (old, replacement) => {
    expect(resolveModelId(old)).toBe(replacement);
  });

  it('leaves live and unknown ids alone, including lookalikes and inherited keys', () => {
    expect(resolveModelId('openai/gpt-oss-20b')).toBe('openai/gpt-oss-20b');
    expect(resolveModelId('llama-3.1-8b-instant-v2')).toBe('llama-3.1-8b-instant-v2');
    expect(resolveModelId('toString')).toBe('toString');
  });
});
