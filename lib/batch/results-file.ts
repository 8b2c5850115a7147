import type { LineRow } from './line-queue';

/** The output and error file contents for finished lines, one JSON line per request as the providers write them. */
export function resultsFiles(lines: Array<Pick<LineRow, 'id' | 'customId' | 'status' | 'result'>>): { output: string[]; errors: string[] } {
  const output: string[] = [];
  const errors: string[] = [];
  for (const line of lines) {
    if (!line.result) continue;
    const text = JSON.stringify({ id: line.id, custom_id: line.customId, response: line.result.response, error: line.result.error });
    (line.status === 'completed' ? output : errors).push(text);
  }
  return { output, errors };
}
