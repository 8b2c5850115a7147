'use client';

import { cancelBatch, downloadFile, type PageBatch, type PageError } from './batch-api';
import { formatEta } from './format-eta';

const running = new Set(['validating', 'in_progress', 'finalizing', 'cancelling']);

/** One batch: status, a progress bar, counts, cost and time left, with cancel and the result downloads. */
export function BatchRow({ batch, onChange, onError }: { batch: PageBatch; onChange: (batch: PageBatch) => void; onError: (error: PageError) => void }) {
  const { total, completed, failed } = batch.request_counts;
  const percent = total > 0 ? Math.round(((completed + failed) / total) * 100) : 0;
  const name = batch.metadata?.source?.replace(/\.(jsonl|csv)$/i, '') ?? batch.id;
  const download = (id: string, format: 'jsonl' | 'csv', suffix: string) => () => downloadFile(id, format, `${name}-${suffix}`).catch(onError);
  return (
    <li className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800" data-testid="batch-row" data-status={batch.status}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <span className="font-medium">{name}</span>
        <span className="text-sm text-zinc-600 dark:text-zinc-400">
          {batch.status.replace('_', ' ')} · {batch.flint.engine} engine
        </span>
      </div>
      <div className="mt-3 h-2 overflow-hidden rounded bg-zinc-100 dark:bg-zinc-800" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label={`${name} progress`}>
        <div className={`h-full ${failed > 0 ? 'bg-amber-500' : 'bg-emerald-600'}`} style={{ width: `${percent}%` }} />
      </div>
      <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-5">
        <div><dt className="text-zinc-500">Done</dt><dd data-testid="batch-done">{completed + failed} / {total}</dd></div>
        <div><dt className="text-zinc-500">Failed</dt><dd>{failed}</dd></div>
        <div><dt className="text-zinc-500">Cost</dt><dd>${batch.flint.cost_usd.toFixed(4)}</dd></div>
        <div><dt className="text-zinc-500">Estimate</dt><dd>${batch.flint.estimated_cost_usd.toFixed(4)}</dd></div>
        <div><dt className="text-zinc-500">Time left</dt><dd>{running.has(batch.status) ? formatEta(batch.flint.eta_seconds) : '—'}</dd></div>
      </dl>
      <div className="mt-3 flex flex-wrap gap-2 text-sm">
        {(batch.status === 'in_progress' || batch.status === 'validating') && (
          <button type="button" className="rounded border border-zinc-300 px-3 py-1 dark:border-zinc-700" onClick={() => cancelBatch(batch.id).then(onChange, onError)}>Cancel</button>
        )}
        {batch.output_file_id && (
          <>
            <button type="button" className="rounded border border-zinc-300 px-3 py-1 dark:border-zinc-700" onClick={download(batch.output_file_id, 'jsonl', 'results')}>Results JSONL</button>
            <button type="button" className="rounded border border-zinc-300 px-3 py-1 dark:border-zinc-700" onClick={download(batch.output_file_id, 'csv', 'results')}>Results CSV</button>
          </>
        )}
        {batch.error_file_id && (
          <button type="button" className="rounded border border-zinc-300 px-3 py-1 dark:border-zinc-700" onClick={download(batch.error_file_id, 'csv', 'errors')}>Errors CSV</button>
        )}
      </div>
    </li>
  );
}
