import { batchHandlers } from '@/lib/batch/http/app-batch-handlers';

export const dynamic = 'force-dynamic';

/** GET /v1/files/{id}: the file object. */
export const GET = batchHandlers.getFile;
