import { FlintError } from '@/lib/errors';
import { errorResponse, readJson } from '@/lib/http';
import { extractObject } from '@/lib/services/extract';
import { ExtractError } from '@/lib/services/extract-error';
import { extractLimits, extractRequestSchema, toExtractInput } from '@/lib/services/extract-request';

/** POST /api/extract: `{ text | image, schema }` in, `{ object, model, attempts, usage, costUsd }` out. */
export async function POST(request: Request) {
  try {
    const type = request.headers.get('content-type') ?? '';
    if (!/^application\/json\b/i.test(type)) {
      throw new FlintError('unsupported_media:api', { message: 'Send the request as application/json.' });
    }
    const input = toExtractInput(await readJson(request, extractRequestSchema, extractLimits.bodyBytes));
    return Response.json(await extractObject(input, request.signal));
  } catch (error) {
    if (request.signal.aborted) return new Response(null, { status: 499 });
    // Extraction's own codes are not in lib/errors.ts yet, so they are answered here in the same shape.
    if (ExtractError.isInstance(error)) return Response.json(error.toBody(), { status: error.status });
    return errorResponse(error);
  }
}
