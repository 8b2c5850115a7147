import { convertToModelMessages, type UIMessage } from 'ai';
import { coalesceDeltas } from '@/lib/ai/middleware/coalesce-deltas';
import { modelPromptOf, toUIMessageSseStream, uiMessageSseResponse } from '@/lib/services/chat-stream';
import { groq, instructions, modelId } from '../../upstream';

/**
 * The fast-path prototype: the same input handling as the naive route (UI messages to model
 * messages to the SDK's prompt), then the provider model's parts mapped straight to UI message SSE
 * bytes (lib/services/chat-stream), skipping streamText, toUIMessageStream and createUIMessageStreamResponse.
 * `?coalesce` adds the app's delta coalescer in front, as the app's chain would feed it.
 */
export async function POST(request: Request) {
  const body = (await request.json()) as { messages: UIMessage[] };
  const startedAt = Date.now();
  const model = groq(modelId);
  const prompt = await modelPromptOf({ model, instructions, messages: await convertToModelMessages(body.messages), abortSignal: request.signal });
  const { stream } = await model.doStream({ prompt, abortSignal: request.signal });
  const parts = new URL(request.url).searchParams.has('coalesce') ? stream.pipeThrough(coalesceDeltas()) : stream;
  const sse = toUIMessageSseStream(parts, {
    // What the app attaches: when the answer started, and who served it.
    messageMetadata: (event) => (event.type === 'start' ? { createdAt: startedAt } : { model: modelId, outputTokens: event.usage.outputTokens.total }),
  });
  return uiMessageSseResponse(sse, { headers: { 'cache-control': 'no-cache, no-transform' } });
}
