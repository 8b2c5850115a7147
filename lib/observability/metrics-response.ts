import { FlintError } from '@/lib/errors';
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
      const refused = new FlintError('unauthorized:metrics', { retryable: false });
      return Response.json(refused.toBody(), {
        status: refused.status, headers: { 'www-authenticate': 'Bearer realm="flint-metrics"' },
      });
    }
  }
  const { registry } = metrics();
  return new Response(await registry.metrics(), {
    status: 200,
    headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' },
  });
}
