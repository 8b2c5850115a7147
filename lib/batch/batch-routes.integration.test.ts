import OpenAI, { toFile } from 'openai';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/server.ts';
import { configureBatchRuntime, type BatchRuntime } from './batch-runtime';
import { fetchRunLine } from './fetch-run-line';
import { catalogPrice } from './price-line';
import { batchJsonl } from './test-support/batch-fixtures';
import { serveRoutes, type RouteEntry } from './test-support/serve-routes';
import { createTestBatchDb } from './test-db';
import * as v1Files from '../../app/v1/files/route';
import * as v1File from '../../app/v1/files/[id]/route';
import * as v1Content from '../../app/v1/files/[id]/content/route';
import * as v1Batches from '../../app/v1/batches/route';
import * as v1Batch from '../../app/v1/batches/[id]/route';
import * as v1Cancel from '../../app/v1/batches/[id]/cancel/route';
import * as v1Events from '../../app/v1/batches/[id]/events/route';
import * as gFiles from '../../app/openai/v1/files/route';
import * as gFile from '../../app/openai/v1/files/[id]/route';
import * as gContent from '../../app/openai/v1/files/[id]/content/route';
import * as gBatches from '../../app/openai/v1/batches/route';
import * as gBatch from '../../app/openai/v1/batches/[id]/route';
import * as gCancel from '../../app/openai/v1/batches/[id]/cancel/route';
import * as gEvents from '../../app/openai/v1/batches/[id]/events/route';

vi.mock('server-only', () => ({}));
// The auth seam accepts any bearer key in demo mode only; env is read when the routes are imported.
vi.hoisted(() => {
  process.env.FLINT_DEMO = '1';
});

const v1 = { files: v1Files, file: v1File, content: v1Content, batches: v1Batches, batch: v1Batch, cancel: v1Cancel, events: v1Events };
const groqPrefix = { files: gFiles, file: gFile, content: gContent, batches: gBatches, batch: gBatch, cancel: gCancel, events: gEvents };

let emulator: RunningEmulator;
let database: Awaited<ReturnType<typeof createTestBatchDb>>;
let runtime: BatchRuntime;
let server: Awaited<ReturnType<typeof serveRoutes>>;
let client: OpenAI;

const table = (prefix: string, routes: typeof v1): RouteEntry[] => [
  ['POST', `${prefix}/files`, routes.files.POST], ['GET', `${prefix}/files/:id`, routes.file.GET], ['GET', `${prefix}/files/:id/content`, routes.content.GET],
  ['POST', `${prefix}/batches`, routes.batches.POST], ['GET', `${prefix}/batches`, routes.batches.GET], ['GET', `${prefix}/batches/:id`, routes.batch.GET],
  ['POST', `${prefix}/batches/:id/cancel`, routes.cancel.POST], ['GET', `${prefix}/batches/:id/events`, routes.events.GET],
];

async function waitForEnd(id: string) {
  // The events stream ends when the batch does: waiting on it is waiting on an event, not a timer.
  const response = await fetch(`${server.url}/v1/batches/${id}/events`, { headers: { authorization: 'Bearer demo' } });
  const text = await response.text();
  return text.trim().split('\n\n').map((frame) => JSON.parse(frame.split('\ndata: ')[1] ?? '{}'));
}

async function results(fileId: string) {
  return (await (await client.files.content(fileId)).text()).trim().split('\n').map((line) => JSON.parse(line));
}

beforeAll(async () => {
  emulator = await startEmulator({ speed: 0 });
  database = await createTestBatchDb();
  const groq = { baseURL: emulator.groqBaseURL, apiKey: 'gsk_test' };
  runtime = await configureBatchRuntime({ db: database.db, runLine: fetchRunLine(groq), groq, providerPollMs: 10, localEngine: { idlePollMs: 50 }, isGroqModel: (model) => model.startsWith('openai/'), price: catalogPrice() });
  server = await serveRoutes([...table('/v1', v1), ...table('/openai/v1', groqPrefix)]);
  client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: 'any-key-in-demo', maxRetries: 0 });
}, 60_000);
afterAll(async () => {
  await server.close();
  await runtime.stop();
  await emulator.close();
  await database.close();
});

describe('the batch API through the official openai client', () => {
  for (const engine of ['local', 'provider'] as const) {
    it(`runs a 50-line batch on the ${engine} engine to completed with one result per custom_id`, async () => {
      emulator.requests.clear();
      const file = await client.files.create({ file: await toFile(Buffer.from(batchJsonl(50)), 'docs.jsonl'), purpose: 'batch' });
      expect(file).toMatchObject({ object: 'file', purpose: 'batch', filename: 'docs.jsonl' });
      expect((await client.files.retrieve(file.id)).bytes).toBe(file.bytes);
      const created = await client.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h', metadata: { flint_engine: engine } });
      expect(created).toMatchObject({ object: 'batch', status: 'in_progress', request_counts: { total: 50 } });
      const frames = await waitForEnd(created.id);
      expect(frames.at(-1)).toMatchObject({ status: 'completed', done: 50, etaSeconds: 0 });
      const batch = await client.batches.retrieve(created.id);
      expect(batch).toMatchObject({ status: 'completed', request_counts: { total: 50, completed: 50, failed: 0 }, error_file_id: null, metadata: { flint_engine: engine } });
      const lines = await results(batch.output_file_id!);
      expect(lines.map((line) => line.custom_id).sort()).toEqual(Array.from({ length: 50 }, (_, index) => `req-${index + 1}`).sort());
      expect(lines[0]).toMatchObject({ response: { status_code: 200, body: { object: 'chat.completion' } }, error: null });
      const syncCalls = emulator.requests.list().filter((entry) => entry.path.endsWith('/chat/completions')).length;
      expect(syncCalls).toBe(engine === 'local' ? 50 : 0);
    });
  }

  it('refuses a bad JSONL line with its line number, in OpenAI\'s error shape', async () => {
    const bad = batchJsonl(3).replace('"method":"POST"', '"method":"PUT"');
    const upload = client.files.create({ file: await toFile(Buffer.from(bad), 'bad.jsonl'), purpose: 'batch' });
    await expect(upload).rejects.toMatchObject({ status: 400, code: 'invalid_line', message: expect.stringContaining('Line 1: method must be "POST".') });
    const response = await fetch(`${server.url}/v1/files`, { method: 'POST', headers: { authorization: 'Bearer x' }, body: (() => {
      const form = new FormData();
      form.set('purpose', 'batch');
      form.set('file', new File([batchJsonl(2) + '{oops\n'], 'bad.jsonl'));
      return form;
    })() });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid_json_line', line: 3, problems: [{ line: 3, message: 'Line 3 is not valid JSON.' }] } });
  });

  it('turns a CSV with a template into a batch and downloads results as CSV', async () => {
    const form = new FormData();
    form.set('purpose', 'batch');
    form.set('file', new File(['id,text\nn1,"Alpha, one"\nn2,Beta\n'], 'notes.csv'));
    form.set('template', 'Summarise: {{text}}');
    form.set('model', 'openai/gpt-oss-20b');
    const file = await (await fetch(`${server.url}/v1/files`, { method: 'POST', headers: { authorization: 'Bearer x' }, body: form })).json();
    expect(file).toMatchObject({ object: 'file', filename: 'notes.jsonl' });
    const created = await client.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h', metadata: { flint_engine: 'local' } });
    await waitForEnd(created.id);
    const batch = await client.batches.retrieve(created.id);
    const csv = await (await fetch(`${server.url}/v1/files/${batch.output_file_id}/content?format=csv`, { headers: { authorization: 'Bearer x' } })).text();
    expect(csv.split('\r\n')[0]).toBe('custom_id,status,content,error,total_tokens');
    expect(csv).toContain('Alpha, one');
  });

  it('lists newest first with paging, cancels, and answers 404 and 401 in OpenAI\'s shape', async () => {
    // Hold Groq's clock so these provider batches stay running until the cancel has arrived.
    const clock = (advanceOnRetrieve: boolean) => fetch(`${emulator.url}/_emulator/batches/config`, { method: 'POST', body: JSON.stringify({ advanceOnRetrieve }) });
    await clock(false);
    const file = await client.files.create({ file: await toFile(Buffer.from(batchJsonl(2)), 'x.jsonl'), purpose: 'batch' });
    const ids = [];
    for (let index = 0; index < 3; index += 1) ids.push((await client.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h', metadata: { flint_engine: 'provider' } })).id);
    const page = await client.batches.list({ limit: 2 });
    expect(page.data.map((batch) => batch.id)).toEqual([ids[2], ids[1]]);
    expect(page.data).toHaveLength(2);
    expect(page.hasNextPage()).toBe(true);
    const next = await page.getNextPage();
    expect(next.data[0]?.id).toBe(ids[0]);
    const groqStyle = new OpenAI({ baseURL: `${server.url}/openai/v1`, apiKey: 'k', maxRetries: 0 });
    const created = await groqStyle.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '7d' as '24h', metadata: { flint_engine: 'provider' } });
    const cancelled = await groqStyle.batches.cancel(created.id);
    expect(cancelled.status).toBe('cancelling');
    await clock(true);
    await waitForEnd(created.id);
    expect((await client.batches.retrieve(created.id)).status).toBe('cancelled');
    await Promise.all(ids.map(waitForEnd));
    await expect(client.batches.retrieve('batch_nope')).rejects.toMatchObject({ status: 404, code: 'not_found' });
    await expect(client.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '1h' as '24h' })).rejects.toMatchObject({ status: 400, param: 'completion_window' });
    const anonymous = await fetch(`${server.url}/v1/batches`);
    expect(anonymous.status).toBe(401);
  });
});
