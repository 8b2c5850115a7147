import { z } from 'zod';
import { batchLimits } from './batch-limits';

/** One validated request line of a batch input file. */
export type BatchInputLine = { lineNumber: number; customId: string; body: Record<string, unknown> };

/** What is wrong with one line, by its 1-based number. */
export type LineProblem = { line: number | null; message: string; code: string; param: string | null };

/** The outcome of reading a batch input file. */
export type ParsedBatchFile = { ok: true; lines: BatchInputLine[] } | { ok: false; problems: LineProblem[] };

const messageSchema = z.object({ role: z.enum(['system', 'developer', 'user', 'assistant', 'tool']) }).passthrough();

const lineSchema = z.object({
  custom_id: z.string({ error: 'custom_id must be a string' }).min(1, 'custom_id must not be empty').max(batchLimits.maxCustomIdLength, `custom_id is longer than ${batchLimits.maxCustomIdLength} characters`),
  method: z.literal('POST', { error: 'method must be "POST"' }),
  url: z.literal(batchLimits.endpoint, { error: `url must be "${batchLimits.endpoint}"` }),
  body: z.object({
    model: z.string({ error: 'body.model must be a string' }).min(1, 'body.model must not be empty'),
    messages: z.array(messageSchema, { error: 'body.messages must be an array of messages' }).min(1, 'body.messages must not be empty'),
    stream: z.literal(false, { error: 'body.stream is not supported in a batch' }).optional(),
  }).passthrough(),
});

function describe(issue: z.core.$ZodIssue): { message: string; param: string } {
  const param = issue.path.join('.');
  if (issue.code === 'invalid_type' && issue.input === undefined) return { message: `${param} is missing`, param };
  return { message: issue.message, param };
}

/**
 * Reads a JSONL batch input file line by line: each line a `{custom_id, method, url, body}` chat request, custom_ids
 * unique, within Groq's line and size limits. Problems name the line and what is wrong.
 */
export function parseBatchJsonl(text: string): ParsedBatchFile {
  if (Buffer.byteLength(text) > batchLimits.maxBytes) {
    return { ok: false, problems: [{ line: null, code: 'file_too_large', param: null, message: `The file is larger than ${batchLimits.maxBytes / 1024 / 1024} MB.` }] };
  }
  const rows = text.split(/\r?\n/);
  const problems: LineProblem[] = [];
  const lines: BatchInputLine[] = [];
  const seen = new Map<string, number>();
  rows.forEach((raw, index) => {
    const lineNumber = index + 1;
    if (raw.trim() === '' || problems.length >= batchLimits.maxReportedProblems) return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      problems.push({ line: lineNumber, code: 'invalid_json_line', param: null, message: `Line ${lineNumber} is not valid JSON.` });
      return;
    }
    const parsed = lineSchema.safeParse(value);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const { message, param } = first ? describe(first) : { message: 'not a batch request', param: '' };
      problems.push({ line: lineNumber, code: 'invalid_line', param: param || null, message: `Line ${lineNumber}: ${message}.` });
      return;
    }
    const earlier = seen.get(parsed.data.custom_id);
    if (earlier !== undefined) {
      problems.push({ line: lineNumber, code: 'duplicate_custom_id', param: 'custom_id', message: `Line ${lineNumber}: custom_id "${parsed.data.custom_id}" is already used on line ${earlier}.` });
      return;
    }
    seen.set(parsed.data.custom_id, lineNumber);
    lines.push({ lineNumber, customId: parsed.data.custom_id, body: parsed.data.body });
  });
  if (problems.length > 0) return { ok: false, problems };
  if (lines.length === 0) return { ok: false, problems: [{ line: null, code: 'empty_file', param: null, message: 'The file has no request lines.' }] };
  if (lines.length > batchLimits.maxLines) {
    return { ok: false, problems: [{ line: batchLimits.maxLines + 1, code: 'too_many_lines', param: null, message: `The file has ${lines.length} lines; a batch takes at most ${batchLimits.maxLines}.` }] };
  }
  return { ok: true, lines };
}
