import 'server-only';
import { sharedDatabase } from '@/lib/db/shared-database';
import { env } from '@/lib/env';
import { gatewayErrorOf } from '@/lib/gateway/openai-error';
import { gatewayCaller } from '@/lib/services/gateway-chat';
import { BatchApiError } from '../batch-api-error';
import { demoBatchOwner } from './demo-batch-owner';

/** Who is calling the batch API: files and batches belong to this owner (a gateway key's id). */
export type BatchCaller = { owner: string };

/**
 * The gateway's key check: a `flk_` key in `Authorization: Bearer` or `X-API-Key`, the owner being the key's id; 401 in
 * OpenAI's shape otherwise. In demo mode a call without a Flint key (the /batches page) is the demo key's.
 */
export async function authenticateBatchCaller(request: Request, demo = env.demo): Promise<BatchCaller> {
  const headers = request.headers;
  const sentKey = (headers.get('x-api-key') ?? '').trim() !== '' || /^Bearer\s+flk_/i.test(headers.get('authorization') ?? '');
  if (demo && !sentKey) return { owner: await demoBatchOwner((await sharedDatabase()).db) };
  try {
    return { owner: (await gatewayCaller(headers)).key.id };
  } catch (error) {
    const failure = gatewayErrorOf(error);
    throw new BatchApiError(failure.status, failure.code, failure.message);
  }
}
