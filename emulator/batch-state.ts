import type { EmulatorServices } from './call-context.ts';
import { createFileStore, type FileStore } from './files-store.ts';
import type { Provider } from './types.ts';

/** The statuses a batch moves through, as Groq and OpenAI name them. */
export type BatchStatus = 'validating' | 'failed' | 'in_progress' | 'finalizing' | 'completed' | 'expired' | 'cancelling' | 'cancelled';

/** One line's outcome: a response line for the output file or an error line for the error file. */
export type BatchLineResult = { customId: string; ok: boolean; line: Record<string, unknown> };

/** An emulated batch and where its lines are. */
export type EmulatedBatch = {
  id: string;
  /** The dialect it was created in; its lines are answered in the same one. */
  provider: Provider;
  endpoint: string;
  inputFileId: string;
  completionWindow: string;
  metadata: Record<string, string> | null;
  status: BatchStatus;
  createdAt: number;
  expiresAt: number;
  times: Partial<Record<'in_progress_at' | 'finalizing_at' | 'completed_at' | 'failed_at' | 'expired_at' | 'cancelling_at' | 'cancelled_at', number>>;
  /** Parsed input lines, set once validated. */
  lines: Array<{ customId: string; body: unknown }>;
  results: BatchLineResult[];
  errors: Array<{ code: string; message: string; param: string | null; line: number | null }> | null;
  outputFileId: string | null;
  errorFileId: string | null;
};

/** Batch state of one emulator instance, and the clock its tests steer. */
export type BatchState = {
  files: FileStore;
  batches: Map<string, EmulatedBatch>;
  /** Milliseconds added to the wall clock by `advance {ms}`, for expiry. */
  clockOffsetMs: number;
  /** When true, each GET /batches/{id} moves that batch one step (the demo's default). */
  advanceOnRetrieve: boolean;
  /** How many lines one in_progress step runs; Infinity runs them all. */
  linesPerStep: number;
};

// Kept beside the services rather than inside them, so the batch API stays a self-contained add-on.
const states = new WeakMap<EmulatorServices, BatchState>();

/** The batch state of an emulator instance, created on first use. */
export function batchState(services: EmulatorServices): BatchState {
  let state = states.get(services);
  if (!state) {
    state = { files: createFileStore(), batches: new Map(), clockOffsetMs: 0, advanceOnRetrieve: true, linesPerStep: Infinity };
    states.set(services, state);
  }
  return state;
}

/** The emulated time in seconds since the epoch. */
export function batchNow(state: BatchState): number {
  return Math.floor((Date.now() + state.clockOffsetMs) / 1000);
}
