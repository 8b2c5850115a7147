import { FlintError } from '@/lib/errors';

/** A counting semaphore that refuses at once instead of queueing: a waiting upload would still hold its memory. */
export interface Slots {
  /** Takes a slot, or throws `busy:transcribe` (503, Retry-After) when all are taken; call the returned function once to free it. */
  take(): () => void;
  readonly inUse: number;
}

/** How long a refused client is told to wait before trying again. */
export const busyRetryAfterSeconds = 2;

/** Creates a pool of `limit` slots. */
export function createSlots(limit: number): Slots {
  let inUse = 0;
  return {
    get inUse() {
      return inUse;
    },
    take() {
      if (inUse >= limit) throw new FlintError('busy:transcribe');
      inUse += 1;
      let freed = false;
      return () => {
        if (freed) return;
        freed = true;
        inUse -= 1;
      };
    },
  };
}

/** Transcriptions running at once in this process: each holds its upload (up to 25 MB) in memory. */
export const transcriptionSlots = createSlots(4);
