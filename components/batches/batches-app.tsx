'use client';

import { useCallback, useEffect, useState } from 'react';
import { followProgress, getBatch, listBatches, type PageBatch, type PageError } from './batch-api';
import { BatchRow } from './batch-row';
import { UploadForm } from './upload-form';

const running = new Set(['validating', 'in_progress', 'finalizing', 'cancelling']);

/** The /batches page: start a batch, watch each one's progress live, cancel, download results. */
export function BatchesApp() {
  const [batches, setBatches] = useState<PageBatch[]>([]);
  const [error, setError] = useState<PageError | null>(null);
  const replace = useCallback((batch: PageBatch) => setBatches((current) => {
    const rest = current.filter((candidate) => candidate.id !== batch.id);
    return [batch, ...rest].sort((left, right) => right.created_at - left.created_at);
  }), []);

  useEffect(() => {
    listBatches().then(setBatches, setError);
  }, []);

  const activeIds = batches.filter((batch) => running.has(batch.status)).map((batch) => batch.id).join(',');
  useEffect(() => {
    if (activeIds === '') return;
    const controller = new AbortController();
    for (const id of activeIds.split(',')) {
      // Each progress frame refreshes the row; the stream ends with the batch.
      const refresh = () => void getBatch(id).then(replace, () => {});
      followProgress(id, refresh, controller.signal).then(refresh, () => {});
    }
    return () => controller.abort();
  }, [activeIds, replace]);

  return (
    <main className="mx-auto max-w-3xl space-y-6 p-4 sm:p-8">
      <header>
        <h1 className="text-2xl font-semibold">Batches</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Run many chat requests at once: now under the rate limits, or on Groq&apos;s Batch API at half price.</p>
      </header>
      <UploadForm onStarted={replace} />
      {error && <p role="alert" className="text-sm text-red-700 dark:text-red-300">{error.message}</p>}
      <section aria-label="Your batches">
        {batches.length === 0 ? <p className="text-sm text-zinc-500">No batches yet.</p> : (
          <ul className="space-y-3">
            {batches.map((batch) => <BatchRow key={batch.id} batch={batch} onChange={replace} onError={setError} />)}
          </ul>
        )}
      </section>
    </main>
  );
}
