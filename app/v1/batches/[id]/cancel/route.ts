import { batchHandlers } from '@/lib/batch/http/app-batch-handlers';

export const dynamic = 'force-dynamic';

/** POST /v1/batches/{id}/cancel: no new line starts; the batch ends cancelled. */
export const POST = batchHandlers.cancelBatch;
