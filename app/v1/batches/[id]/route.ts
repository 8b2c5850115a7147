import { batchHandlers } from '@/lib/batch/http/app-batch-handlers';

export const dynamic = 'force-dynamic';

/** GET /v1/batches/{id}: the batch with counts, cost and time left. */
export const GET = batchHandlers.getBatch;
