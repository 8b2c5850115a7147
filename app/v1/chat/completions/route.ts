import { chatCompletionRequestSchema } from '@/lib/gateway/chat-completion-request';
import { gatewayErrorResponse } from '@/lib/gateway/openai-error';
import { replyResponse } from '@/lib/gateway/reply-response';
import { readJson } from '@/lib/http';
import { gatewayCaller, gatewayChat } from '@/lib/services/gateway-chat';

// Four megabytes of base64 images plus the conversation around them.
const maxBodyBytes = 8 * 1024 * 1024;

/** POST /v1/chat/completions (also /openai/v1/...): OpenAI's chat completions over Flint's router and fallback chain. */
export async function POST(request: Request) {
  try {
    const caller = await gatewayCaller(request.headers);
    const body = await readJson(request, chatCompletionRequestSchema, maxBodyBytes);
    return replyResponse(await gatewayChat(body, caller, request.signal));
  } catch (error) {
    return gatewayErrorResponse(error);
  }
}
