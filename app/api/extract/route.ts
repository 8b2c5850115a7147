import { FlintError } from '@/lib/errors';
import { errorResponse, readJson } from '@/lib/http';
import { observedRoute } from '@/lib/server/observed-route';
import { requirePageKey } from '@/lib/session/require-page-key';
import { extractObject } from '@/lib/services/extract';
import { extractLimits, extractRequestSchema, toExtractInput } from '@/lib/services/extract-request';

/** POST /api/extract: `{ text | image, schema }` in, `{ object, model, attempts, usage, costUsd }` out. */
export function POST(request: Request) {
  return observedRoute(request, '/api/extract', async (context) => {
    try {
      // FLINT_REQUIRE_KEY: only a signed-in page may extract (401 before the body is read).
      await requirePageKey(request);
      const type = request.headers.get('content-type') ?? '';
      if (!/^application\/json\b/i.test(type)) {
        throw new FlintError('unsupported_media:api', { message: 'Send the request as application/json.' });
      }
      const input = toExtractInput(await readJson(request, extractRequestSchema, extractLimits.bodyBytes));
      const result = await extractObject(input, request.signal, { runtime: context.runtime, onAttempt: context.onAttempt });
      context.note({
        servedBy: `${result.provider}/${result.model}`, costUsd: result.costUsd,
        tokens: { input: result.usage.inputTokens, output: result.usage.outputTokens }, ...(result.fromCache ? { fromCache: true } : {}),
      });
      return Response.json(result);
    } catch (error) {
      if (request.signal.aborted) return new Response(null, { status: 499 });
      if (FlintError.isInstance(error)) context.note({ code: error.code });
      return errorResponse(error);
    }
  });
}
