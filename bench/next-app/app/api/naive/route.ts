import { convertToModelMessages, createUIMessageStreamResponse, streamText, toUIMessageStream, type UIMessage } from 'ai';
import { groq, instructions, modelId } from '../../upstream';

/** The naive route: streamText on the provider and its UI message stream, as the AI SDK's docs write it. */
export async function POST(request: Request) {
  const body = (await request.json()) as { messages: UIMessage[] };
  const result = streamText({
    model: groq(modelId),
    instructions,
    messages: await convertToModelMessages(body.messages),
    abortSignal: request.signal,
    maxRetries: 0,
  });
  // no-transform as the app sends it, so Next compresses none of the compared streams.
  return createUIMessageStreamResponse({ stream: toUIMessageStream({ stream: result.stream }), headers: { 'cache-control': 'no-cache, no-transform' } });
}
