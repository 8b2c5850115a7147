import { healthReport } from '@/lib/services/health';
import { runtime } from '@/lib/server/runtime';
import { env } from '@/lib/env';

export const dynamic = 'force-dynamic';

/** GET /api/health: liveness, demo mode, each provider's state, each model's breaker and its last reported rate-limit budget. */
export function GET() {
  const { catalog, health, budgets } = runtime();
  const chatModels = catalog.models.map((entry) => ({ provider: entry.provider, id: entry.id }));
  return Response.json(healthReport(env, health.snapshot(chatModels), budgets.snapshot()), { headers: { 'cache-control': 'no-store' } });
}
