'use client';

import { useState, type FormEvent } from 'react';
import { startBatch, type PageBatch, type PageError } from './batch-api';

const fieldClass = 'w-full rounded border border-zinc-300 bg-transparent px-3 py-2 dark:border-zinc-700';

/** Upload a JSONL batch file, or a CSV with a prompt template and a model or tier; refused files list their bad lines. */
export function UploadForm({ onStarted }: { onStarted: (batch: PageBatch) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [template, setTemplate] = useState('Summarise in one sentence: {{text}}');
  const [model, setModel] = useState('speed');
  const [engine, setEngine] = useState('auto');
  const [error, setError] = useState<PageError | null>(null);
  const [busy, setBusy] = useState(false);
  const isCsv = file?.name.toLowerCase().endsWith('.csv') ?? false;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      onStarted(await startBatch({ file, engine, ...(isCsv ? { template, model } : {}) }));
    } catch (caught) {
      setError(caught as PageError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800" aria-label="New batch">
      <label className="block text-sm font-medium">
        File (.jsonl lines of chat requests, or .csv with a header row)
        <input type="file" accept=".jsonl,.csv" className={`${fieldClass} mt-1`} data-testid="batch-file" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
      </label>
      {isCsv && (
        <>
          <label className="block text-sm font-medium">
            Prompt template ({'{{column}}'} is replaced by that column of each row)
            <textarea className={`${fieldClass} mt-1`} rows={2} value={template} onChange={(event) => setTemplate(event.target.value)} data-testid="batch-template" />
          </label>
          <label className="block text-sm font-medium">
            Model or tier
            <input className={`${fieldClass} mt-1`} value={model} onChange={(event) => setModel(event.target.value)} list="batch-models" data-testid="batch-model" />
            <datalist id="batch-models">
              <option value="speed" />
              <option value="quality" />
              <option value="openai/gpt-oss-20b" />
              <option value="openai/gpt-oss-120b" />
            </datalist>
          </label>
        </>
      )}
      <label className="block text-sm font-medium">
        Engine
        <select className={`${fieldClass} mt-1`} value={engine} onChange={(event) => setEngine(event.target.value)}>
          <option value="auto">Automatic (Groq Batch API at half price when possible)</option>
          <option value="local">Local: now, under the rate limits</option>
          <option value="provider">Groq Batch API: half price, up to 24 h</option>
        </select>
      </label>
      <button type="submit" disabled={!file || busy} className="rounded bg-zinc-900 px-4 py-2 text-sm font-medium text-zinc-50 disabled:opacity-50 dark:bg-zinc-100 dark:text-zinc-900">
        {busy ? 'Starting…' : 'Start batch'}
      </button>
      {error && (
        <div role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100" data-testid="batch-error">
          <p className="font-medium">{error.problems.length > 1 ? `This file was refused: ${error.problems.length} problems.` : error.message}</p>
          {error.problems.length > 1 && (
            <ul className="mt-1 list-disc pl-5">
              {error.problems.map((problem, index) => <li key={index}>{problem.message}</li>)}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}
