import type { ServerResponse } from 'node:http';
import type { Frame } from './chat-frames.ts';

/** A stream to write at a model's pace. */
export type PacedStream = {
  response: ServerResponse;
  /** Produced lazily so 500 long streams do not hold millions of frames in memory. */
  frames: Iterator<Frame>;
  /** Tokens per second; Infinity writes as fast as the socket takes it. */
  tokensPerSecond: number;
  /** Extra delay before every frame, for the `slow` fault. */
  frameDelayMs: number;
  /** `destroy` cuts the connection after the last frame instead of ending the response cleanly. */
  ending: 'end' | 'destroy';
};

/** Writes many paced streams from one shared timer. */
export type Pacer = {
  start(stream: PacedStream): void;
  /** Number of streams still being written. */
  activeCount(): number;
  stop(): void;
};

type Running = {
  stream: PacedStream;
  startedAt: number;
  spentTokens: number;
  index: number;
  pending: Frame | undefined;
  blocked: boolean;
};

/**
 * Creates a pacer whose single timer ticks every `tickMs` and writes all frames that fell due since the last tick
 * in one write per stream, keeping CPU low with hundreds of concurrent streams.
 */
export function createPacer(tickMs = 5): Pacer {
  const running = new Set<Running>();
  let timer: NodeJS.Timeout | undefined;

  const dueAt = (state: Running, frame: Frame): number => {
    const rate = state.stream.tokensPerSecond;
    const generation = Number.isFinite(rate) && rate > 0 ? ((state.spentTokens + frame.cost) / rate) * 1000 : 0;
    return generation + state.index * state.stream.frameDelayMs;
  };

  const finish = (state: Running): void => {
    running.delete(state);
    const { response, ending } = state.stream;
    // Ending the socket flushes the frames already written, then closes without finishing the chunked body.
    if (ending === 'destroy') response.socket?.end();
    else response.end();
    if (running.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };

  const pump = (state: Running): void => {
    const { response } = state.stream;
    if (state.blocked || response.destroyed) return;
    const elapsed = performance.now() - state.startedAt;
    let batch = '';
    while (state.pending && dueAt(state, state.pending) <= elapsed) {
      batch += state.pending.text;
      state.spentTokens += state.pending.cost;
      state.index += 1;
      const next = state.stream.frames.next();
      state.pending = next.done ? undefined : next.value;
      // Bound one write so an unpaced 20k-token stream does not build one huge string.
      if (batch.length > 256 * 1024) break;
    }
    if (batch !== '' && !response.write(batch)) {
      state.blocked = true;
      response.once('drain', () => {
        state.blocked = false;
        pump(state);
      });
      return;
    }
    if (!state.pending) finish(state);
    else if (batch.length > 256 * 1024) setImmediate(() => pump(state));
  };

  const tick = (): void => {
    for (const state of running) pump(state);
    if (running.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };

  return {
    start(stream) {
      const first = stream.frames.next();
      const state: Running = { stream, startedAt: performance.now(), spentTokens: 0, index: 0, pending: first.done ? undefined : first.value, blocked: false };
      running.add(state);
      // A client that goes away stops its stream at once.
      stream.response.once('close', () => running.delete(state));
      if (!timer) timer = setInterval(tick, tickMs);
      pump(state);
    },
    activeCount() {
      return running.size;
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      running.clear();
    },
  };
}
