import type {
  LanguageModelV4CallOptions,
  LanguageModelV4StreamPart,
  LanguageModelV4StreamResult,
  LanguageModelV4Usage,
} from '@ai-sdk/provider';
import { addUsage } from '../usage/add-usage';
import { AllModelsFailedError } from './all-models-failed-error';
import { continuationPrompt } from './continuation-prompt';
import { startFallbackRun, type FallbackContext } from './fallback-run';
import { StreamEndedError } from './stream-ended-error';
import { UpstreamStreamError } from './upstream-stream-error';
import { openStreamAttempt, type OpenedStream } from './open-stream-attempt';

const unknownUsage: LanguageModelV4Usage = {
  inputTokens: { total: undefined, noCache: undefined, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: undefined, text: undefined, reasoning: undefined },
};

/**
 * doStream of the fallback model. Waits (inside doStream) until a candidate produces output, so
 * every failure before the first token falls through invisibly, then forwards that candidate's
 * parts. After output has been forwarded, a failure is continued on the next candidate (text only,
 * remapped onto the open text block); if none can continue, the stream ends with a `finish` part
 * whose reason is `interrupted` and `trace.interrupted` is set.
 */
export async function streamWithFallback(
  context: FallbackContext,
  options: LanguageModelV4CallOptions,
): Promise<LanguageModelV4StreamResult> {
  const { candidates, trace } = context;
  const run = startFallbackRun(context, options.abortSignal);
  let current: OpenedStream | undefined;
  try {
    current = await openStreamAttempt(run, candidates, 0, options, 'answer');
  } catch (error) {
    run.dispose();
    throw error;
  }
  if (current === undefined) {
    run.dispose();
    throw new AllModelsFailedError(run.attempts());
  }

  const served = current.attempt.candidate.entry;
  trace.servedBy = served;
  // The caller gets the first answer's request and response; the stream's closures keep only what they read.
  const { request, response } = current;
  let opened: OpenStream = { attempt: current.attempt, reader: current.reader, nextIndex: current.nextIndex };
  let pending = withServingModel(current.buffered, served.id);
  let pendingIndex = 0;
  let phase: 'answer' | 'continuation' = 'answer';
  let partialText = '';
  let toolOutput = false;
  let openTextId: string | undefined;
  let lastTextId = 'text';
  let openReasoningId: string | undefined;
  let closed = false;

  function close(controller: ReadableStreamDefaultController<LanguageModelV4StreamPart>) {
    closed = true;
    run.dispose();
    controller.close();
  }

  function closeOpenBlocks(controller: ReadableStreamDefaultController<LanguageModelV4StreamPart>) {
    if (openReasoningId !== undefined) controller.enqueue({ type: 'reasoning-end', id: openReasoningId });
    if (openTextId !== undefined) controller.enqueue({ type: 'text-end', id: openTextId });
    openReasoningId = undefined;
    openTextId = undefined;
  }

  /** Handles one upstream part; returns 'failed' when it signals a mid-stream failure. */
  function forward(part: LanguageModelV4StreamPart, controller: ReadableStreamDefaultController<LanguageModelV4StreamPart>) {
    switch (part.type) {
      case 'text-delta':
        partialText += part.delta;
        if (phase === 'answer') {
          controller.enqueue(part);
        } else {
          if (openTextId === undefined) {
            openTextId = `${lastTextId}-continued`;
            controller.enqueue({ type: 'text-start', id: openTextId });
          }
          controller.enqueue(part.id === openTextId ? part : { type: 'text-delta', id: openTextId, delta: part.delta });
        }
        return 'forwarded';
      case 'finish': {
        if (part.finishReason.unified === 'error' || part.finishReason.unified === 'interrupted') return 'failed';
        opened.attempt.succeeded(part.usage);
        trace.usage = addUsage(trace.usage, part.usage);
        if (phase === 'answer') {
          controller.enqueue(part);
        } else {
          closeOpenBlocks(controller);
          // Tool calls of a continuation are dropped, so its finish cannot ask for tool results.
          const finishReason =
            part.finishReason.unified === 'tool-calls' ? { unified: 'stop' as const, raw: part.finishReason.raw } : part.finishReason;
          // The cut-off calls never reported usage, so the continuation's is all that is known.
          controller.enqueue({ ...part, finishReason });
        }
        close(controller);
        return 'finished';
      }
      case 'error':
        return 'failed';
      default:
        if (phase === 'continuation') return 'dropped';
    }
    // Answer phase: forward everything, remembering what a continuation would have to close.
    if (part.type === 'text-start') {
      openTextId = part.id;
      lastTextId = part.id;
    } else if (part.type === 'text-end') openTextId = undefined;
    else if (part.type === 'reasoning-start') openReasoningId = part.id;
    else if (part.type === 'reasoning-end') openReasoningId = undefined;
    else if (part.type.startsWith('tool-') || part.type === 'file' || part.type === 'source') toolOutput = true;
    controller.enqueue(part);
    return 'forwarded';
  }

  async function recover(error: unknown, controller: ReadableStreamDefaultController<LanguageModelV4StreamPart>) {
    const verdict = opened.attempt.failed(error, true);
    if (verdict.aborted) {
      closed = true;
      run.dispose();
      controller.error(run.callerReason());
      return;
    }
    let next: OpenedStream | undefined;
    if (!toolOutput && !run.deadlinePassed()) {
      // Reasoning alone is not an answer: with no text yet, the next model answers the original prompt.
      const prompt = partialText === '' ? options.prompt : continuationPrompt(options.prompt, partialText);
      const continuationOptions: LanguageModelV4CallOptions = {
        ...options,
        prompt,
        // The continuation must produce raw text that joins the partial reply, never tool calls or a new JSON document.
        toolChoice: options.tools === undefined ? undefined : { type: 'none' },
        responseFormat: undefined,
      };
      try {
        next = await openStreamAttempt(run, candidates, opened.nextIndex, continuationOptions, 'continuation');
        if (closed) return;
      } catch (continuationError) {
        if (closed) return;
        if (run.callerAborted()) {
          closed = true;
          run.dispose();
          controller.error(continuationError);
          return;
        }
      }
    }
    if (next === undefined) {
      closeOpenBlocks(controller);
      trace.interrupted = true;
      controller.enqueue({
        type: 'finish',
        finishReason: { unified: 'interrupted', raw: 'flint: cut off mid-stream and no model could continue' },
        // The cut-off calls never sent their finish part, so their usage is unknown.
        usage: unknownUsage,
      });
      close(controller);
      return;
    }
    // The cut-off reasoning will not resume: close it before the continuation's text begins.
    if (openReasoningId !== undefined) controller.enqueue({ type: 'reasoning-end', id: openReasoningId });
    openReasoningId = undefined;
    phase = 'continuation';
    opened = { attempt: next.attempt, reader: next.reader, nextIndex: next.nextIndex };
    trace.continuedBy = next.attempt.candidate.entry;
    pending = next.buffered;
    pendingIndex = 0;
  }

  const stream = new ReadableStream<LanguageModelV4StreamPart>({
    start(controller) {
      // What the first attempt buffered up to its first output is all here: queued at once, not a pull per part.
      for (const part of pending) if (!closed) forward(part, controller);
      pending = [];
    },
    async pull(controller) {
      while (!closed) {
        let part: LanguageModelV4StreamPart;
        if (pendingIndex < pending.length) {
          part = pending[pendingIndex] as LanguageModelV4StreamPart;
          pendingIndex += 1;
          // The buffered parts are forwarded once: an open stream does not keep them for its whole life.
          if (pendingIndex === pending.length) {
            pending = [];
            pendingIndex = 0;
          }
        } else {
          const attempt = opened.attempt;
          try {
            const result = await opened.reader.read().catch((error: unknown) => {
              throw attempt.signal.aborted ? attempt.signal.reason : UpstreamStreamError.from(error);
            });
            if (closed) return;
            if (attempt.signal.aborted) throw attempt.signal.reason;
            if (result.done) throw new StreamEndedError();
            part = result.value;
          } catch (error) {
            await recover(error, controller);
            continue;
          }
        }
        const verdict = forward(part, controller);
        if (verdict === 'failed') {
          await recover(part.type === 'error' ? UpstreamStreamError.from(part.error) : new StreamEndedError(), controller);
          continue;
        }
        if (verdict !== 'dropped') return;
      }
    },
    cancel(reason) {
      closed = true;
      opened.attempt.cancel();
      // Also stops a continuation that may be opening right now.
      run.cancel(reason);
      run.dispose();
    },
  });

  return { stream, request, response };
}

/** The part of an opened attempt the stream reads from after it has started forwarding. */
type OpenStream = Pick<OpenedStream, 'attempt' | 'reader' | 'nextIndex'>;

/** Puts the serving model in a response-metadata part right after stream-start. */
function withServingModel(parts: LanguageModelV4StreamPart[], modelId: string): LanguageModelV4StreamPart[] {
  const metadata: LanguageModelV4StreamPart = { type: 'response-metadata', modelId };
  const at = parts[0]?.type === 'stream-start' ? 1 : 0;
  return [...parts.slice(0, at), metadata, ...parts.slice(at)];
}
