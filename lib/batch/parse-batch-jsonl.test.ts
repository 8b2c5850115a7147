import { describe, expect, it } from 'vitest';
import { batchLimits } from './batch-limits';
import { parseBatchJsonl } from './parse-batch-jsonl';

const good = (customId: string) => JSON.stringify({ custom_id: customId, method: 'POST', url: '/v1/chat/completions', body: { model: 'openai/gpt-oss-20b', messages: [{ role: 'user', content: 'hi' }] } });

describe('parseBatchJsonl', () => {
  it('reads good lines with their numbers, skipping blank lines', () => {
    const result = parseBatchJsonl([good('a'), '', good('b'), ''].join('\n'));
    expect(result).toEqual({ ok: true, lines: [expect.objectContaining({ lineNumber: 1, customId: 'a' }), expect.objectContaining({ lineNumber: 3, customId: 'b' })] });
  });

  it('names the line and what is wrong', () => {
    const result = parseBatchJsonl([
      good('a'),
      '{not json',
      JSON.stringify({ custom_id: 'c', method: 'GET', url: '/v1/chat/completions', body: { model: 'm', messages: [{ role: 'user', content: 'x' }] } }),
      JSON.stringify({ custom_id: 'd', method: 'POST', url: '/v1/embeddings', body: { model: 'm', messages: [] } }),
      JSON.stringify({ custom_id: 'e', method: 'POST', url: '/v1/chat/completions', body: { messages: [{ role: 'user', content: 'x' }] } }),
      good('a'),
    ].join('\n'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => [problem.line, problem.code, problem.message])).toEqual([
      [2, 'invalid_json_line', 'Line 2 is not valid JSON.'],
      [3, 'invalid_line', 'Line 3: method must be "POST".'],
      [4, 'invalid_line', 'Line 4: url must be "/v1/chat/completions".'],
      [5, 'invalid_line', 'Line 5: body.model is missing.'],
      [6, 'duplicate_custom_id', 'Line 6: custom_id "a" is already used on line 1.'],
    ]);
  });

  it('refuses streaming lines, an empty file and more lines than Groq allows', () => {
    const streaming = JSON.stringify({ custom_id: 's', method: 'POST', url: '/v1/chat/completions', body: { model: 'm', stream: true, messages: [{ role: 'user', content: 'x' }] } });
    expect(parseBatchJsonl(streaming)).toMatchObject({ ok: false, problems: [{ line: 1, message: 'Line 1: body.stream is not supported in a batch.' }] });
    expect(parseBatchJsonl('\n\n')).toMatchObject({ ok: false, problems: [{ code: 'empty_file' }] });
    const many = Array.from({ length: batchLimits.maxLines + 1 }, (_, index) => good(`l${index}`)).join('\n');
    expect(parseBatchJsonl(many)).toMatchObject({ ok: false, problems: [{ code: 'too_many_lines' }] });
  });
});
