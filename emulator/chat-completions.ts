import { applyFault, responseHeaders, type CallContext, type StreamFault } from './call-context.ts';
import { chatFrames, doneFrame, errorFrames, type Frame } from './chat-frames.ts';
import { messageText } from './chat-request.ts';
import { checkChatModel } from './check-chat-model.ts';
import { completionBody } from './completion-body.ts';
import { createEnvelope, type CompletionEnvelope } from './completion-envelope.ts';
import { applyGenerationFault, isGenerationFault } from './generation-faults.ts';
import { parseChatRequest } from './parse-chat-request.ts';
import { planReply } from './plan-reply.ts';
import { resolveModel } from './resolve-model.ts';
import { sendJson } from './send-json.ts';
import type { EmulatedModel } from './types.ts';
import { waitUnlessClosed } from './wait.ts';

const defaultStreamError = { message: 'The server had an error while processing your request. Please try again.', type: 'internal_server_error', code: 'internal_server_error' };

function tokensPerSecond(model: EmulatedModel, speed: number): number {
  // speed 0 or Infinity means "as fast as possible".
  if (!(speed > 0) || !Number.isFinite(speed)) return Infinity;
  return (model.tokensPerSecond ?? 500) * speed;
}

function* faultedFrames(envelope: CompletionEnvelope, frames: Generator<Frame>, fault: StreamFault | undefined): Generator<Frame> {
  if (fault?.kind !== 'drop' && fault?.kind !== 'error-frame') {
    yield* frames;
    yield doneFrame;
    return;
  }
  let sent = 0;
  for (const frame of frames) {
    if (sent >= (fault.afterChunks ?? 3)) break;
    yield frame;
    sent += 1;
  }
  if (fault.kind === 'error-frame') {
    yield* errorFrames(envelope, { message: fault.message ?? defaultStreamError.message, type: fault.type ?? defaultStreamError.type, code: fault.code ?? defaultStreamError.code });
  }
}

/** POST /chat/completions: validates like the provider, then answers in full or as a paced SSE stream. */
export async function chatCompletions(call: CallContext, body: unknown): Promise<void> {
  const { provider, response, services } = call;
  const requestedModel = typeof body === 'object' && body !== null && 'model' in body ? body.model : undefined;
  if (typeof requestedModel === 'string') call.log.model = requestedModel;
  call.log.stream = typeof body === 'object' && body !== null && 'stream' in body && body.stream === true;
  const chat = parseChatRequest(provider, body);
  call.log.images = chat.messages.flatMap((message) => message.parts.flatMap((part) =>
    part.type === 'image_url' ? [{ mediaType: /^data:([^;,]+)/.exec(part.url)?.[1] ?? 'url', urlLength: part.url.length }] : []));
  const format = chat.responseFormat;
  call.log.responseFormat = format.type === 'json_schema' && format.strict ? 'json_schema:strict' : format.type;
  call.log.tools = [...chat.tools.map((tool) => tool.name), ...chat.serverTools];
  call.log.toolResults = chat.messages.filter((message) => message.role === 'tool').length;
  const lastUser = chat.messages.findLast((message) => message.role === 'user');
  call.log.lastUserText = lastUser ? messageText(lastUser).slice(0, 300) : undefined;
  const fault = await applyFault(call, { model: chat.model, endpoint: 'chat', toolResults: call.log.toolResults });
  if (fault === false) return;
  const model = resolveModel(services.settings.models, provider, chat.model, 'chat');
  call.model = model;
  checkChatModel(provider, model, chat);
  const planned = planReply(model, chat);
  const plan = fault && isGenerationFault(fault.kind) ? applyGenerationFault(fault.kind, chat, planned) : planned;
  services.rateLimits.charge(provider, model, plan.promptTokens + plan.completionTokens);
  call.log.usage = { promptTokens: plan.promptTokens, completionTokens: plan.completionTokens };
  const envelope = createEnvelope(provider, model, call.requestId);
  const rate = tokensPerSecond(model, services.settings.speed);
  const frameDelayMs = fault?.kind === 'slow' ? fault.ms ?? 1000 : 0;

  if (!chat.stream) {
    const generationMs = Number.isFinite(rate) ? (plan.completionTokens / rate) * 1000 : 0;
    if (!(await waitUnlessClosed(response, generationMs + frameDelayMs * plan.completionTokens))) return;
    const bodyJson = completionBody(envelope, plan, chat.serviceTier);
    if (fault?.kind === 'drop' || fault?.kind === 'error-frame') {
      // A non-streamed answer cannot carry an error frame, so both faults cut the body in half.
      const text = JSON.stringify(bodyJson);
      response.writeHead(200, { ...responseHeaders(call), 'content-type': 'application/json' });
      response.write(text.slice(0, Math.floor(text.length / 2)));
      response.socket?.end();
      return;
    }
    sendJson(response, 200, bodyJson, responseHeaders(call));
    return;
  }

  response.writeHead(200, {
    ...responseHeaders(call),
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  services.pacer.start({
    response,
    frames: faultedFrames(envelope, chatFrames(envelope, plan, chat.includeUsage), fault),
    tokensPerSecond: rate,
    frameDelayMs,
    ending: fault?.kind === 'drop' ? 'destroy' : 'end',
  });
}
