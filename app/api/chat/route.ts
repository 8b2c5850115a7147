import { createUIMessageStreamResponse } from 'ai';
import { chatLimits, chatRequestSchema } from '@/lib/chat/request';
import { errorResponse, readJson } from '@/lib/http';
import { streamChat } from '@/lib/services/chat';

/** POST /api/chat: streams the assistant's reply as an AI SDK UI message stream. */
export async function POST(request: Request) {
  try {
    const body = await readJson(request, chatRequestSchema, chatLimits.bodyBytes);
    const stream = await streamChat(body, request.signal);
    return createUIMessageStreamResponse({ stream });
  } catch (error) {
    return errorResponse(error);
  }
}
