import { convertToModelMessages, safeValidateUIMessages, wrapLanguageModel, type UIMessage } from 'ai';
import { createCatalog } from '@/lib/ai/catalog/catalog';
import { eventLoopBusyMs } from '@/lib/ai/fallback/event-loop-busy';
import { createFallbackModel } from '@/lib/ai/fallback/fallback-model';
import { createFallbackTrace } from '@/lib/ai/fallback/fallback-trace';
import { createHealthRegistry } from '@/lib/ai/health/health';
import { coalesceDeltasMiddleware } from '@/lib/ai/middleware/coalesce-deltas';
import { createProviders } from '@/lib/ai/providers';
import { routeRequest } from '@/lib/ai/routing/router';
import { calculator } from '@/lib/ai/tools/calculator';
import { createCurrentTime } from '@/lib/ai/tools/current-time';
import { streamChatSteps, uiMessageSseResponse } from '@/lib/services/chat-stream';
import { groqBaseURL, instructions } from '../../upstream';

const catalog = createCatalog();
const providers = createProviders({ groq: { apiKey: 'gsk_bench', baseURL: groqBaseURL }, openai: { baseURL: 'http://127.0.0.1:9/v1' } });
const health = createHealthRegistry();
const tools = { calculator, currentTime: createCurrentTime() };

/**
 * streamChatSteps behind the real chain, as lib/services/chat.ts would run it after the switch: the
 * UI messages validated and converted, the router's speed-tier candidates in createFallbackModel
 * (health, first-token deadline, busy clock), the delta coalescer, tools offered (not called by
 * this prompt) with a 5-step cap, and the badge's metadata from the trace.
 */
export async function POST(request: Request) {
  const startedAt = Date.now();
  const body = (await request.json()) as { messages: UIMessage[] };
  const validated = await safeValidateUIMessages({ messages: body.messages });
  if (!validated.success) return new Response('bad request', { status: 400 });
  const trace = createFallbackTrace();
  const candidates = routeRequest({ tier: 'speed', hasImages: false, needsTools: true, needsJson: false, estimatedPromptTokens: 20 }, catalog, providers.configured);
  const chain = createFallbackModel({
    candidates: candidates.map((entry) => ({ entry, model: providers.languageModel(entry) })),
    health,
    firstTokenTimeoutMs: 1500,
    totalTimeoutMs: 180_000,
    trace,
    busyClock: eventLoopBusyMs,
  });
  const model = wrapLanguageModel({ model: chain, middleware: coalesceDeltasMiddleware() });
  try {
    const sse = await streamChatSteps({
      model,
      prompt: { instructions, messages: await convertToModelMessages(validated.data) },
      tools,
      maxSteps: 5,
      abortSignal: request.signal,
      onError: () => '{"code":"unavailable:chat"}',
      messageMetadata: (event) =>
        event.type === 'start'
          ? { createdAt: startedAt }
          : { model: trace.servedBy?.label, attempts: trace.attempts.length, outputTokens: event.usage.outputTokens, steps: event.steps },
    });
    return uiMessageSseResponse(sse, { headers: { 'cache-control': 'no-cache, no-transform' } });
  } catch {
    return Response.json({ error: { code: 'unavailable:chat' } }, { status: 503 });
  }
}
