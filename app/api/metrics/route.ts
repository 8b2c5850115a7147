import { env } from '@/lib/env';
import { metricsResponse } from '@/lib/observability/metrics-response';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Prometheus scrape endpoint; set METRICS_TOKEN to require `Authorization: Bearer <token>`. */
export function GET(request: Request): Promise<Response> {
  return metricsResponse(request, env.metricsToken);
}
