import type { EmulatedBatch } from './batch-state.ts';

type LineError = NonNullable<EmulatedBatch['errors']>[number];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks an input file's lines the way the validating step does: JSON, custom_id unique, method POST, url = endpoint. */
export function validateBatchInput(text: string, endpoint: string): { lines: EmulatedBatch['lines']; errors: LineError[] } {
  const lines: EmulatedBatch['lines'] = [];
  const errors: LineError[] = [];
  const seen = new Set<string>();
  text.split('\n').forEach((raw, index) => {
    const lineNumber = index + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      errors.push({ code: 'invalid_json_line', message: `This line is not parseable as valid JSON.`, param: null, line: lineNumber });
      return;
    }
    if (!isObject(value) || typeof value.custom_id !== 'string' || value.custom_id === '') {
      errors.push({ code: 'missing_required_parameter', message: 'custom_id is required', param: 'custom_id', line: lineNumber });
      return;
    }
    if (seen.has(value.custom_id)) {
      errors.push({ code: 'duplicate_custom_id', message: `The custom_id for this request is a duplicate of another request. The custom_id parameter must be unique for each request in a batch.`, param: 'custom_id', line: lineNumber });
      return;
    }
    seen.add(value.custom_id);
    if (value.method !== 'POST') {
      errors.push({ code: 'invalid_method', message: 'method must be POST', param: 'method', line: lineNumber });
      return;
    }
    if (value.url !== endpoint) {
      errors.push({ code: 'mismatched_endpoint', message: `The provided url '${String(value.url)}' does not match the batch endpoint '${endpoint}'.`, param: 'url', line: lineNumber });
      return;
    }
    if (!isObject(value.body)) {
      errors.push({ code: 'missing_required_parameter', message: 'body is required', param: 'body', line: lineNumber });
      return;
    }
    lines.push({ customId: value.custom_id, body: value.body });
  });
  if (lines.length === 0 && errors.length === 0) errors.push({ code: 'empty_file', message: 'The input file is empty.', param: null, line: null });
  return { lines, errors };
}
