import { batchLimits } from './batch-limits';
import type { LineProblem } from './parse-batch-jsonl';
import { parseCsv } from './parse-csv';

/** How to turn each CSV row into a chat request. */
export type CsvTemplate = {
  /** The user prompt with `{{column}}` placeholders. */
  template: string;
  /** A model id, or a tier name (`auto`, `speed`, `quality`) for Flint's router to resolve. */
  model: string;
  system?: string;
  maxTokens?: number;
};

const placeholder = /\{\{\s*([^}]+?)\s*\}\}/g;

/**
 * Converts a CSV (header row first) and a prompt template into batch JSONL, one request per row; the custom_id is the
 * row's `custom_id` or `id` column when present, else `row-N`. Problems name the CSV line.
 */
export function csvToJsonl(csv: string, options: CsvTemplate): { ok: true; jsonl: string; rows: number } | { ok: false; problems: LineProblem[] } {
  const [header, ...rows] = parseCsv(csv);
  if (!header || rows.length === 0) return { ok: false, problems: [{ line: null, code: 'empty_file', param: null, message: 'The CSV needs a header row and at least one data row.' }] };
  const columns = header.map((name) => name.trim());
  const used = [...options.template.matchAll(placeholder)].map((match) => match[1] ?? '');
  if (used.length === 0) return { ok: false, problems: [{ line: null, code: 'invalid_template', param: 'template', message: 'The template has no {{column}} placeholder.' }] };
  const unknown = used.find((name) => !columns.includes(name));
  if (unknown !== undefined) return { ok: false, problems: [{ line: 1, code: 'unknown_column', param: 'template', message: `The template uses {{${unknown}}} but the CSV has no "${unknown}" column (columns: ${columns.join(', ')}).` }] };
  if (rows.length > batchLimits.maxLines) return { ok: false, problems: [{ line: null, code: 'too_many_lines', param: null, message: `The CSV has ${rows.length} rows; a batch takes at most ${batchLimits.maxLines}.` }] };
  const idColumn = columns.findIndex((name) => name === 'custom_id' || name === 'id');
  const problems: LineProblem[] = [];
  const seen = new Set<string>();
  const lines = rows.map((fields, index) => {
    const csvLine = index + 2;
    if (fields.length !== columns.length) problems.push({ line: csvLine, code: 'column_count', param: null, message: `CSV line ${csvLine} has ${fields.length} fields; the header has ${columns.length}.` });
    const customId = idColumn >= 0 && fields[idColumn] ? fields[idColumn] : `row-${index + 1}`;
    if (seen.has(customId)) problems.push({ line: csvLine, code: 'duplicate_custom_id', param: 'custom_id', message: `CSV line ${csvLine}: id "${customId}" is used twice.` });
    seen.add(customId);
    const prompt = options.template.replace(placeholder, (_, name: string) => fields[columns.indexOf(name)] ?? '');
    const messages = [...(options.system ? [{ role: 'system', content: options.system }] : []), { role: 'user', content: prompt }];
    const body = { model: options.model, messages, ...(options.maxTokens ? { max_tokens: options.maxTokens } : {}) };
    return JSON.stringify({ custom_id: customId, method: 'POST', url: batchLimits.endpoint, body });
  });
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, batchLimits.maxReportedProblems) };
  return { ok: true, jsonl: lines.join('\n') + '\n', rows: lines.length };
}
