import { ApiError, invalidRequest } from './api-error.ts';
import { responseHeaders, type CallContext } from './call-context.ts';
import { batchObject, isFinished, stepBatch } from './batch-lifecycle.ts';
import { batchNow, batchState, type EmulatedBatch } from './batch-state.ts';
import { groqStyleId } from './files-store.ts';
import { readBody } from './read-body.ts';
import { sendJson } from './send-json.ts';

const endpoints = new Set(['/v1/chat/completions']);

function batchNotFound(id: string): ApiError {
  return new ApiError({ status: 404, message: `No batch found with id '${id}'`, type: 'invalid_request_error', code: 'not_found', param: 'batch_id' });
}

/** Seconds in a completion window such as `24h` or `7d`; Groq accepts 24 hours to 7 days. */
function windowSeconds(window: unknown): number | undefined {
  const match = typeof window === 'string' ? /^(\d+)(h|d)$/.exec(window) : null;
  if (!match) return undefined;
  const hours = Number(match[1]) * (match[2] === 'd' ? 24 : 1);
  return hours >= 24 && hours <= 168 ? hours * 3600 : undefined;
}

async function createBatch(call: CallContext): Promise<void> {
  const text = (await readBody(call.request, 1024 * 1024)).toString('utf8');
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw invalidRequest('We could not parse the JSON body of your request.');
  }
  const state = batchState(call.services);
  if (typeof body.input_file_id !== 'string') throw invalidRequest("'input_file_id' : property 'input_file_id' is missing", 'input_file_id');
  const input = state.files.get(body.input_file_id);
  if (!input || input.purpose !== 'batch') throw new ApiError({ status: 400, message: `input file '${body.input_file_id}' not found or not a batch file`, type: 'invalid_request_error', code: 'invalid_input_file', param: 'input_file_id' });
  if (typeof body.endpoint !== 'string' || !endpoints.has(body.endpoint)) throw invalidRequest(`'endpoint' : value must be one of [/v1/chat/completions]`, 'endpoint');
  const seconds = windowSeconds(body.completion_window);
  if (seconds === undefined) throw invalidRequest("'completion_window' : value must be between 24h and 7d", 'completion_window');
  const now = batchNow(state);
  const batch: EmulatedBatch = {
    id: groqStyleId('batch'),
    provider: call.provider,
    endpoint: body.endpoint,
    inputFileId: input.id,
    completionWindow: String(body.completion_window),
    metadata: typeof body.metadata === 'object' && body.metadata !== null ? body.metadata as Record<string, string> : null,
    status: 'validating',
    createdAt: now,
    expiresAt: now + seconds,
    times: {},
    lines: [],
    results: [],
    errors: null,
    outputFileId: null,
    errorFileId: null,
  };
  state.batches.set(batch.id, batch);
  sendJson(call.response, 200, batchObject(batch), responseHeaders(call));
}

function listBatches(call: CallContext): void {
  const params = new URL(call.request.url ?? '/', 'http://emulator').searchParams;
  const limit = Math.min(100, Math.max(1, Number(params.get('limit') ?? 20) || 20));
  const after = params.get('after');
  // Newest first, as the providers list them.
  const all = [...batchState(call.services).batches.values()].reverse();
  const start = after ? all.findIndex((batch) => batch.id === after) + 1 : 0;
  const page = all.slice(start, start + limit);
  sendJson(call.response, 200, {
    object: 'list',
    data: page.map(batchObject),
    first_id: page[0]?.id ?? null,
    last_id: page.at(-1)?.id ?? null,
    has_more: start + limit < all.length,
  }, responseHeaders(call));
}

/** The Batch API under /batches: create, retrieve (which may move the batch a step), list with cursor paging, cancel. */
export async function batchesRoute(call: CallContext, route: string, method: string): Promise<boolean> {
  if (route === 'batches' && method === 'POST') {
    await createBatch(call);
    return true;
  }
  if (route === 'batches' && method === 'GET') {
    listBatches(call);
    return true;
  }
  const match = /^batches\/([^/]+)(\/cancel)?$/.exec(route);
  if (!match) return false;
  const state = batchState(call.services);
  const id = decodeURIComponent(match[1] ?? '');
  const batch = state.batches.get(id);
  if (match[2] && method === 'POST') {
    if (!batch) throw batchNotFound(id);
    if (isFinished(batch)) throw new ApiError({ status: 409, message: `Cannot cancel a batch with status '${batch.status}'.`, type: 'invalid_request_error', code: 'batch_not_cancellable' });
    if (batch.status !== 'cancelling') {
      batch.status = 'cancelling';
      batch.times.cancelling_at = batchNow(state);
    }
    sendJson(call.response, 200, batchObject(batch), responseHeaders(call));
    return true;
  }
  if (match[2] || method !== 'GET') return false;
  if (!batch) throw batchNotFound(id);
  if (state.advanceOnRetrieve) stepBatch(call.services, batch);
  sendJson(call.response, 200, batchObject(batch), responseHeaders(call));
  return true;
}
