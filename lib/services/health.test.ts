import { describe, expect, it, vi } from 'vitest';
import { parseEnv } from '@/lib/env';

vi.mock('server-only', () => ({}));
const { healthReport } = await import('./health');

describe('healthReport', () => {
  it('says no provider is configured when there is no key', () => {
    const report = healthReport(parseEnv({}));
    expect(report.status).toBe('unconfigured');
    expect(report.message).toMatch(/GROQ_API_KEY/);
    expect(report.providers.groq.configured).toBe(false);
  });

  it('reports configured providers and never the key itself', () => {
    const report = healthReport(parseEnv({ GROQ_API_KEY: 'gsk_secret123', FLINT_DEMO: '1' }));
    expect(report.status).toBe('ok');
    expect(report.demo).toBe(true);
    expect(JSON.stringify(report)).not.toContain('gsk_secret123');
  });
});

describe('healthReport with provider health', () => {
  it('shows a provider whose key was rejected as misconfigured, and each model’s breaker', () => {
    const report = healthReport(parseEnv({ GROQ_API_KEY: 'gsk_bad', OPENAI_API_KEY: 'sk-ok' }), {
      providers: [{ provider: 'groq', status: 'misconfigured', since: 1 }],
      models: [
        { key: 'groq:openai/gpt-oss-20b', provider: 'groq', modelId: 'openai/gpt-oss-20b', state: 'open', until: Date.UTC(2026, 10, 21), consecutiveFailures: 3 },
      ],
    });
    expect(report.providers.groq.status).toBe('misconfigured');
    expect(report.providers.openai.status).toBe('ok');
    expect(report.status).toBe('degraded');
    expect(report.models).toEqual([
      { provider: 'groq', model: 'openai/gpt-oss-20b', breaker: 'open', reopensAt: '2026-11-21T00:00:00.000Z', consecutiveFailures: 3 },
    ]);
  });
});

describe('healthReport provider addresses', () => {
  it('shows each provider’s host only: no userinfo, path, query or key', () => {
    const report = healthReport(
      parseEnv({
        GROQ_API_KEY: 'gsk_k',
        GROQ_BASE_URL: 'https://user:hunter2@groq.internal:8443/openai/v1?key=gsk_leak',
        OPENAI_API_KEY: 'sk-k',
      }),
    );
    expect(report.providers.groq.host).toBe('groq.internal:8443');
    expect(report.providers.openai.host).toBe('api.openai.com');
    const text = JSON.stringify(report);
    for (const secret of ['hunter2', 'user:', 'gsk_leak', '/openai/v1', 'key=']) expect(text).not.toContain(secret);
  });
});
