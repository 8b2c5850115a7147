import { AllModelsFailedError } from '@/lib/ai/fallback/all-models-failed-error';
import { FlintError } from '@/lib/errors';
import { prepareImages } from '@/lib/chat/prepare-images';
import { chatLimits, chatRequestSchema } from '@/lib/chat/request';
import { errorResponse, readJson } from '@/lib/http';
import { observedRoute } from '@/lib/server/observed-route';
import { requirePageKey } from '@/lib/session/require-page-key';
import { streamChat } from '@/lib/services/chat';
import { uiMessageSseResponse } from '@/lib/services/chat-stream';

/** POST /api/chat: streams the assistant's reply as an AI SDK UI message stream. */
export function POST(request: Request) {
  return observedRoute(request, '/api/chat', async (context) => {
    try {
      // FLINT_REQUIRE_KEY: the session's key, checked before the body is read (401 without one).
      const key = await requirePageKey(request);
      // Images are checked here, at the edge, so a bad attachment is a 4xx before any model is called.
      const body = prepareImages(await readJson(request, chatRequestSchema, chatLimits.bodyBytes));
      const stream = await streamChat(body, request.signal, { runtime: context.runtime, onAttempt: context.onAttempt, onRecord: context.record, key });
      context.firstToken();
      // The chat service's record marks the stream's end: no extra stage per chunk to watch for it.
      context.endsWithRecord();
      // no-transform: gzip on an event stream costs CPU per token and can hold tokens back in the compressor.
      return uiMessageSseResponse(stream, { headers: { 'cache-control': 'no-cache, no-transform' } });
    } catch (error) {
      if (FlintError.isInstance(error)) context.note({ code: error.code });
      const response = errorResponse(error);
      // Only a rate limit carries a provider-given wait; a 503 says nothing about when to come back.
      if (AllModelsFailedError.isInstance(error) && error.code === 'rate_limit:chat' && error.retryAfterMs !== undefined) {
        response.headers.set('retry-after', String(Math.max(1, Math.ceil(error.retryAfterMs / 1000))));
      }
      return response;
    }
  });
}
