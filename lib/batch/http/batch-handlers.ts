import { BatchApiError } from '../batch-api-error';
import { batchLimits } from '../batch-limits';
import type { BatchRuntime } from '../batch-runtime';
import { csvToJsonl } from '../csv-to-jsonl';
import { progressEventStream } from '../progress-event-stream';
import { resultsCsv } from '../results-csv';
import type { BatchCaller } from './authenticate-batch-caller';

/** A route handler with its dynamic segment. */
type Handler = (request: Request, context: { params: Promise<{ id?: string }> }) => Promise<Response>;

function errorResponse(error: unknown): Response {
  if (BatchApiError.isInstance(error)) return Response.json(error.toBody(), { status: error.status });
  console.error('[flint] batch API internal error', error);
  return Response.json({ error: { message: 'Something went wrong on our side.', type: 'server_error', param: null, code: 'internal_error' } }, { status: 500 });
}

async function readJson(request: Request): Promise<Record<string, unknown>> {
  try {
    const body: unknown = await request.json();
    if (typeof body === 'object' && body !== null && !Array.isArray(body)) return body as Record<string, unknown>;
  } catch {
    // Answered below.
  }
  throw new BatchApiError(400, 'invalid_json', 'The request body must be a JSON object.');
}

/** Reads an upload: a JSONL `file`, or a CSV `file` with `template` and `model` fields that Flint turns into JSONL. */
async function readUpload(request: Request): Promise<{ filename: string; purpose: unknown; content: string }> {
  if (Number(request.headers.get('content-length') ?? 0) > batchLimits.maxBytes + 1024 * 1024) throw new BatchApiError(413, 'file_too_large', `A batch file is at most ${batchLimits.maxBytes / 1024 / 1024} MB.`);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new BatchApiError(400, 'invalid_form', 'Send the file as multipart/form-data with fields purpose and file.', { param: 'file' });
  }
  const file = form.get('file');
  if (!(file instanceof Blob)) throw new BatchApiError(400, 'missing_required_parameter', 'The file field is required.', { param: 'file' });
  const filename = file instanceof File ? file.name : 'upload.jsonl';
  const text = await file.text();
  if (!/\.csv$/i.test(filename)) return { filename, purpose: form.get('purpose'), content: text };
  const template = form.get('template');
  const model = form.get('model');
  if (typeof template !== 'string' || typeof model !== 'string' || model === '') throw new BatchApiError(400, 'missing_template', 'A CSV upload needs a template field with {{column}} placeholders and a model field (a model id or a tier).', { param: 'template' });
  const system = form.get('system');
  const maxTokens = Number(form.get('max_tokens'));
  const converted = csvToJsonl(text, { template, model, system: typeof system === 'string' && system !== '' ? system : undefined, maxTokens: Number.isInteger(maxTokens) && maxTokens > 0 ? maxTokens : undefined });
  if (!converted.ok) throw new BatchApiError(400, converted.problems[0]?.code ?? 'invalid_csv', converted.problems[0]?.message ?? 'The CSV could not be read.', { param: 'file', problems: converted.problems });
  return { filename: filename.replace(/\.csv$/i, '.jsonl'), purpose: form.get('purpose'), content: converted.jsonl };
}

/** The batch API's route handlers over a runtime and an authenticator (the app passes the real ones). */
export function createBatchHandlers(deps: { runtime: () => Promise<BatchRuntime>; authenticate: (request: Request) => Promise<BatchCaller> }) {
  const handle = (work: (owner: string, request: Request, id: string) => Promise<Response>): Handler => async (request, context) => {
    try {
      const { owner } = await deps.authenticate(request);
      return await work(owner, request, decodeURIComponent((await context?.params)?.id ?? ''));
    } catch (error) {
      return errorResponse(error);
    }
  };
  const service = async () => (await deps.runtime()).service;

  return {
    createFile: handle(async (owner, request) => Response.json(await (await service()).uploadFile(owner, await readUpload(request)))),
    getFile: handle(async (owner, _request, id) => Response.json(await (await service()).getFile(owner, id))),
    fileContent: handle(async (owner, request, id) => {
      const { filename, content } = await (await service()).fileContent(owner, id);
      if (new URL(request.url).searchParams.get('format') === 'csv') {
        return new Response(resultsCsv(content), { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename.replace(/\.jsonl$/, '')}.csv"` } });
      }
      return new Response(content, { headers: { 'content-type': 'application/jsonl; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"` } });
    }),
    createBatch: handle(async (owner, request) => Response.json(await (await service()).createBatch(owner, await readJson(request)))),
    listBatches: handle(async (owner, request) => {
      const params = new URL(request.url).searchParams;
      return Response.json(await (await service()).listBatches(owner, { limit: Number(params.get('limit') ?? 20) || 20, after: params.get('after') ?? undefined }));
    }),
    getBatch: handle(async (owner, _request, id) => Response.json(await (await service()).getBatch(owner, id))),
    cancelBatch: handle(async (owner, _request, id) => Response.json(await (await service()).cancelBatch(owner, id))),
    /** Flint's addition: progress as server-sent events until the batch ends. */
    batchEvents: handle(async (owner, request, id) => {
      const batches = await service();
      await batches.progress(owner, id);
      const stream = progressEventStream(() => batches.progress(owner, id), { signal: request.signal });
      return new Response(stream, { headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' } });
    }),
  };
}
