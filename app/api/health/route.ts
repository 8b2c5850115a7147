import { healthReport } from '@/lib/services/health';

export const dynamic = 'force-dynamic';

/** GET /api/health: liveness, demo mode and each provider's configured state (never a key). */
export function GET() {
  return Response.json(healthReport(), { headers: { 'cache-control': 'no-store' } });
}
