import type { BatchProgress } from './batch-progress';

const finalStatuses = new Set(['completed', 'failed', 'expired', 'cancelled']);

/** A server-sent event stream of a batch's progress, one `data:` frame per change, closing at a final status. */
export function progressEventStream(read: () => Promise<BatchProgress>, options: { intervalMs?: number; signal?: AbortSignal } = {}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let last = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  return new ReadableStream({
    start(controller) {
      const tick = async () => {
        if (options.signal?.aborted) return controller.close();
        try {
          const progress = await read();
          const text = JSON.stringify(progress);
          if (text !== last) controller.enqueue(encoder.encode(`event: progress\ndata: ${text}\n\n`));
          last = text;
          if (finalStatuses.has(progress.status)) return controller.close();
        } catch {
          controller.enqueue(encoder.encode(`event: error\ndata: {"message":"Progress is unavailable."}\n\n`));
          return controller.close();
        }
        timer = setTimeout(() => void tick(), options.intervalMs ?? 1_000);
      };
      void tick();
    },
    cancel() {
      clearTimeout(timer);
    },
  });
}
