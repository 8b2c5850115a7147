/** The page's calls to Flint's batch API (same-origin /v1), with the demo bearer key the auth seam accepts in demo mode. */
const headers = { authorization: 'Bearer flint-batches-page' };

/** A batch as the page shows it (a subset of the API's batch object). */
export type PageBatch = {
  id: string;
  status: string;
  created_at: number;
  output_file_id: string | null;
  error_file_id: string | null;
  request_counts: { total: number; completed: number; failed: number };
  metadata: Record<string, string> | null;
  flint: { engine: string; cost_usd: number; estimated_cost_usd: number; eta_seconds: number | null };
};

/** An API error with the line problems of a refused file. */
export type PageError = { message: string; problems: Array<{ line: number | null; message: string }> };

async function answer<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => ({}))) as { error?: { message?: string; problems?: PageError['problems'] } };
  if (!response.ok) throw { message: body.error?.message ?? `The server answered ${response.status}.`, problems: body.error?.problems ?? [] } satisfies PageError;
  return body as T;
}

/** Uploads a JSONL file, or a CSV with its template and model, and starts a batch on it. */
export async function startBatch(input: { file: File; template?: string; model?: string; engine: string }): Promise<PageBatch> {
  const form = new FormData();
  form.set('purpose', 'batch');
  form.set('file', input.file);
  if (input.template !== undefined) form.set('template', input.template);
  if (input.model !== undefined) form.set('model', input.model);
  const file = await answer<{ id: string }>(await fetch('/v1/files', { method: 'POST', headers, body: form }));
  const metadata = { source: input.file.name, ...(input.engine === 'auto' ? {} : { flint_engine: input.engine }) };
  return answer<PageBatch>(await fetch('/v1/batches', {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h', metadata }),
  }));
}

/** The newest batches. */
export async function listBatches(): Promise<PageBatch[]> {
  return (await answer<{ data: PageBatch[] }>(await fetch('/v1/batches?limit=20', { headers }))).data;
}

/** One batch, fresh. */
export async function getBatch(id: string): Promise<PageBatch> {
  return answer<PageBatch>(await fetch(`/v1/batches/${id}`, { headers }));
}

/** Asks to cancel: no new line starts. */
export async function cancelBatch(id: string): Promise<PageBatch> {
  return answer<PageBatch>(await fetch(`/v1/batches/${id}/cancel`, { method: 'POST', headers }));
}

/** Downloads a results file as JSONL or CSV (fetched with the key, then saved through an object URL). */
export async function downloadFile(id: string, format: 'jsonl' | 'csv', name: string): Promise<void> {
  const response = await fetch(`/v1/files/${id}/content${format === 'csv' ? '?format=csv' : ''}`, { headers });
  if (!response.ok) throw { message: 'The file could not be downloaded.', problems: [] } satisfies PageError;
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: `${name}.${format}` });
  link.click();
  URL.revokeObjectURL(url);
}

/** Follows a batch's progress stream until it ends, calling `onFrame` per update. */
export async function followProgress(id: string, onFrame: () => void, signal: AbortSignal): Promise<void> {
  const response = await fetch(`/v1/batches/${id}/events`, { headers, signal });
  const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const chunk = await reader?.read();
    if (!chunk || chunk.done) return;
    if (chunk.value.includes('data:')) onFrame();
  }
}
