import { env } from '@/lib/env';
import { metricsResponse } from '@/lib/observability/metrics-response';
import { syncBreakerGauges } from '@/lib/server/breaker-gauges';
import { runtime as processRuntime } from '@/lib/server/runtime';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Prometheus scrape endpoint; set METRICS_TOKEN to require `Authorization: Bearer <token>`. */
export function GET(request: Request): Promise<Response> {
  // Breakers also close by time alone (a retry-after runs out): read them at scrape time.
  syncBreakerGauges(processRuntime());
  return metricsResponse(request, env.metricsToken);
}
