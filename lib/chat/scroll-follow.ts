/** What a scroll container reports about its position. */
export type ScrollMetrics = { scrollTop: number; scrollHeight: number; clientHeight: number };

/** Within this many pixels of the end counts as "at the bottom" (a wheel notch is ~100 px). */
export const bottomSlack = 48;

/** Pixels of content below the visible area. */
export function distanceFromBottom(metrics: ScrollMetrics): number {
  return Math.max(0, metrics.scrollHeight - metrics.clientHeight - metrics.scrollTop);
}

/**
 * Whether the list should keep following the stream after a scroll event. Reaching the bottom
 * resumes following; moving up stops it; anything else (the content grew under a still reader,
 * or our own scroll to the end) keeps the previous decision.
 */
export function followAfterScroll(previous: { following: boolean; scrollTop: number }, current: ScrollMetrics): boolean {
  if (distanceFromBottom(current) <= bottomSlack) return true;
  if (current.scrollTop < previous.scrollTop) return false;
  return previous.following;
}
