import 'server-only';
import { createGroq } from '@ai-sdk/groq';
import { convertToModelMessages, safeValidateUIMessages, streamText, toUIMessageStream, type ToolSet, type UIMessageChunk } from 'ai';
import { env } from '@/lib/env';
import { FlintError } from '@/lib/errors';
import { chatErrorOf } from './chat-error';
import type { ChatRequest } from '@/lib/chat/request';
import type { FlintUIMessage, MessageMetadata } from '@/lib/chat/message';
import { messageMetadataSchema } from '@/lib/chat/message';
import { firstContent } from './first-content';

const instructions =
  'You are Flint, a fast, friendly assistant. Answer clearly and concisely; use Markdown where it helps.';

/**
 * Streams the assistant's reply to a chat as UI message chunks. Resolves only once the reply has
 * started, so a failure before the first token becomes a typed error (and a proper HTTP status).
 */
export async function streamChat(request: ChatRequest, signal: AbortSignal): Promise<ReadableStream<UIMessageChunk>> {
  if (!env.groq.apiKey) throw new FlintError('not_configured:chat');
  const validated = await safeValidateUIMessages<FlintUIMessage>({
    messages: request.messages,
    metadataSchema: messageMetadataSchema,
  });
  if (!validated.success) {
    throw new FlintError('bad_request:api', { message: 'The conversation contains a message Flint cannot read.' });
  }

  const groq = createGroq({ apiKey: env.groq.apiKey, baseURL: env.groq.baseURL });
  const modelId = 'openai/gpt-oss-20b';
  const startedAt = Date.now();
  const result = streamText({
    model: groq(modelId),
    instructions,
    messages: await convertToModelMessages(validated.data),
    abortSignal: signal,
    maxRetries: 0,
  });

  const stream = toUIMessageStream<ToolSet, FlintUIMessage>({
    stream: result.stream,
    sendReasoning: true,
    onError: (error) => JSON.stringify(chatErrorOf(error).toBody().error),
    messageMetadata: ({ part }): MessageMetadata | undefined => {
      if (part.type === 'start') return { createdAt: startedAt };
      if (part.type === 'finish') {
        return {
          model: modelId,
          provider: 'groq',
          inputTokens: part.totalUsage.inputTokens,
          outputTokens: part.totalUsage.outputTokens,
        };
      }
      return undefined;
    },
  });
  return firstContent(stream);
}
