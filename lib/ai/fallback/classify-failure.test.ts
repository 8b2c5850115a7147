import { describe, expect, it } from 'vitest';
import { classifyFailure } from './classify-failure';
import { apiError } from '../../../test/fallback-support';

describe('classifyFailure', () => {
  it.each([
    [429, 'rate_limited', 'next', 'rate_limited'],
    [498, 'rate_limited', 'next', 'rate_limited'],
    [500, 'server_error', 'next', 'transient'],
    [502, 'server_error', 'next', 'transient'],
    [503, 'server_error', 'next', 'transient'],
    [404, 'not_found', 'next', 'unavailable'],
    [401, 'auth', 'next', 'auth'],
    [403, 'auth', 'next', 'auth'],
    [413, 'too_large', 'next', undefined],
    [422, 'unprocessable', 'next', undefined],
    [400, 'bad_request', 'stop', undefined],
  ] as const)('HTTP %i → %s, %s', (status, outcome, action, healthKind) => {
    expect(classifyFailure(apiError(status))).toMatchObject({ outcome, action, healthKind, status });
  });

  it('reads retry-after from a 429', () => {
    expect(classifyFailure(apiError(429, { headers: { 'retry-after': '30' } })).retryAfterMs).toBe(30_000);
  });

  it('a 400 saying model_decommissioned falls back; other 400 codes do not', () => {
    expect(classifyFailure(apiError(400, { code: 'model_decommissioned' }))).toMatchObject({ outcome: 'not_found', action: 'next' });
    expect(classifyFailure(apiError(400, { code: 'json_validate_failed' }))).toMatchObject({
      outcome: 'bad_request',
      action: 'stop',
      providerCode: 'json_validate_failed',
    });
  });

  it('OpenAI insufficient_quota parks the model instead of a short retry', () => {
    expect(classifyFailure(apiError(429, { code: 'insufficient_quota' })).healthKind).toBe('unavailable');
  });

  it('a 2xx whose body could not be processed is a broken connection, not a rejected request', () => {
    expect(classifyFailure(apiError(200))).toMatchObject({ outcome: 'connection', action: 'next', healthKind: 'transient' });
  });

  it('connection failures fall back', () => {
    expect(classifyFailure(apiError(undefined)).outcome).toBe('connection');
    expect(classifyFailure(new TypeError('fetch failed')).outcome).toBe('connection');
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    expect(classifyFailure(new Error('terminated', { cause: reset })).outcome).toBe('connection');
  });
});
