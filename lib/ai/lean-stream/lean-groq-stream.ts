import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { createParser } from 'eventsource-parser';
import { createGroqPartMapper } from './groq-part-mapper';
import { parseGroqFrame } from './parse-groq-frame';

/** The pieces of one call: the real body, and the SDK's own (idle) stream fed by `shell`. */
export interface LeanGroqStreamInput {
  body: ReadableStream<Uint8Array>;
  /** The SDK's `stream-start` part, already read from `sdk`. */
  start: LanguageModelV4StreamPart;
  sdk: ReadableStreamDefaultReader<LanguageModelV4StreamPart>;
  shell: ReadableStreamDefaultController<Uint8Array>;
}

/** Rethrows a body failure as the SDK wraps it (APICallError "Failed to process successful response", abort errors as they are), by letting the SDK's own stream see it. */
async function sdkBodyError(input: LeanGroqStreamInput, error: unknown): Promise<unknown> {
  input.shell.error(error);
  try {
    while (!(await input.sdk.read()).done);
  } catch (sdkError) {
    return sdkError;
  }
  return error;
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
  let mapper: ReturnType<typeof createGroqPartMapper>;
  const dropSdk = (reason?: unknown) => input.sdk.cancel(reason).catch(() => undefined);

  const feed = async (text: string) => {
    if (text.length > 0) parser.feed(text);
    const ready = payloads;
    payloads = [];
    for (const payload of ready) {
      const frame = parseGroqFrame(payload);
      mapper.frame(frame instanceof Promise ? await frame : frame);
    }
  };

  return new ReadableStream<LanguageModelV4StreamPart>({
    start(controller) {
      controller.enqueue(input.start);
      mapper = createGroqPartMapper((part) => controller.enqueue(part));
    },
    async pull(controller) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        controller.error(await sdkBodyError(input, error));
        return;
      }
      try {
        if (!chunk.done) return await feed(decoder.decode(chunk.value, { stream: true }));
        await feed(decoder.decode());
        mapper.flush();
        controller.close();
        void dropSdk();
      } catch (error) {
        // A tool-call delta the SDK's tracker rejects errors the SDK's stream the same way.
        controller.error(error);
        void reader.cancel(error).catch(() => undefined);
        void dropSdk(error);
      }
    },
    async cancel(reason) {
      await Promise.all([reader.cancel(reason), dropSdk(reason)]);
    },
  });
}
