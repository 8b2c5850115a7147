import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, errorBody, invalidRequest } from './api-error.ts';
import { checkAuthorization } from './auth.ts';
import { responseHeaders, type CallContext, type EmulatorServices } from './call-context.ts';
import { chatCompletions } from './chat-completions.ts';
import { batchControlRoute } from './batch-control.ts';
import { batchesRoute } from './batch-routes.ts';
import { controlRoute } from './control-routes.ts';
import { filesRoute } from './files-routes.ts';
import { createRequestId } from './ids.ts';
import { listModels } from './list-models.ts';
import { readBody } from './read-body.ts';
import { sendJson } from './send-json.ts';
import { transcriptions } from './transcriptions.ts';
import type { Provider } from './types.ts';

// Chat bodies carry base64 images; leave room above the 4 MB vision limit so that limit answers first.
const chatBodyLimitBytes = 20 * 1024 * 1024;

const prefixes: Array<{ prefix: string; provider: Provider }> = [
  { prefix: '/openai/v1/', provider: 'groq' },
  { prefix: '/v1/', provider: 'openai' },
];

async function readJson(request: IncomingMessage): Promise<unknown> {
  const text = (await readBody(request, chatBodyLimitBytes)).toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    throw invalidRequest("We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The API expects a JSON payload, but what was sent was not valid JSON.)");
  }
}

function unknownUrl(provider: Provider, method: string, path: string): ApiError {
  const message = provider === 'groq'
    ? `Unknown request URL: ${method} ${path}. Please check the URL for typos, or see the docs at https://console.groq.com/docs/`
    : `Invalid URL (${method} ${path})`;
  return new ApiError({ status: 404, message, type: 'invalid_request_error', code: provider === 'groq' ? 'unknown_url' : null });
}

async function dispatch(call: CallContext, route: string, method: string, path: string): Promise<void> {
  checkAuthorization(call.provider, call.request.headers.authorization, call.services.settings.acceptKey);
  if (method === 'POST' && route === 'chat/completions') return chatCompletions(call, await readJson(call.request));
  if (method === 'POST' && route === 'audio/transcriptions') return transcriptions(call);
  if (method === 'GET' && route === 'models') return listModels(call, undefined);
  if (route.startsWith('files') && (await filesRoute(call, route, method))) return;
  if (route.startsWith('batches') && (await batchesRoute(call, route, method))) return;
  if (method === 'GET' && route.startsWith('models/')) return listModels(call, decodeURIComponent(route.slice('models/'.length)));
  throw unknownUrl(call.provider, method, path);
}

/** Creates the request handler: provider routes under /openai/v1 (Groq) and /v1 (OpenAI), control routes under /_emulator. */
export function createRouter(services: EmulatorServices): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    const method = request.method ?? 'GET';
    const path = new URL(request.url ?? '/', 'http://emulator').pathname;
    if (path === '/_emulator' || path.startsWith('/_emulator/')) {
      const control = path.startsWith('/_emulator/batches') ? batchControlRoute : controlRoute;
      control(services, request, response, path).catch((error: unknown) => {
        sendJson(response, 400, { error: { message: error instanceof Error ? error.message : String(error) } });
      });
      return;
    }
    const match = prefixes.find(({ prefix }) => path.startsWith(prefix));
    if (!match) {
      sendJson(response, 404, { error: { message: `Unknown path ${path}: Groq lives under /openai/v1, OpenAI under /v1`, type: 'invalid_request_error' } });
      return;
    }
    const requestId = createRequestId(match.provider);
    // A hash, never the key itself: tests can prove which key arrived without the log holding secrets.
    const authorization = request.headers.authorization;
    const authorizationSha256 = authorization === undefined ? undefined : createHash('sha256').update(authorization).digest('hex');
    const log = services.requestLog.record(
      { provider: match.provider, method, path, stream: false, status: 0, time: new Date().toISOString(), ...(authorizationSha256 ? { authorizationSha256 } : {}) },
      response,
    );
    const call: CallContext = { provider: match.provider, request, response, requestId, log, services };
    dispatch(call, path.slice(match.prefix.length), method, path).catch((error: unknown) => {
      // Drain what is left of an upload so the client reads the error instead of a reset.
      request.resume();
      if (ApiError.isInstance(error)) {
        sendJson(response, error.fields.status, errorBody(call.provider, error.fields), { ...responseHeaders(call), ...error.headers });
        return;
      }
      console.error('emulator: unexpected error', error);
      const fields = { status: 500, message: 'Internal Server Error', type: 'internal_server_error' };
      sendJson(response, 500, errorBody(call.provider, fields), responseHeaders(call));
    });
  };
}
