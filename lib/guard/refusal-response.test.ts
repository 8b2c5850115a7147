import { describe, expect, it } from 'vitest';
import { metrics } from '@/lib/observability/metrics';
import { refusalResponse } from './refusal-response';

describe('refusalResponse', () => {
  it('answers 429 rate_limit:client with Retry-After in whole seconds and counts it', async () => {
    metrics().registry.resetMetrics();
    const response = refusalResponse('/api/chat', 41_200, { 'x-request-id': 'req-12345678' });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('42');
    expect(response.headers.get('x-request-id')).toBe('req-12345678');
    expect(await response.json()).toEqual({ error: { code: 'rate_limit:client', message: expect.any(String), retryable: true, retryAfterSeconds: 42 } });
    const counted = await metrics().rateLimited.get();
    expect(counted.values).toEqual([expect.objectContaining({ labels: { route: '/api/chat' }, value: 1 })]);
  });
});
