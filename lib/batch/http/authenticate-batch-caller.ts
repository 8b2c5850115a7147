import { env } from '../../env';
import { BatchApiError } from '../batch-api-error';

/** Who is calling the batch API: files and batches belong to this owner. */
export type BatchCaller = { owner: string };

/**
 * THE SEAM FOR GATEWAY KEYS (to be wired by the lead to lib/gateway's key check, with the key id as `owner`).
 * For now: in demo mode any `Authorization: Bearer <anything>` is accepted as the shared `demo` owner; outside demo
 * mode every call is refused, so nothing is open by accident.
 */
export async function authenticateBatchCaller(request: Request, demo = env.demo): Promise<BatchCaller> {
  const key = /^Bearer\s+(.+)$/i.exec(request.headers.get('authorization') ?? '')?.[1]?.trim();
  if (!key) throw new BatchApiError(401, 'invalid_api_key', 'Send an API key as Authorization: Bearer <key>.');
  if (!demo) throw new BatchApiError(401, 'invalid_api_key', 'Batch API keys are not enabled on this server yet.');
  return { owner: 'demo' };
}
