import Groq from 'groq-sdk';
import OpenAI, { toFile } from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './server.ts';

let emulator: RunningEmulator;
let openai: OpenAI;

const line = (customId: string, text: string, model = 'openai/gpt-oss-20b') =>
  JSON.stringify({ custom_id: customId, method: 'POST', url: '/v1/chat/completions', body: { model, messages: [{ role: 'user', content: text }] } });

async function control(path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${emulator.url}/_emulator/batches${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return response.json();
}

async function upload(lines: string[]) {
  return openai.files.create({ file: await toFile(Buffer.from(lines.join('\n') + '\n'), 'input.jsonl'), purpose: 'batch' });
}

beforeAll(async () => {
  emulator = await startEmulator({ speed: 0 });
  // openai pointed at Groq's prefix, as Flint's provider engine does.
  openai = new OpenAI({ baseURL: emulator.groqBaseURL, apiKey: 'gsk_test', maxRetries: 0 });
});
afterAll(() => emulator.close());
beforeEach(() => control('/config', { advanceOnRetrieve: false, linesPerStep: 0 }));

describe('Groq Batch API through the official openai client', () => {
  it('moves validating -> in_progress -> finalizing -> completed only when the clock is advanced, with one result per custom_id', async () => {
    const file = await upload([line('a', 'first'), line('b', 'second'), line('c', 'third', 'no-such-model')]);
    expect(file).toMatchObject({ object: 'file', purpose: 'batch', filename: 'input.jsonl' });
    const batch = await openai.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h', metadata: { job: 'x' } });
    expect(batch.status).toBe('validating');
    expect((await openai.batches.retrieve(batch.id)).status).toBe('validating');
    const seen = [];
    for (let step = 0; step < 3; step += 1) {
      await control('/advance', { steps: 1 });
      seen.push((await openai.batches.retrieve(batch.id)).status);
    }
    expect(seen).toEqual(['in_progress', 'finalizing', 'completed']);
    const done = await openai.batches.retrieve(batch.id);
    expect(done.request_counts).toEqual({ total: 3, completed: 2, failed: 1 });
    expect(done.metadata).toEqual({ job: 'x' });
    expect(done.completed_at).toBeGreaterThan(0);

    const output = (await (await openai.files.content(done.output_file_id!)).text()).trim().split('\n').map((text) => JSON.parse(text));
    expect(output.map((entry) => entry.custom_id).sort()).toEqual(['a', 'b']);
    expect(output[0]).toMatchObject({ response: { status_code: 200, body: { object: 'chat.completion', model: 'openai/gpt-oss-20b' } }, error: null });
    expect(output.find((entry) => entry.custom_id === 'b').response.body.choices[0].message.content).toContain('second');
    expect(output[0].response.request_id).toMatch(/^req_/);
    const errors = (await (await openai.files.content(done.error_file_id!)).text()).trim().split('\n').map((text) => JSON.parse(text));
    expect(errors).toEqual([expect.objectContaining({ custom_id: 'c', response: null, error: { code: 'model_not_found', message: expect.stringContaining('no-such-model') } })]);
  });

  it('fails a batch whose file has a duplicate custom_id or a bad line, naming the line', async () => {
    const file = await upload([line('a', 'x'), line('a', 'y'), 'not json']);
    const batch = await openai.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h' });
    await control('/advance', {});
    const failed = await openai.batches.retrieve(batch.id);
    expect(failed.status).toBe('failed');
    expect(failed.errors?.data?.map((error) => [error.line, error.code])).toEqual([[2, 'duplicate_custom_id'], [3, 'invalid_json_line']]);
  });

  it('cancels: cancelling at once, cancelled on the next step with only the lines already run', async () => {
    await control('/config', { linesPerStep: 1 });
    const file = await upload([line('a', 'x'), line('b', 'y'), line('c', 'z')]);
    const batch = await openai.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h' });
    await control('/advance', { steps: 2 });
    expect((await openai.batches.cancel(batch.id)).status).toBe('cancelling');
    await control('/advance', {});
    const cancelled = await openai.batches.retrieve(batch.id);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.request_counts).toEqual({ total: 3, completed: 1, failed: 0 });
  });

  it('expires when the clock passes the window, charging only the completed lines and listing the rest as errors', async () => {
    await control('/config', { linesPerStep: 1 });
    const file = await upload([line('a', 'x'), line('b', 'y')]);
    const batch = await openai.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h' });
    await control('/advance', { steps: 2 });
    await control('/advance', { ms: 25 * 3600_000 });
    const expired = await openai.batches.retrieve(batch.id);
    expect(expired.status).toBe('expired');
    expect(expired.request_counts).toEqual({ total: 2, completed: 1, failed: 1 });
    const errors = await (await openai.files.content(expired.error_file_id!)).text();
    expect(JSON.parse(errors.trim())).toMatchObject({ custom_id: 'b', error: { code: 'batch_expired' } });
  });

  it('rejects a window outside 24h..7d and an unknown input file', async () => {
    const file = await upload([line('a', 'x')]);
    await expect(openai.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '1h' as '24h' })).rejects.toMatchObject({ status: 400 });
    await expect(openai.batches.create({ input_file_id: 'file_nope', endpoint: '/v1/chat/completions', completion_window: '24h' })).rejects.toMatchObject({ status: 400 });
    await expect(openai.files.retrieve('file_nope')).rejects.toMatchObject({ status: 404 });
  });

  it('pages the batch list newest first with an after cursor', async () => {
    const file = await upload([line('a', 'x')]);
    const ids = [];
    for (let index = 0; index < 3; index += 1) ids.push((await openai.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '7d' as '24h' })).id);
    const first = await openai.batches.list({ limit: 2 });
    expect(first.data.map((batch) => batch.id)).toEqual([ids[2], ids[1]]);
    expect(first.hasNextPage()).toBe(true);
    const second = await first.getNextPage();
    expect(second.data[0]?.id).toBe(ids[0]);
  });
});

describe('Groq Batch API through groq-sdk', () => {
  it('runs a batch that steps on each retrieve when advanceOnRetrieve is on', async () => {
    await control('/config', { advanceOnRetrieve: true });
    const groq = new Groq({ baseURL: emulator.url, apiKey: 'gsk_test', maxRetries: 0 });
    const file = await groq.files.create({ file: await toFile(Buffer.from(line('only', 'hi') + '\n'), 'in.jsonl'), purpose: 'batch' });
    const batch = await groq.batches.create({ input_file_id: file.id!, endpoint: '/v1/chat/completions', completion_window: '24h' });
    const statuses = [];
    for (let poll = 0; poll < 3; poll += 1) statuses.push((await groq.batches.retrieve(batch.id)).status);
    expect(statuses).toEqual(['in_progress', 'finalizing', 'completed']);
    const done = await groq.batches.retrieve(batch.id);
    const content = await (await groq.files.content(done.output_file_id!)).text();
    expect(JSON.parse(content.trim())).toMatchObject({ custom_id: 'only', response: { status_code: 200, body: { x_groq: { id: expect.stringMatching(/^req_/) } } } });
  });
});
