import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRateGovernor } from './rate-governor';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const signal = () => new AbortController().signal;
function settled(promise: Promise<unknown>) {
  let done = false;
  void promise.then(() => (done = true), () => (done = true));
  return () => done;
}

describe('createRateGovernor', () => {
  it('sends one call until headers arrive, then as many as the ceiling allows', async () => {
    const governor = createRateGovernor({ maxConcurrency: 3 });
    const first = await governor.acquire(10, signal());
    const second = settled(governor.acquire(10, signal()));
    await vi.advanceTimersByTimeAsync(0);
    expect(second()).toBe(false);
    first.done({});
    await vi.advanceTimersByTimeAsync(0);
    expect(second()).toBe(true);
    await governor.acquire(10, signal());
    await governor.acquire(10, signal());
    const fourth = settled(governor.acquire(10, signal()));
    await vi.advanceTimersByTimeAsync(0);
    expect(fourth()).toBe(false);
  });

  it('waits for the token budget to refill instead of sending a call that would be refused', async () => {
    const governor = createRateGovernor({ maxConcurrency: 4 });
    const permit = await governor.acquire(100, signal());
    // 100 of 1,000 tokens left, full again in 9 s: 0.1 token per ms.
    permit.done({ snapshot: { at: Date.now(), limitTokens: 1000, remainingTokens: 100, resetTokensMs: 9000 } });
    const next = settled(governor.acquire(500, signal()));
    await vi.advanceTimersByTimeAsync(3_900);
    expect(next()).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    expect(next()).toBe(true);
  });

  it('holds every call for retry-after on a 429 and halves the ceiling, then grows it back', async () => {
    const governor = createRateGovernor({ maxConcurrency: 8 });
    (await governor.acquire(1, signal())).done({ rateLimited: true, retryAfterMs: 2_000 });
    expect(governor.concurrency()).toBe(4);
    const next = settled(governor.acquire(1, signal()).then((permit) => permit.done({})));
    await vi.advanceTimersByTimeAsync(1_999);
    expect(next()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(next()).toBe(true);
    expect(governor.concurrency()).toBe(5);
  });

  it('gives up waiting when aborted', async () => {
    const governor = createRateGovernor({ maxConcurrency: 1 });
    await governor.acquire(1, signal());
    const controller = new AbortController();
    const waiting = governor.acquire(1, controller.signal);
    controller.abort();
    await expect(waiting).rejects.toThrow();
  });
});
