import { timingSafeEqual } from 'node:crypto';
import { metrics } from './metrics';

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The Prometheus text exposition, behind `Authorization: Bearer <token>` when a token is configured. */
export async function metricsResponse(request: Request, token: string | undefined): Promise<Response> {
  if (token !== undefined) {
    const given = request.headers.get('authorization')?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim() ?? '';
    if (!sameSecret(given, token)) {
      return Response.json(
        { error: { code: 'unauthorized:metrics', message: 'A valid metrics token is required.', retryable: false } },
        { status: 401, headers: { 'www-authenticate': 'Bearer realm="flint-metrics"' } },
      );
    }
  }
  const { registry } = metrics();
  return new Response(await registry.metrics(), {
    status: 200,
    headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' },
  });
}
