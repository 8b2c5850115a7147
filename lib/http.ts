import type { z } from 'zod';
import { FlintError, toFlintError } from './errors';

/** Answers with the JSON error body every Flint API uses; internal errors are logged, not shown. */
export function errorResponse(error: unknown): Response {
  const flintError = toFlintError(error);
  if (flintError.code === 'internal:api') console.error('[flint] internal error', error);
  return Response.json(flintError.toBody(), { status: flintError.status });
}

/** Reads a JSON body no larger than `maxBytes` and parses it with `schema`, or throws a 4xx FlintError. */
export async function readJson<T extends z.ZodType>(request: Request, schema: T, maxBytes: number): Promise<z.infer<T>> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes) throw new FlintError('too_large:api', { message: `The request is larger than ${maxBytes} bytes.` });
  const text = await readText(request, maxBytes);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new FlintError('bad_request:api', { message: 'The request body is not valid JSON.' });
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new FlintError('bad_request:api', { message: `Invalid request${where}: ${issue?.message ?? 'unknown problem'}.` });
  }
  return parsed.data;
}

/** Reads the body as text, stopping as soon as it passes `maxBytes` (content-length can lie or be absent). */
async function readText(request: Request, maxBytes: number): Promise<string> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new FlintError('too_large:api', { message: `The request is larger than ${maxBytes} bytes.` });
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
