import { batchHandlers } from '@/lib/batch/http/app-batch-handlers';

export const dynamic = 'force-dynamic';

/** GET /v1/batches/{id}/events: progress as server-sent events (Flint's addition). */
export const GET = batchHandlers.batchEvents;
