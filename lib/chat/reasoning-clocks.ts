import type { FlintUIMessage } from './message';

/** When one reasoning block of an answer began and ended (performance.now() milliseconds). */
export type ReasoningClock = { startedAt: number; endedAt?: number };

type Part = FlintUIMessage['parts'][number];

// Anything after a reasoning block that shows the model has moved on: answer text, a tool call, later reasoning.
const movesOn = (part: Part) => (part.type === 'text' && part.text !== '') || part.type === 'dynamic-tool' || part.type.startsWith('tool-') || part.type === 'reasoning';

/**
 * Advances the clocks of an answer's reasoning blocks, one per block in order, from what the answer
 * shows now. The first block starts when the question was sent (a fast model's first thought and
 * first text can reach the page in one render); a later block (after a tool step) starts when it
 * first appears. A block ends when it is done or anything after it has appeared. `final`: the
 * answer is over, and a block the page never saw stream (it arrived between two renders) is
 * counted from the end of the block before it: at most that long.
 */
export function advanceReasoningClocks(
  clocks: readonly ReasoningClock[],
  parts: readonly Part[],
  sentAt: number,
  now: number,
  { final = false }: { final?: boolean } = {},
): ReasoningClock[] {
  const next = clocks.map((clock) => ({ ...clock }));
  let block = 0;
  parts.forEach((part, index) => {
    if (part.type !== 'reasoning' || part.text === '') return;
    const unseenStart = block === 0 ? sentAt : final ? (next[block - 1]?.endedAt ?? sentAt) : now;
    const clock = (next[block] ??= { startedAt: unseenStart });
    if (clock.endedAt === undefined && (part.state === 'done' || parts.slice(index + 1).some(movesOn))) clock.endedAt = now;
    block += 1;
  });
  return next;
}

/** How long each reasoning block took, in whole milliseconds; a block still thinking counts until `now`. */
export function reasoningDurations(clocks: readonly ReasoningClock[], now: number): number[] {
  return clocks.map((clock) => Math.round((clock.endedAt ?? now) - clock.startedAt));
}

/** The thinking time of the `block`-th reasoning block from saved metadata (one number: an answer saved before blocks were timed apart). */
export function reasoningDurationOf(saved: number | number[] | undefined, block: number): number | undefined {
  if (Array.isArray(saved)) return saved[block];
  return block === 0 ? saved : undefined;
}
