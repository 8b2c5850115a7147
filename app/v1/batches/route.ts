import { batchHandlers } from '@/lib/batch/http/app-batch-handlers';

export const dynamic = 'force-dynamic';

/** POST /v1/batches: create a batch; GET /v1/batches: list them, newest first, cursor paged. */
export const POST = batchHandlers.createBatch;
export const GET = batchHandlers.listBatches;
