function cell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

type ResultLine = { custom_id?: unknown; response?: { status_code?: unknown; body?: { choices?: Array<{ message?: { content?: unknown } }>; usage?: { total_tokens?: unknown } } } | null; error?: { code?: unknown; message?: unknown } | null };

/** Turns an output or error JSONL file into CSV: custom_id, status, content, error, tokens. */
export function resultsCsv(jsonl: string): string {
  const rows = [['custom_id', 'status', 'content', 'error', 'total_tokens']];
  for (const text of jsonl.split('\n')) {
    if (text.trim() === '') continue;
    const line = JSON.parse(text) as ResultLine;
    const content = line.response?.body?.choices?.[0]?.message?.content;
    rows.push([
      String(line.custom_id ?? ''),
      String(line.response?.status_code ?? ''),
      typeof content === 'string' ? content : '',
      line.error ? `${String(line.error.code ?? '')}: ${String(line.error.message ?? '')}` : '',
      String(line.response?.body?.usage?.total_tokens ?? ''),
    ]);
  }
  return rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
