import type { BatchRow } from './batch-queries';
import type { FileRow } from './file-queries';

const seconds = (date: Date | null) => (date ? Math.floor(date.getTime() / 1000) : null);

/** The batch in OpenAI's shape, plus Flint's `flint` block: engine, cost so far and the estimate made before it started. */
export function batchObject(row: BatchRow, progress?: { etaSeconds: number | null }) {
  return {
    id: row.id,
    object: 'batch' as const,
    endpoint: row.endpoint,
    errors: row.errors ? { object: 'list' as const, data: row.errors } : null,
    input_file_id: row.inputFileId,
    completion_window: row.completionWindow,
    status: row.status,
    output_file_id: row.outputFileId,
    error_file_id: row.errorFileId,
    created_at: seconds(row.createdAt) ?? 0,
    in_progress_at: seconds(row.inProgressAt),
    expires_at: seconds(row.expiresAt),
    finalizing_at: seconds(row.finalizingAt),
    completed_at: seconds(row.completedAt),
    failed_at: seconds(row.failedAt),
    expired_at: seconds(row.expiredAt),
    cancelling_at: seconds(row.cancellingAt),
    cancelled_at: seconds(row.cancelledAt),
    request_counts: { total: row.total, completed: row.completed, failed: row.failed },
    metadata: row.metadata,
    flint: { engine: row.engine, cost_usd: row.costUsd, estimated_cost_usd: row.estimatedCostUsd, eta_seconds: progress?.etaSeconds ?? null },
  };
}

/** The file in OpenAI's shape. */
export function fileObject(row: FileRow) {
  return { id: row.id, object: 'file' as const, bytes: row.bytes, created_at: seconds(row.createdAt) ?? 0, filename: row.filename, purpose: row.purpose, status: 'processed' as const };
}
