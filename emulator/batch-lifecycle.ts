import type { EmulatorServices } from './call-context.ts';
import { batchNow, batchState, type BatchState, type EmulatedBatch } from './batch-state.ts';
import { runBatchLine } from './batch-run-line.ts';
import { validateBatchInput } from './batch-validate.ts';

const finished = new Set(['failed', 'completed', 'expired', 'cancelled']);

/** Whether a batch has reached a final status. */
export function isFinished(batch: EmulatedBatch): boolean {
  return finished.has(batch.status);
}

function writeFiles(state: BatchState, batch: EmulatedBatch, extraErrors: EmulatedBatch['results'] = []): void {
  const ok = batch.results.filter((result) => result.ok);
  const failed = [...batch.results.filter((result) => !result.ok), ...extraErrors];
  const jsonl = (results: EmulatedBatch['results']) => Buffer.from(results.map((result) => JSON.stringify(result.line)).join('\n') + '\n');
  const createdAt = batchNow(state);
  if (ok.length > 0) batch.outputFileId = state.files.add({ filename: `batch_${batch.id}_output.jsonl`, purpose: 'batch_output', bytes: jsonl(ok), createdAt }).id;
  if (failed.length > 0) batch.errorFileId = state.files.add({ filename: `batch_${batch.id}_error.jsonl`, purpose: 'batch_output', bytes: jsonl(failed), createdAt }).id;
}

function expireIfDue(state: BatchState, batch: EmulatedBatch): boolean {
  const now = batchNow(state);
  if (isFinished(batch) || batch.status === 'cancelling' || now < batch.expiresAt) return false;
  const done = new Set(batch.results.map((result) => result.customId));
  // Lines never run are reported in the error file; only completed lines are charged.
  const expired = batch.lines.filter((line) => !done.has(line.customId)).map((line) => ({
    customId: line.customId,
    ok: false,
    line: { id: null, custom_id: line.customId, response: null, error: { code: 'batch_expired', message: 'This request could not be executed before the completion window expired.' } },
  }));
  batch.status = 'expired';
  batch.times.expired_at = now;
  writeFiles(state, batch, expired);
  return true;
}

/** Moves one batch a single step along validating -> in_progress -> finalizing -> completed (or cancelling -> cancelled, expiry). */
export function stepBatch(services: EmulatorServices, batch: EmulatedBatch): void {
  const state = batchState(services);
  if (expireIfDue(state, batch)) return;
  const now = batchNow(state);
  switch (batch.status) {
    case 'validating': {
      const input = state.files.get(batch.inputFileId);
      const { lines, errors } = validateBatchInput(input?.bytes.toString('utf8') ?? '', batch.endpoint);
      if (errors.length > 0) {
        batch.status = 'failed';
        batch.times.failed_at = now;
        batch.errors = errors;
        return;
      }
      batch.lines = lines;
      batch.status = 'in_progress';
      batch.times.in_progress_at = now;
      return;
    }
    case 'in_progress': {
      const todo = batch.lines.slice(batch.results.length, batch.results.length + state.linesPerStep);
      for (const line of todo) batch.results.push(runBatchLine(services, batch.provider, line.customId, line.body));
      if (batch.results.length >= batch.lines.length) {
        batch.status = 'finalizing';
        batch.times.finalizing_at = now;
      }
      return;
    }
    case 'finalizing':
      writeFiles(state, batch);
      batch.status = 'completed';
      batch.times.completed_at = now;
      return;
    case 'cancelling':
      writeFiles(state, batch);
      batch.status = 'cancelled';
      batch.times.cancelled_at = now;
      return;
    default:
      return;
  }
}

/** The batch object as the providers answer it. */
export function batchObject(batch: EmulatedBatch): Record<string, unknown> {
  const completed = batch.results.filter((result) => result.ok).length;
  const failed = batch.results.length - completed + (batch.status === 'expired' ? batch.lines.length - batch.results.length : 0);
  return {
    id: batch.id,
    object: 'batch',
    endpoint: batch.endpoint,
    errors: batch.errors ? { object: 'list', data: batch.errors } : null,
    input_file_id: batch.inputFileId,
    completion_window: batch.completionWindow,
    status: batch.status,
    output_file_id: batch.outputFileId,
    error_file_id: batch.errorFileId,
    created_at: batch.createdAt,
    in_progress_at: batch.times.in_progress_at ?? null,
    expires_at: batch.expiresAt,
    finalizing_at: batch.times.finalizing_at ?? null,
    completed_at: batch.times.completed_at ?? null,
    failed_at: batch.times.failed_at ?? null,
    expired_at: batch.times.expired_at ?? null,
    cancelling_at: batch.times.cancelling_at ?? null,
    cancelled_at: batch.times.cancelled_at ?? null,
    request_counts: { total: batch.lines.length, completed, failed },
    metadata: batch.metadata,
  };
}
