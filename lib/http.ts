import type { z } from 'zod';
import { FlintError, toFlintError } from './errors';
import { readCappedBody } from './read-capped-body';

/** Answers with the JSON error body every Flint API uses; internal errors are logged, not shown. */
export function errorResponse(error: unknown): Response {
  const flintError = toFlintError(error);
  if (flintError.code === 'internal:api') console.error('[flint] internal error', error);
  const wait = flintError.retryAfterSeconds === undefined ? undefined : { 'retry-after': String(flintError.retryAfterSeconds) };
  return Response.json(flintError.toBody(), { status: flintError.status, ...(wait === undefined ? {} : { headers: wait }) });
}

/**
 * Reads a JSON body no larger than `maxBytes` and parses it with `schema`, or throws a 4xx FlintError.
 * Only `application/json` is read: a cross-site HTML form can send `text/plain` without a preflight.
 */
export async function readJson<T extends z.ZodType>(request: Request, schema: T, maxBytes: number): Promise<z.infer<T>> {
  const mediaType = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    throw new FlintError('unsupported_media:api', { message: 'Send the request as JSON, with content-type: application/json.' });
  }
  const text = new TextDecoder().decode(await readCappedBody(request, maxBytes));
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

