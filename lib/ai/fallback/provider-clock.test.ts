import { afterEach, describe, expect, it, vi } from 'vitest';
import { startProviderClock } from './provider-clock';

afterEach(() => vi.useRealTimers());

describe('the first-token clock', () => {
  it('fires once the provider has had the whole limit', async () => {
    vi.useFakeTimers();
    const expired = vi.fn();
    startProviderClock(1500, () => performance.now(), expired);
    await vi.advanceTimersByTimeAsync(1499);
    expect(expired).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(expired).toHaveBeenCalledTimes(1);
  });

  it('restarts when the request actually goes on the wire', async () => {
    vi.useFakeTimers();
    const expired = vi.fn();
    const clock = startProviderClock(1500, () => performance.now(), expired);
    await vi.advanceTimersByTimeAsync(1000);
    clock.sent();
    await vi.advanceTimersByTimeAsync(1400);
    expect(expired).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(100);
    expect(expired).toHaveBeenCalledTimes(1);
  });

  it('does not charge the provider for time our event loop was busy, up to four limits of wall time', async () => {
    vi.useFakeTimers();
    const expired = vi.fn();
    // Our loop reports itself busy for all but a tenth of every step.
    const busy = () => performance.now() * 0.9;
    startProviderClock(1500, () => performance.now(), expired, busy);
    await vi.advanceTimersByTimeAsync(3000);
    expect(expired).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(3000);
    expect(expired).toHaveBeenCalledTimes(1);
  });

  it('stop() ends it without firing', async () => {
    vi.useFakeTimers();
    const expired = vi.fn();
    startProviderClock(1000, () => performance.now(), expired).stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(expired).not.toHaveBeenCalled();
  });
});
