import { healthReport } from '@/lib/services/health';
import { runtime } from '@/lib/server/runtime';
import { env } from '@/lib/env';

export const dynamic = 'force-dynamic';

/** GET /api/health: liveness, demo mode, each provider's state and each model's breaker. */
export function GET() {
  const { catalog, health } = runtime();
  const chatModels = catalog.models.map((entry) => ({ provider: entry.provider, id: entry.id }));
  return Response.json(healthReport(env, health.snapshot(chatModels)), { headers: { 'cache-control': 'no-store' } });
}
