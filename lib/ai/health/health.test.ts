import { describe, expect, it, vi } from 'vitest';
import { createHealthRegistry, type HealthOptions } from './health';

const small = { provider: 'groq' as const, id: 'openai/gpt-oss-20b' };
const large = { provider: 'groq' as const, id: 'openai/gpt-oss-120b' };
const backup = { provider: 'openai' as const, id: 'gpt-4.1-mini' };

function registry(options: HealthOptions = {}) {
  let time = 1_000_000;
  const logError = vi.fn();
  const health = createHealthRegistry({ now: () => time, logError, ...options });
  return { health, logError, advance: (ms: number) => (time += ms), now: () => time };
}

describe('health registry', () => {
  it('opens a breaker once its window holds at least three calls, half of them failed, for the cooldown', () => {
    const { health, advance } = registry({ cooldownMs: 30_000 });
    health.recordFailure(small, { kind: 'transient' });
    health.recordFailure(small, { kind: 'transient' });
    expect(health.admit(small)).toEqual({ admitted: true, probe: false });
    health.recordFailure(small, { kind: 'transient' });
    expect(health.admit(small)).toMatchObject({ admitted: false, reason: 'open', retryAfterMs: 30_000 });
    advance(29_999);
    expect(health.admit(small).admitted).toBe(false);
    expect(health.admit(large).admitted).toBe(true);
  });

  it('judges the window, not the order: concurrent failures among more successes do not open it', () => {
    const { health } = registry();
    // Six calls finishing at once: three fail first, as failures are reported sooner than completions.
    for (let count = 0; count < 2; count += 1) health.recordFailure(small, { kind: 'transient' });
    for (let count = 0; count < 4; count += 1) health.recordSuccess(small);
    health.recordFailure(small, { kind: 'transient' });
    expect(health.admit(small).admitted).toBe(true);
    expect(health.snapshot().models[0]).toMatchObject({ recentCalls: 7, recentFailures: 3, state: 'closed' });
  });

  it('forgets failures older than the window', () => {
    const { health, advance } = registry({ windowMs: 10_000 });
    health.recordFailure(small, { kind: 'transient' });
    health.recordFailure(small, { kind: 'transient' });
    advance(10_001);
    health.recordFailure(small, { kind: 'transient' });
    expect(health.admit(small).admitted).toBe(true);
  });

  it('a 429 with retry-after opens the breaker at once for exactly that long', () => {
    const { health, advance, now } = registry();
    health.recordFailure(small, { kind: 'rate_limited', retryAfterMs: 7_500 });
    expect(health.admit(small)).toEqual({ admitted: false, reason: 'open', cause: 'rate_limited', until: now() + 7_500, retryAfterMs: 7_500 });
    advance(7_499);
    expect(health.admit(small).admitted).toBe(false);
    advance(1);
    // The provider said when to come back: then the model is simply usable again, for everyone at once.
    expect(health.admit(small)).toEqual({ admitted: true, probe: false });
    expect(health.admit(small)).toEqual({ admitted: true, probe: false });
  });

  it('after the cooldown, half-open lets a few probes through (three by default); success closes it', () => {
    const { health, advance } = registry({ cooldownMs: 1000 });
    for (let count = 0; count < 3; count += 1) health.recordFailure(small, { kind: 'transient' });
    advance(1000);
    for (let count = 0; count < 3; count += 1) expect(health.admit(small)).toEqual({ admitted: true, probe: true });
    expect(health.admit(small)).toEqual({ admitted: false, reason: 'probing' });
    expect(health.admit(small)).toEqual({ admitted: false, reason: 'probing' });
    health.recordSuccess(small);
    expect(health.admit(small)).toEqual({ admitted: true, probe: false });
    expect(health.admit(small)).toEqual({ admitted: true, probe: false });
  });

  it('a failed probe reopens the breaker for another cooldown', () => {
    const { health, advance } = registry({ cooldownMs: 1000 });
    for (let count = 0; count < 3; count += 1) health.recordFailure(small, { kind: 'transient' });
    advance(1000);
    expect(health.admit(small).admitted).toBe(true);
    health.recordFailure(small, { kind: 'transient' });
    expect(health.admit(small)).toMatchObject({ admitted: false, reason: 'open', retryAfterMs: 1000 });
  });

  it('a released probe (a neutral outcome) lets the next request probe', () => {
    const { health, advance } = registry({ cooldownMs: 1000, halfOpenProbes: 1 });
    for (let count = 0; count < 3; count += 1) health.recordFailure(small, { kind: 'transient' });
    advance(1000);
    expect(health.admit(small)).toEqual({ admitted: true, probe: true });
    expect(health.admit(small)).toEqual({ admitted: false, reason: 'probing' });
    health.release(small);
    expect(health.admit(small)).toEqual({ admitted: true, probe: true });
  });

  it('a probe that never reports back stops blocking after its lease', () => {
    const { health, advance } = registry({ probeLeaseMs: 5000, halfOpenProbes: 1, cooldownMs: 10 });
    for (let count = 0; count < 3; count += 1) health.recordFailure(small, { kind: 'transient' });
    advance(10);
    expect(health.admit(small).admitted).toBe(true);
    advance(4999);
    expect(health.admit(small).admitted).toBe(false);
    advance(1);
    expect(health.admit(small)).toEqual({ admitted: true, probe: true });
  });

  it('gone models rest for the long cooldown', () => {
    const { health } = registry({ unavailableCooldownMs: 600_000 });
    health.recordFailure(small, { kind: 'unavailable' });
    expect(health.admit(small)).toMatchObject({ admitted: false, retryAfterMs: 600_000 });
  });

  it('401/403 marks the provider misconfigured: all its models are skipped, logged once, cleared by a success', () => {
    const { health, logError, advance } = registry({ authRecheckMs: 60_000 });
    health.recordFailure(small, { kind: 'auth' });
    health.recordFailure(small, { kind: 'auth' });
    expect(logError).toHaveBeenCalledTimes(1);
    expect(logError.mock.calls[0]?.[0]).toMatch(/CONFIGURATION PROBLEM: groq/);
    expect(health.isMisconfigured('groq')).toBe(true);
    expect(health.admit(large)).toMatchObject({ admitted: false, reason: 'misconfigured' });
    expect(health.admit(backup).admitted).toBe(true);

    advance(60_000);
    expect(health.admit(large).admitted).toBe(true);
    health.recordSuccess(large);
    expect(health.isMisconfigured('groq')).toBe(false);
    expect(health.admit(small).admitted).toBe(true);
  });

  it('snapshot reports each breaker and each provider', () => {
    const { health, now } = registry();
    health.recordFailure(small, { kind: 'rate_limited', retryAfterMs: 5000 });
    health.recordFailure(backup, { kind: 'auth' });
    const snapshot = health.snapshot([large]);
    expect(snapshot.models).toEqual(
      expect.arrayContaining([
        {
          key: 'groq:openai/gpt-oss-20b',
          provider: 'groq',
          modelId: 'openai/gpt-oss-20b',
          state: 'open',
          until: now() + 5000,
          openCause: 'rate_limited',
          consecutiveFailures: 1,
          recentCalls: 1,
          recentFailures: 1,
        },
        { key: 'groq:openai/gpt-oss-120b', provider: 'groq', modelId: 'openai/gpt-oss-120b', state: 'closed', consecutiveFailures: 0, recentCalls: 0, recentFailures: 0 },
      ]),
    );
    expect(snapshot.providers).toEqual(
      expect.arrayContaining([
        { provider: 'groq', status: 'ok' },
        { provider: 'openai', status: 'misconfigured', since: now() },
      ]),
    );
  });
});
