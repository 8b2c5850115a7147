import { batchHandlers } from '@/lib/batch/http/app-batch-handlers';

export const dynamic = 'force-dynamic';

/** POST /v1/files: upload a batch input file (JSONL, or CSV with template and model). */
export const POST = batchHandlers.createFile;
