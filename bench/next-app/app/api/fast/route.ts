import { toUIMessageSseStream, uiMessageSseResponse } from '@/lib/services/chat-stream';
import { groq, instructions, lastUserText, modelId } from '../../upstream';

/**
 * The fast-path prototype: the provider model's parts mapped straight to UI message SSE bytes
 * (lib/services/chat-stream), skipping streamText, toUIMessageStream and createUIMessageStreamResponse.
 */
export async function POST(request: Request) {
  const body = await request.json();
  const startedAt = Date.now();
  const { stream } = await groq(modelId).doStream({
    prompt: [
      { role: 'system', content: instructions },
      { role: 'user', content: [{ type: 'text', text: lastUserText(body) }] },
    ],
    abortSignal: request.signal,
  });
  const sse = toUIMessageSseStream(stream, {
    // What the app attaches: when the answer started, and who served it.
    messageMetadata: (event) => (event.type === 'start' ? { createdAt: startedAt } : { model: modelId, outputTokens: event.usage.outputTokens.total }),
  });
  return uiMessageSseResponse(sse, { headers: { 'cache-control': 'no-cache, no-transform' } });
}
