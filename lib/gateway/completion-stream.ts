import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { finishReasonOf, openAIUsage } from './openai-usage';
import type { TraceUsage } from '@/lib/usage/usage-of-trace';
import type { XFlint } from './x-flint';

/** How a streamed answer ended, for the ledger and the budget. */
export type StreamOutcome =
  | { status: 'ok' }
  | { status: 'interrupted' | 'error' }
  /** The client went away: output counted from what was sent, marked estimated. */
  | { status: 'aborted'; estimatedOutputTokens: number };

/** What the SSE writer asks of the caller. */
export interface CompletionStreamHooks {
  /** The finish part arrived: the usage and x_flint of the whole call (computed from the trace). */
  summarize(): { usage: TraceUsage; xFlint: XFlint };
  /** Called exactly once when the stream is over, however it ended. */
  onEnd(outcome: StreamOutcome): void;
}

const encoder = new TextEncoder();
const frame = (value: unknown) => encoder.encode(`data: ${JSON.stringify(value)}\n\n`);
const done = encoder.encode('data: [DONE]\n\n');

/**
 * Turns the chain's LanguageModelV4 stream into OpenAI's SSE chunks, one frame per part, pulled on
 * demand (no buffering beyond the socket). A failure mid-answer that the chain could not continue
 * ends with an `error` frame and no `[DONE]`, which the clients raise: never a clean end.
 */
export function completionStream(
  parts: ReadableStream<LanguageModelV4StreamPart>,
  meta: { id: string; created: number; model: string; includeUsage: boolean },
  hooks: CompletionStreamHooks,
): ReadableStream<Uint8Array> {
  const reader = parts.getReader();
  const chunk = (delta: Record<string, unknown>, finishReason: string | null = null) => ({
    id: meta.id,
    object: 'chat.completion.chunk',
    created: meta.created,
    model: meta.model,
    system_fingerprint: null,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
  });
  let toolIndex = 0;
  let sentChars = 0;
  let ended = false;
  const end = (outcome: StreamOutcome) => {
    if (ended) return;
    ended = true;
    hooks.onEnd(outcome);
  };
  const failFrame = (message: string) => frame({ error: { message, type: 'server_error', code: 'stream_interrupted', param: null } });

  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(frame(chunk({ role: 'assistant', content: '' })));
    },
    async pull(controller) {
      for (;;) {
        let result: ReadableStreamReadResult<LanguageModelV4StreamPart>;
        try {
          result = await reader.read();
        } catch {
          if (ended) return;
          controller.enqueue(failFrame('The answer was cut off and no model could continue it.'));
          end({ status: 'error' });
          controller.close();
          return;
        }
        if (result.done) {
          // The chain always ends with a finish part; ending without one is a cut, not an answer.
          if (!ended) controller.enqueue(failFrame('The answer ended unexpectedly.'));
          end({ status: 'error' });
          controller.close();
          return;
        }
        const part = result.value;
        switch (part.type) {
          case 'text-delta':
            sentChars += part.delta.length;
            controller.enqueue(frame(chunk({ content: part.delta })));
            return;
          case 'reasoning-delta':
            sentChars += part.delta.length;
            controller.enqueue(frame(chunk({ reasoning: part.delta })));
            return;
          case 'tool-call':
            if (part.providerExecuted) continue;
            sentChars += part.input.length;
            controller.enqueue(
              frame(chunk({ tool_calls: [{ index: toolIndex++, id: part.toolCallId, type: 'function', function: { name: part.toolName, arguments: part.input } }] })),
            );
            return;
          case 'error':
            controller.enqueue(failFrame('The answer was cut off and no model could continue it.'));
            end({ status: 'error' });
            controller.close();
            await reader.cancel().catch(() => undefined);
            return;
          case 'finish': {
            if (part.finishReason.unified === 'interrupted' || part.finishReason.unified === 'error') {
              controller.enqueue(failFrame('The answer was cut off and no model could continue it.'));
              end({ status: 'interrupted' });
              controller.close();
              return;
            }
            const { usage, xFlint } = hooks.summarize();
            const finishReason = finishReasonOf(part.finishReason.unified);
            if (meta.includeUsage) {
              controller.enqueue(frame(chunk({}, finishReason)));
              controller.enqueue(frame({ ...chunk({}), choices: [], usage: openAIUsage(usage), x_flint: xFlint }));
            } else {
              controller.enqueue(frame({ ...chunk({}, finishReason), x_flint: xFlint }));
            }
            controller.enqueue(done);
            end({ status: 'ok' });
            controller.close();
            return;
          }
          default:
            continue;
        }
      }
    },
    async cancel(reason) {
      // About four characters per token: what was sent is all that is known of an abandoned answer.
      end({ status: 'aborted', estimatedOutputTokens: Math.ceil(sentChars / 4) });
      await reader.cancel(reason).catch(() => undefined);
    },
  });
}
