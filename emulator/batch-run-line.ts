import { ApiError } from './api-error.ts';
import type { EmulatorServices } from './call-context.ts';
import { checkChatModel } from './check-chat-model.ts';
import { completionBody } from './completion-body.ts';
import { createEnvelope } from './completion-envelope.ts';
import { createRequestId } from './ids.ts';
import { parseChatRequest } from './parse-chat-request.ts';
import { planReply } from './plan-reply.ts';
import { resolveModel } from './resolve-model.ts';
import { groqStyleId } from './files-store.ts';
import type { BatchLineResult } from './batch-state.ts';
import type { Provider } from './types.ts';

/** Answers one batch line with the same reply code as /chat/completions; failures become error-file lines. */
export function runBatchLine(services: EmulatorServices, provider: Provider, customId: string, body: unknown): BatchLineResult {
  const id = groqStyleId('batch_req');
  const requestId = createRequestId(provider);
  try {
    const chat = parseChatRequest(provider, body);
    if (chat.stream) throw new ApiError({ status: 400, message: 'stream is not supported in batch requests', type: 'invalid_request_error', code: 'invalid_request' });
    const model = resolveModel(services.settings.models, provider, chat.model, 'chat');
    checkChatModel(provider, model, chat);
    const plan = planReply(model, chat);
    const completion = completionBody(createEnvelope(provider, model, requestId), plan, chat.serviceTier);
    return { customId, ok: true, line: { id, custom_id: customId, response: { status_code: 200, request_id: requestId, body: completion }, error: null } };
  } catch (error) {
    const fields = ApiError.isInstance(error) ? error.fields : { status: 500, message: 'Internal Server Error', code: 'internal_server_error' };
    return { customId, ok: false, line: { id, custom_id: customId, response: null, error: { code: fields.code ?? 'invalid_request', message: fields.message } } };
  }
}
