import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';

describe('parseEnv', () => {
  it('uses the providers’ public base URLs when nothing is set', () => {
    const config = parseEnv({});
    expect(config.groq).toEqual({ apiKey: undefined, baseURL: 'https://api.groq.com/openai/v1' });
    expect(config.openai.baseURL).toBe('https://api.openai.com/v1');
    expect(config.demo).toBe(false);
    expect(config.port).toBe(3000);
  });

  it('treats an empty OPENAI_BASE_URL as unset (it would crash @ai-sdk/openai otherwise)', () => {
    expect(parseEnv({ OPENAI_BASE_URL: '' }).openai.baseURL).toBe('https://api.openai.com/v1');
    expect(parseEnv({ GROQ_API_KEY: '   ' }).groq.apiKey).toBeUndefined();
  });

  it('strips a trailing slash so paths join cleanly', () => {
    expect(parseEnv({ GROQ_BASE_URL: 'http://127.0.0.1:4010/openai/v1/' }).groq.baseURL).toBe('http://127.0.0.1:4010/openai/v1');
  });

  it('names the variable when a value is bad', () => {
    expect(() => parseEnv({ GROQ_BASE_URL: 'not a url' })).toThrow(/GROQ_BASE_URL: must be a URL/);
    expect(() => parseEnv({ PORT: 'eighty' })).toThrow(/PORT/);
  });

  it('leaves the chat page open unless FLINT_REQUIRE_KEY asks for a key', () => {
    expect(parseEnv({}).requireKey).toBe(false);
    expect(parseEnv({ FLINT_REQUIRE_KEY: '0' }).requireKey).toBe(false);
    expect(parseEnv({ FLINT_REQUIRE_KEY: '1' }).requireKey).toBe(true);
    expect(parseEnv({ FLINT_REQUIRE_KEY: 'true' }).requireKey).toBe(true);
    expect(() => parseEnv({ FLINT_REQUIRE_KEY: 'yes' })).toThrow(/FLINT_REQUIRE_KEY/);
  });
});
