import { batchHandlers } from '@/lib/batch/http/app-batch-handlers';

export const dynamic = 'force-dynamic';

/** GET /v1/files/{id}/content: the file's JSONL (or CSV with ?format=csv). */
export const GET = batchHandlers.fileContent;
