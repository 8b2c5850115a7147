/** A first-token deadline that measures the provider: from the request going on the wire, minus the time our own process was busy. */
export interface ProviderClock {
  /** The request was handed to fetch: restart the clock from now. */
  sent(): void;
  stop(): void;
}

/** Cumulative milliseconds the event loop has spent busy (not waiting for I/O); see `eventLoopBusyMs`. */
export type BusyClock = () => number;

// Short steps let the clock see, step by step, how much of the wait our own process was busy.
const stepMs = 250;
// However busy we are, a provider that says nothing for this many deadlines is cut off.
const wallCapFactor = 4;

/**
 * Starts a deadline of `limitMs` that calls `expired` once the provider has had that long of our
 * attention. Until the request is sent, the clock runs from the attempt's start (models without our
 * fetch wrapper). With a `busy` clock, each step is charged only for the time the event loop sat
 * idle: while it is busy (200 streams opened at once, issue 14: 30 of them "timed out" on a healthy
 * model), a token may be waiting unread in a socket, so that time is ours, not the provider's.
 */
export function startProviderClock(limitMs: number, now: () => number, expired: () => void, busy?: BusyClock): ProviderClock {
  let charged = 0;
  let sentAt = now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  function arm() {
    const delay = Math.max(1, Math.min(stepMs, limitMs - charged));
    const scheduledAt = now();
    const busyBefore = busy?.() ?? 0;
    timer = setTimeout(() => {
      if (stopped) return;
      const elapsed = now() - scheduledAt;
      const busyMs = busy === undefined ? 0 : busy() - busyBefore;
      // Never more than the step asked for (a late timer is our lag), never less than nothing.
      charged += Math.max(0, Math.min(delay, elapsed - busyMs));
      if (charged < limitMs && now() - sentAt < limitMs * wallCapFactor) return arm();
      stopped = true;
      expired();
    }, delay);
  }

  arm();
  return {
    sent() {
      charged = 0;
      sentAt = now();
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
