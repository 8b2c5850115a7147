import { ApiError, invalidRequest } from './api-error.ts';
import { responseHeaders, type CallContext } from './call-context.ts';
import { batchNow, batchState } from './batch-state.ts';
import { fileObject } from './files-store.ts';
import { readBody, tooLarge } from './read-body.ts';
import { sendJson } from './send-json.ts';

// Groq accepts batch files up to 200 MB (PROVIDERS.md).
const fileLimitBytes = 200 * 1024 * 1024;

function fileNotFound(id: string): ApiError {
  return new ApiError({ status: 404, message: `No such File object: ${id}`, type: 'invalid_request_error', code: 'not_found', param: 'id' });
}

async function createFile(call: CallContext): Promise<void> {
  const contentType = call.request.headers['content-type'] ?? '';
  if (!contentType.startsWith('multipart/form-data')) throw invalidRequest('Content-Type must be multipart/form-data', 'file');
  const body = await readBody(call.request, fileLimitBytes + 1024 * 1024);
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw invalidRequest('could not parse multipart form', 'file');
  }
  const purpose = form.get('purpose');
  if (purpose !== 'batch') throw invalidRequest(`'purpose' : value must be 'batch'`, 'purpose');
  const file = form.get('file');
  if (!(file instanceof File)) throw invalidRequest("'file' : property 'file' is missing", 'file');
  if (file.size > fileLimitBytes) throw tooLarge(fileLimitBytes);
  if (!file.name.endsWith('.jsonl')) throw invalidRequest('file must be a .jsonl file', 'file');
  if (file.size === 0) throw invalidRequest('file is empty', 'file');
  const state = batchState(call.services);
  const stored = state.files.add({ filename: file.name, purpose: 'batch', bytes: Buffer.from(await file.arrayBuffer()), createdAt: batchNow(state) });
  sendJson(call.response, 200, fileObject(stored), responseHeaders(call));
}

/** The Files API under /files: upload (purpose=batch), metadata and content. */
export async function filesRoute(call: CallContext, route: string, method: string): Promise<boolean> {
  if (route === 'files' && method === 'POST') {
    await createFile(call);
    return true;
  }
  const match = /^files\/([^/]+)(\/content)?$/.exec(route);
  if (!match || method !== 'GET') return false;
  const id = decodeURIComponent(match[1] ?? '');
  const file = batchState(call.services).files.get(id);
  if (!file) throw fileNotFound(id);
  if (!match[2]) {
    sendJson(call.response, 200, fileObject(file), responseHeaders(call));
    return true;
  }
  call.response.writeHead(200, { ...responseHeaders(call), 'content-type': 'application/octet-stream', 'content-length': file.bytes.length });
  call.response.end(file.bytes);
  return true;
}
