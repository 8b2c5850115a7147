import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { HealthRegistry } from '@/lib/ai/health/health';
import { parseRateLimitHeaders } from '@/lib/batch/rate-limit-snapshot';
import type { RunLine } from '@/lib/batch/run-line';
import type { Database } from '@/lib/db/database';
import { gatewayKeys } from '@/lib/db/schema';
import { sharedDatabase } from '@/lib/db/shared-database';
import { chatCompletionRequestSchema } from '@/lib/gateway/chat-completion-request';
import { gatewayErrorOf } from '@/lib/gateway/openai-error';
import { gatewayChat } from './gateway-chat';

/**
 * The batch engine's RunLine on the gateway's chat service: each line runs as its batch owner's key (owner = key id)
 * through Flint's router, fallback chain and the key's budget, lands in the ledger as surface `batch`, and answers with
 * the serving provider's rate-limit headers so the engine paces itself.
 */
export function gatewayBatchLine(dependencies: { database?: Database; health?: HealthRegistry } = {}): RunLine {
  return async (body, context) => {
    const database = dependencies.database ?? (await sharedDatabase());
    const { db } = database;
    const [key] = await db.select().from(gatewayKeys).where(and(eq(gatewayKeys.id, context.owner), isNull(gatewayKeys.revokedAt))).limit(1);
    if (key === undefined) return { ok: false, status: 401, error: { code: 'invalid_api_key', message: 'The key that created this batch is unknown or revoked.' } };
    const parsed = chatCompletionRequestSchema.safeParse({ ...body, stream: false });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, status: 400, error: { code: 'invalid_request', message: `Invalid body${issue ? ` at ${issue.path.join('.') || 'body'}: ${issue.message}` : '.'}` } };
    }
    try {
      const reply = await gatewayChat(parsed.data, { key }, context.signal, { ...dependencies, database, surface: 'batch' });
      const json = 'json' in reply ? (reply.json as Record<string, unknown>) : {};
      return { ok: true, body: json, requestId: typeof json.id === 'string' ? json.id : '', rateLimit: parseRateLimitHeaders(new Headers(reply.headers)) };
    } catch (error) {
      const failure = gatewayErrorOf(error);
      return {
        ok: false,
        status: failure.status,
        error: { code: failure.code, message: failure.message },
        ...(failure.retryAfterSeconds === undefined ? {} : { retryAfterMs: failure.retryAfterSeconds * 1000 }),
      };
    }
  };
}
