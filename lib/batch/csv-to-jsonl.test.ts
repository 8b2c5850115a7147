import { describe, expect, it } from 'vitest';
import { csvToJsonl } from './csv-to-jsonl';
import { parseBatchJsonl } from './parse-batch-jsonl';
import { parseCsv } from './parse-csv';

describe('csvToJsonl', () => {
  it('fills {{column}} placeholders per row, takes ids from an id column, and yields valid batch JSONL', () => {
    const csv = 'id,title,text\r\nd1,"Hello, world","He said ""hi""\nthen left"\nd2,Second,short\n';
    const result = csvToJsonl(csv, { template: 'Summarise "{{ title }}": {{text}}', model: 'speed', system: 'Be brief.', maxTokens: 50 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const parsed = parseBatchJsonl(result.jsonl);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.lines.map((line) => line.customId)).toEqual(['d1', 'd2']);
    expect(parsed.lines[0]?.body).toEqual({
      model: 'speed',
      max_tokens: 50,
      messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Summarise "Hello, world": He said "hi"\nthen left' }],
    });
  });

  it('numbers rows when there is no id column', () => {
    const result = csvToJsonl('text\na\nb\n', { template: '{{text}}', model: 'openai/gpt-oss-20b' });
    expect(result.ok && result.jsonl.split('\n').filter(Boolean).map((line) => JSON.parse(line).custom_id)).toEqual(['row-1', 'row-2']);
  });

  it('names an unknown column, a ragged row and a template without placeholders', () => {
    expect(csvToJsonl('a,b\n1,2\n', { template: '{{c}}', model: 'm' })).toMatchObject({ ok: false, problems: [{ code: 'unknown_column', message: expect.stringContaining('no "c" column') }] });
    expect(csvToJsonl('a,b\n1,2\n3\n', { template: '{{a}}', model: 'm' })).toMatchObject({ ok: false, problems: [{ line: 3, code: 'column_count' }] });
    expect(csvToJsonl('a\n1\n', { template: 'static', model: 'm' })).toMatchObject({ ok: false, problems: [{ code: 'invalid_template' }] });
    expect(csvToJsonl('a\n', { template: '{{a}}', model: 'm' })).toMatchObject({ ok: false, problems: [{ code: 'empty_file' }] });
  });

  it('parses CSV quotes and line endings', () => {
    expect(parseCsv('a,"b ""q""",c\r\n"x\ny",,\n')).toEqual([['a', 'b "q"', 'c'], ['x\ny', '', '']]);
  });
});
