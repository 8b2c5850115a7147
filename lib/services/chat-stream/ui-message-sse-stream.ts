import type { LanguageModelV4FinishReason, LanguageModelV4StreamPart, LanguageModelV4Usage } from '@ai-sdk/provider';
import { FastPathUnsupportedError } from './fast-path-unsupported-error';
import { uiChunkJson } from './ui-chunk-json';

/** When the message metadata is asked for: as the reply starts, and as it finishes. */
export type MetadataEvent =
  | { type: 'start' }
  | { type: 'finish'; finishReason: LanguageModelV4FinishReason['unified']; usage: LanguageModelV4Usage };

/** How the fast path fills the parts the SDK's toUIMessageStream would fill from its options. */
export type UIMessageSseOptions = {
  /** Metadata for the `start` and `finish` chunks, like toUIMessageStream's `messageMetadata`. */
  messageMetadata?: (event: MetadataEvent) => unknown;
  /** The text the browser sees for an `error` part (toUIMessageStream's default when absent). */
  onError?: (error: unknown) => string;
  /** Whether reasoning parts reach the browser (toUIMessageStream's default: true). */
  sendReasoning?: boolean;
};

const encoder = new TextEncoder();
const frame = (json: string) => `data: ${json}\n\n`;
const withMetadata = (json: string, metadata: unknown) =>
  metadata == null ? `${json}}` : `${json},"messageMetadata":${JSON.stringify(metadata)}}`;

/**
 * Maps one step's model parts (text and reasoning, no tools) straight to the SSE bytes that
 * streamText + toUIMessageStream + createUIMessageStreamResponse send for them, in one pull stream.
 * Each model part is one read, one string and one enqueue: in the SDK it crosses ~20 stream stages,
 * which issue 14's profile put at 28-39 % of a chat request's CPU. A tool or file part errors the
 * stream with FastPathUnsupportedError: chats that offer tools or run several steps must take the
 * SDK path. A source that errors errors this stream after the bytes already sent, as the SDK does.
 */
export function toUIMessageSseStream(
  source: ReadableStream<LanguageModelV4StreamPart>,
  { messageMetadata, onError = () => 'An error occurred.', sendReasoning = true }: UIMessageSseOptions = {},
): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  let started = false;
  let finished = false;

  /** The SSE text for one part, or '' when the UI stream has no chunk for it. */
  function framesOf(part: LanguageModelV4StreamPart): string {
    switch (part.type) {
      case 'text-delta':
        // streamText drops empty text deltas (not empty reasoning deltas).
        return part.delta === '' ? '' : frame(uiChunkJson(part));
      case 'text-start':
      case 'text-end':
        return frame(uiChunkJson(part));
      case 'reasoning-start':
      case 'reasoning-delta':
      case 'reasoning-end':
        return sendReasoning ? frame(uiChunkJson(part)) : '';
      case 'error':
        return frame(`{"type":"error","errorText":${JSON.stringify(onError(part.error))}}`);
      case 'finish': {
        if (finished) return '';
        finished = true;
        const reason = part.finishReason.unified;
        const metadata = messageMetadata?.({ type: 'finish', finishReason: reason, usage: part.usage });
        return frame('{"type":"finish-step"}') + frame(withMetadata(`{"type":"finish","finishReason":${JSON.stringify(reason)}`, metadata));
      }
      case 'stream-start':
      case 'response-metadata':
      case 'raw':
      case 'ping':
        return '';
      default:
        throw new FastPathUnsupportedError(part.type);
    }
  }

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let text = '';
      if (!started) {
        started = true;
        text = frame(withMetadata('{"type":"start"', messageMetadata?.({ type: 'start' }))) + frame('{"type":"start-step"}');
      }
      for (;;) {
        let result: ReadableStreamReadResult<LanguageModelV4StreamPart>;
        try {
          result = await reader.read();
          if (result.done) {
            controller.enqueue(encoder.encode(`${text}data: [DONE]\n\n`));
            controller.close();
            return;
          }
          // Parts after the finish (none from the chain) have no place in the UI message.
          if (!finished) text += framesOf(result.value);
        } catch (error) {
          if (text !== '') controller.enqueue(encoder.encode(text));
          controller.error(error);
          void reader.cancel(error).catch(() => {});
          return;
        }
        if (text !== '') {
          controller.enqueue(encoder.encode(text));
          return;
        }
      }
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}
