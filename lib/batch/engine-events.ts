import type { BatchRow } from './batch-queries';

/** What an engine reports as it works, for progress streams and tests that wait on events instead of sleeping. */
export type EngineEvent =
  | { type: 'line-finished'; batchId: string; customId: string; ok: boolean; costUsd: number; status: number }
  | { type: 'line-retry'; batchId: string; customId: string; status: number; retryAt: number }
  | { type: 'batch-updated'; batch: BatchRow }
  | { type: 'batch-finished'; batch: BatchRow };

/** A tiny listener list. */
export function createEventHub() {
  const listeners = new Set<(event: EngineEvent) => void>();
  return {
    emit(event: EngineEvent) {
      for (const listener of listeners) listener(event);
    },
    on(listener: (event: EngineEvent) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Resolves with the first event that matches. */
    next<T extends EngineEvent>(match: (event: EngineEvent) => event is T): Promise<T> {
      return new Promise((resolve) => {
        const off = this.on((event) => {
          if (!match(event)) return;
          off();
          resolve(event);
        });
      });
    },
  };
}
