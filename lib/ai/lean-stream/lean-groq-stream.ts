import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { createParser } from 'eventsource-parser';
import { createGroqPartMapper } from './groq-part-mapper';
import { parseGroqFrame } from './parse-groq-frame';

type DeltaPart = Extract<LanguageModelV4StreamPart, { type: 'text-delta' | 'reasoning-delta' }>;

/** The pieces of one call: the real body, and how the SDK would wrap a failure of it. */
export interface LeanGroqStreamInput {
  body: ReadableStream<Uint8Array>;
  /** The SDK's `stream-start` part. */
  start: LanguageModelV4StreamPart;
  /** The error the SDK's own stream reports when its body fails with `error` (APICallError "Failed to process successful response", abort errors as they are). */
  wrapBodyError: (error: unknown) => Promise<unknown>;
}

/**
 * The parts of a 2xx Groq stream, parsed in one stage: the body split into SSE events by eventsource-parser
 * (the SDK's own splitter, without its TransformStreams), each payload through `parseGroqFrame`.
 */
export function leanGroqStream(input: LeanGroqStreamInput): ReadableStream<LanguageModelV4StreamPart> {
  const reader = input.body.getReader();
  const decoder = new TextDecoder();
  let payloads: string[] = [];
  const parser = createParser({ onEvent: (event) => void (event.data !== '[DONE]' && payloads.push(event.data)) });
  const frameParts: LanguageModelV4StreamPart[] = [];
  const mapper = createGroqPartMapper((part) => void frameParts.push(part));
  let failure: { error: unknown } | undefined;
  // Set by cancel(): a read or a slow frame still in flight must not enqueue into the closed stream.
  let cancelled = false;

  /**
   * Enqueues the parts of one network read, the deltas of a block that arrived together as one part.
   * Every stage after this one pays per part (the chain, the coalescer, the UI stream), and a read at
   * Groq's pace carries ~5 frames; joining them adds no wait, since they were all here already.
   */
  const deliver = (controller: ReadableStreamDefaultController<LanguageModelV4StreamPart>) => {
    let held: DeltaPart | undefined;
    for (const part of frameParts) {
      if ((part.type === 'text-delta' || part.type === 'reasoning-delta') && part.providerMetadata === undefined) {
        if (held !== undefined && held.type === part.type && held.id === part.id) {
          held = { ...held, delta: held.delta + part.delta };
          continue;
        }
        if (held !== undefined) controller.enqueue(held);
        held = part;
        continue;
      }
      if (held !== undefined) controller.enqueue(held);
      held = undefined;
      controller.enqueue(part);
    }
    if (held !== undefined) controller.enqueue(held);
    frameParts.length = 0;
  };

  /** Maps the complete events in `text`; false once a frame threw (the failure is then recorded). */
  const feed = async (text: string, controller: ReadableStreamDefaultController<LanguageModelV4StreamPart>) => {
    if (text.length > 0) parser.feed(text);
    const ready = payloads;
    payloads = [];
    for (const payload of ready) {
      const parsed = parseGroqFrame(payload);
      const frame = parsed instanceof Promise ? await parsed : parsed;
      if (cancelled) return false;
      try {
        mapper.frame(frame);
      } catch (error) {
        // The SDK's transform throws here too (a tool-call delta its tracker rejects); how much of this
        // frame its reader still sees is a microtask race there, so all of it is delivered here, then the error.
        failure = { error };
        break;
      }
    }
    deliver(controller);
    return failure === undefined;
  };

  const fail = (controller: ReadableStreamDefaultController<LanguageModelV4StreamPart>, error: unknown) => {
    controller.error(error);
    void reader.cancel(error).catch(() => undefined);
  };

  return new ReadableStream<LanguageModelV4StreamPart>({
    start(controller) {
      controller.enqueue(input.start);
    },
    async pull(controller) {
      // Erroring discards queued parts, so a failure waits until the reader has taken them (pull runs on an empty queue).
      if (failure) return fail(controller, failure.error);
      // A pull that enqueues nothing is not called again, so read until a part is out or the body ends.
      while (controller.desiredSize !== null && controller.desiredSize > 0) {
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await reader.read();
        } catch (error) {
          if (!cancelled) controller.error(await input.wrapBodyError(error));
          return;
        }
        if (cancelled) return;
        const ok = await feed(chunk.done ? decoder.decode() : decoder.decode(chunk.value, { stream: true }), controller);
        if (!ok) {
          if (cancelled) return;
          const { error } = failure ?? { error: undefined };
          if (controller.desiredSize !== null && controller.desiredSize > 0) fail(controller, error);
          return;
        }
        if (!chunk.done) continue;
        mapper.flush();
        deliver(controller);
        controller.close();
        return;
      }
    },
    async cancel(reason) {
      cancelled = true;
      await reader.cancel(reason);
    },
  });
}
