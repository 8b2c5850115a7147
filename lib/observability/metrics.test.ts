import { beforeEach, describe, expect, it, vi } from 'vitest';
import { GET } from '@/app/api/metrics/route';
import { parseExposition, type Sample } from '@/test/parse-exposition';
import { metrics } from './metrics';

vi.mock('server-only', () => ({}));
import { metricsResponse } from './metrics-response';
import {
  recordAttempt, recordCache, recordFallback, recordRateLimited, recordRequest, recordUsage, setBreakerOpen, setRateLimitRemaining,
} from './record';

const groq = { provider: 'groq', model: 'openai/gpt-oss-20b' };

function find(samples: Sample[], name: string, labels: Record<string, string> = {}) {
  return samples.find((sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value));
}

async function scrape(request = new Request('http://flint.test/api/metrics')) {
  const response = await GET(request);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return parseExposition(await response.text());
}

describe('metrics', () => {
  beforeEach(() => metrics().registry.resetMetrics());

  it('exposes every recorded metric with its labels through GET /api/metrics', async () => {
    recordRequest({ route: '/api/chat', status: 200, durationMs: 1500 });
    recordAttempt({ ...groq, outcome: 'ok', ttftMs: 180 });
    recordUsage({ ...groq, inputTokens: 40, outputTokens: 600, cachedTokens: 8, costUsd: 0.0002 });
    recordFallback({ from: 'groq/openai/gpt-oss-120b', to: 'groq/openai/gpt-oss-20b', reason: 'rate_limited' });
    setBreakerOpen({ ...groq, open: true });
    setRateLimitRemaining({ ...groq, kind: 'tokens', remaining: 7100 });
    recordCache('hit');
    recordRateLimited('/api/chat');

    const samples = await scrape();
    expect(find(samples, 'flint_http_requests_total', { route: '/api/chat', status: '200' })?.value).toBe(1);
    expect(find(samples, 'flint_http_request_duration_seconds_sum', { route: '/api/chat' })?.value).toBe(1.5);
    expect(find(samples, 'flint_http_request_duration_seconds_bucket', { route: '/api/chat', le: '2.5' })?.value).toBe(1);
    expect(find(samples, 'flint_model_attempts_total', { ...groq, outcome: 'ok' })?.value).toBe(1);
    expect(find(samples, 'flint_time_to_first_token_seconds_count', groq)?.value).toBe(1);
    expect(find(samples, 'flint_tokens_total', { ...groq, kind: 'input' })?.value).toBe(40);
    expect(find(samples, 'flint_tokens_total', { ...groq, kind: 'output' })?.value).toBe(600);
    expect(find(samples, 'flint_tokens_total', { ...groq, kind: 'cached' })?.value).toBe(8);
    expect(find(samples, 'flint_cost_usd_total', groq)?.value).toBeCloseTo(0.0002);
    expect(find(samples, 'flint_fallbacks_total', { reason: 'rate_limited' })?.value).toBe(1);
    expect(find(samples, 'flint_breaker_open', groq)?.value).toBe(1);
    expect(find(samples, 'flint_ratelimit_remaining', { ...groq, kind: 'tokens' })?.value).toBe(7100);
    expect(find(samples, 'flint_cache_requests_total', { result: 'hit' })?.value).toBe(1);
    expect(find(samples, 'flint_rate_limited_total', { route: '/api/chat' })?.value).toBe(1);
    expect(find(samples, 'flint_process_cpu_seconds_total')).toBeDefined();
  });

  it('keeps one registry per process, however many times the module graph loads it', async () => {
    const first = metrics();
    const { metrics: reloaded } = await import(`./metrics?reload=${Date.now()}`) as typeof import('./metrics');
    expect(reloaded).not.toBe(metrics); // a second copy of the module, as Next's separate graphs load it
    expect(reloaded()).toBe(first);
    recordCache('miss');
    expect(find(await scrape(), 'flint_cache_requests_total', { result: 'miss' })?.value).toBe(1);
  });

  it('asks for the bearer token when one is configured', async () => {
    const url = 'http://flint.test/api/metrics';
    expect((await metricsResponse(new Request(url), 's3cret-token')).status).toBe(401);
    expect((await metricsResponse(new Request(url, { headers: { authorization: 'Bearer wrong' } }), 's3cret-token')).status).toBe(401);
    const allowed = await metricsResponse(new Request(url, { headers: { authorization: 'Bearer s3cret-token' } }), 's3cret-token');
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain('flint_http_requests_total');
  });
});
