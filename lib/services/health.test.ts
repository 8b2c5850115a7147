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
