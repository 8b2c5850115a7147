import type { UIMessageChunk } from 'ai';
import { describe, expect, it, vi } from 'vitest';
import { AllModelsFailedError } from '@/lib/ai/fallback/all-models-failed-error';
import { firstContent } from './first-content';

function streamOf(chunks: UIMessageChunk[]): ReadableStream<UIMessageChunk> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

describe('firstContent', () => {
  it('throws the error object itself for an error before content: class and retry-after survive', async () => {
    const limited = new AllModelsFailedError([{ modelId: 'm', provider: 'groq', label: 'm', outcome: 'rate_limited', ms: 1, phase: 'answer', retryAfterMs: 7000 }]);
    const error = await firstContent(streamOf([{ type: 'start' }, { type: 'error', errorText: '{"code":"rate_limit:chat"}' }]), { errorOf: () => limited }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBe(limited);
    expect(AllModelsFailedError.isInstance(error) && error.retryAfterMs).toBe(7000);
  });

  it('reports once how the stream ended: closed with its finish reason, or cancelled', async () => {
    const onEnd = vi.fn();
    const started = await firstContent(
      streamOf([{ type: 'start' }, { type: 'text-start', id: 't' }, { type: 'text-delta', id: 't', delta: 'hi' }, { type: 'finish', finishReason: 'stop' }]),
      { onEnd },
    );
    const reader = started.getReader();
    while (!(await reader.read()).done);
    expect(onEnd.mock.calls).toEqual([[{ kind: 'closed', errored: false, finishReason: 'stop' }]]);

    const cancelled = vi.fn();
    const open = await firstContent(streamOf([{ type: 'text-start', id: 't' }, { type: 'text-delta', id: 't', delta: 'hi' }, { type: 'text-end', id: 't' }]), { onEnd: cancelled });
    await open.cancel();
    await open.cancel().catch(() => {});
    expect(cancelled.mock.calls).toEqual([[{ kind: 'cancelled' }]]);
  });
});
