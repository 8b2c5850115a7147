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
const cutOff = 'The answer was cut off and no model could continue it.';
const failFrame = (message: string) => `data: ${JSON.stringify({ error: { message, type: 'server_error', code: 'stream_interrupted', param: null } })}\n\n`;

/** Resolves once the work already queued in this turn of the event loop (I/O callbacks, their microtasks) is done. */
const endOfTurn = () => new Promise<'turn'>((resolve) => setImmediate(resolve, 'turn'));

/**
 * Turns the chain's LanguageModelV4 stream into OpenAI's SSE chunks, pulled on demand (no buffering
 * beyond the socket). A failure mid-answer that the chain could not continue ends with an `error`
 * frame and no `[DONE]`, which the clients raise: never a clean end.
 *
 * After the first token, every part the chain has ready in the same turn of the event loop goes out
 * as one chunk: a Groq read carries ~5 frames, and a chunk each cost Next a WritableStream write and
 * the socket a chunked-encoding write per frame. The role frame rides in the first token's chunk,
 * which is sent as soon as it is rendered, so the first token is one write after the headers (was: two). Frames are built from a prefix rendered
 * once, not an object stringified per part (bench: /v1 CPU per request over the byte pipe, bench/v1-only.ts).
 */
export function completionStream(
  parts: ReadableStream<LanguageModelV4StreamPart>,
  meta: { id: string; created: number; model: string; includeUsage: boolean },
  hooks: CompletionStreamHooks,
): ReadableStream<Uint8Array> {
  const reader = parts.getReader();
  // The chunk object's fields before the delta, as JSON.stringify of the full object would write them.
  const head = `data: {"id":${JSON.stringify(meta.id)},"object":"chat.completion.chunk","created":${JSON.stringify(meta.created)},"model":${JSON.stringify(meta.model)},"system_fingerprint":null,"choices":[{"index":0,"delta":`;
  const deltaFrame = (delta: string, finishReason: string | null = null) => `${head}${delta},"logprobs":null,"finish_reason":${JSON.stringify(finishReason)}}]}\n\n`;
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
  let out = deltaFrame('{"role":"assistant","content":""}');
  const roleFrameLength = out.length;
  let tokenSent = false;
  // A read that did not settle within its turn: the next pull starts from it.
  let carried: Promise<ReadableStreamReadResult<LanguageModelV4StreamPart>> | undefined;
  const end = (outcome: StreamOutcome) => {
    if (ended) return;
    ended = true;
    hooks.onEnd(outcome);
  };
  const flush = (controller: ReadableStreamDefaultController<Uint8Array>) => {
    if (out === '') return;
    controller.enqueue(encoder.encode(out));
    out = '';
  };
  const finish = (controller: ReadableStreamDefaultController<Uint8Array>, outcome: StreamOutcome, last: string) => {
    out += last;
    flush(controller);
    end(outcome);
    controller.close();
  };

  /** Adds one part's frame to `out`; true when the stream is over (closed). */
  const render = (part: LanguageModelV4StreamPart, controller: ReadableStreamDefaultController<Uint8Array>): boolean => {
    switch (part.type) {
      case 'text-delta':
        sentChars += part.delta.length;
        out += deltaFrame(`{"content":${JSON.stringify(part.delta)}}`);
        return false;
      case 'reasoning-delta':
        sentChars += part.delta.length;
        out += deltaFrame(`{"reasoning":${JSON.stringify(part.delta)}}`);
        return false;
      case 'tool-call':
        if (part.providerExecuted) return false;
        sentChars += part.input.length;
        out += deltaFrame(JSON.stringify({ tool_calls: [{ index: toolIndex++, id: part.toolCallId, type: 'function', function: { name: part.toolName, arguments: part.input } }] }));
        return false;
      case 'error':
        finish(controller, { status: 'error' }, failFrame(cutOff));
        void reader.cancel().catch(() => undefined);
        return true;
      case 'finish': {
        if (part.finishReason.unified === 'interrupted' || part.finishReason.unified === 'error') {
          finish(controller, { status: 'interrupted' }, failFrame(cutOff));
          return true;
        }
        const { usage, xFlint } = hooks.summarize();
        const finishReason = finishReasonOf(part.finishReason.unified);
        const last = meta.includeUsage
          ? `${deltaFrame('{}', finishReason)}data: ${JSON.stringify({ ...chunk({}), choices: [], usage: openAIUsage(usage), x_flint: xFlint })}\n\n`
          : `data: ${JSON.stringify({ ...chunk({}, finishReason), x_flint: xFlint })}\n\n`;
        finish(controller, { status: 'ok' }, `${last}data: [DONE]\n\n`);
        return true;
      }
      default:
        return false;
    }
  };

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let turn: Promise<'turn'> | undefined;
      for (;;) {
        const read = carried ?? reader.read();
        carried = undefined;
        let result: ReadableStreamReadResult<LanguageModelV4StreamPart> | 'turn';
        try {
          // Nothing to send yet, or before the first token: wait for the next part. Later, only for parts ready in this turn.
          result = out === '' || !tokenSent ? await read : await Promise.race([read, (turn ??= endOfTurn())]);
        } catch {
          if (ended) return;
          finish(controller, { status: 'error' }, failFrame(cutOff));
          return;
        }
        if (result === 'turn') {
          carried = read;
          flush(controller);
          return;
        }
        if (result.done) {
          // The chain always ends with a finish part; ending without one is a cut, not an answer.
          finish(controller, { status: 'error' }, ended ? '' : failFrame('The answer ended unexpectedly.'));
          return;
        }
        if (render(result.value, controller)) return;
        if (!tokenSent && out.length > roleFrameLength) {
          // The first token goes at once: at 10 concurrent streams, waiting for the end of the turn queued it
          // behind the other requests' work in that turn (+8 ms TTFT p50 over the pipe).
          tokenSent = true;
          flush(controller);
          return;
        }
      }
    },
    async cancel(reason) {
      // About four characters per token: what was sent is all that is known of an abandoned answer.
      end({ status: 'aborted', estimatedOutputTokens: Math.ceil(sentChars / 4) });
      carried?.catch(() => undefined);
      await reader.cancel(reason).catch(() => undefined);
    },
  });
}
