/** A first-token deadline that measures the provider: from the request going on the wire, minus our own event-loop lag. */
export interface ProviderClock {
  /** The request was handed to fetch: restart the clock from now. */
  sent(): void;
  stop(): void;
}

// Short steps let the clock see how late its own timers fire: that lateness is our queue, not the provider.
const stepMs = 250;

/**
 * Starts a deadline of `limitMs` that calls `expired` once the provider has had that long. Until
 * the request is sent, the clock runs from the attempt's start (models without our fetch wrapper).
 * Time the event loop spent elsewhere (each step's lateness) is not charged to the provider
 * (issue 14: 30 of 200 streams opened at once missed a 1.5 s deadline on a healthy model); a late
 * last step re-arms, so I/O that was due (a token already in the socket) is read before the cut.
 */
export function startProviderClock(limitMs: number, now: () => number, expired: () => void): ProviderClock {
  let charged = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  function arm() {
    const delay = Math.max(1, Math.min(stepMs, limitMs - charged));
    const scheduledAt = now();
    timer = setTimeout(() => {
      if (stopped) return;
      const elapsed = now() - scheduledAt;
      // Only the scheduled part is the provider's; a late timer means we were busy.
      charged += Math.min(elapsed, delay);
      if (charged < limitMs) return arm();
      stopped = true;
      expired();
    }, delay);
  }

  arm();
  return {
    sent() {
      charged = 0;
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
