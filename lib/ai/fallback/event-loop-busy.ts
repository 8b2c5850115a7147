import { performance } from 'node:perf_hooks';

/** Cumulative milliseconds this thread's event loop has been busy, from Node's event-loop utilization. */
export function eventLoopBusyMs(): number {
  return performance.eventLoopUtilization().active;
}
