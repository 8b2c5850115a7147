import type { ProviderName } from '../catalog/model-entry';

/** Why an open breaker is open: a provider's retry-after, too many recent failures, or a model that is gone. */
export type OpenCause = 'rate_limited' | 'failures' | 'unavailable';

/**
 * One model's breaker as plain data (JSON-safe), so that a shared store (Redis) can hold it for
 * every instance. Keyed by `provider:model` in the registry.
 */
export interface BreakerRecord {
  provider: ProviderName;
  modelId: string;
  /** Recent calls, oldest first: [epoch ms, 1 when it failed, 0 when it worked]. */
  calls: Array<[number, 0 | 1]>;
  openUntil?: number;
  openCause?: OpenCause;
  /** Start times of the half-open probes still in flight. */
  probes: number[];
  consecutiveFailures: number;
}

/** How a breaker judges its window. */
export interface BreakerPolicy {
  windowMs: number;
  /** Fewer calls than this in the window never open the breaker. */
  minimumCalls: number;
  /** The failed share of the window's calls at which it opens. */
  failureRatio: number;
  /** The window keeps at most this many calls. */
  maxCalls: number;
}

/** Drops calls older than the window. */
export function pruneCalls(record: BreakerRecord, at: number, policy: BreakerPolicy): void {
  const oldest = at - policy.windowMs;
  let drop = 0;
  while (drop < record.calls.length && (record.calls[drop]![0] < oldest || record.calls.length - drop > policy.maxCalls)) drop += 1;
  if (drop > 0) record.calls.splice(0, drop);
}

/** Adds one call's outcome to the window. */
export function addCall(record: BreakerRecord, at: number, failed: boolean, policy: BreakerPolicy): void {
  record.calls.push([at, failed ? 1 : 0]);
  pruneCalls(record, at, policy);
}

/** The window's verdict: at least `minimumCalls` and a failure share of at least `failureRatio`. */
export function windowTripped(record: BreakerRecord, policy: BreakerPolicy): boolean {
  if (record.calls.length < policy.minimumCalls) return false;
  const failures = record.calls.reduce((sum, [, failed]) => sum + failed, 0);
  return failures / record.calls.length >= policy.failureRatio;
}

/** Failures among the window's calls. */
export function windowFailures(record: BreakerRecord): number {
  return record.calls.reduce((sum, [, failed]) => sum + failed, 0);
}
