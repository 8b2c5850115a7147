// The batch API as the app runs it: route handlers over HTTP -> gateway keys -> the production wiring (shared database,
// local lines through the gateway's chat service, Groq's Batch API from env) -> the emulator.
import { eq } from 'drizzle-orm';
import OpenAI, { toFile } from 'openai';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningEmulator } from '../../emulator/server.ts';
import type { Db } from '../db/database';
import { usageLedger } from '../db/schema';
import type { GatewayTestApp } from '../gateway/gateway-test-app';
import type { BatchRuntime } from './batch-runtime';
import { batchJsonl } from './test-support/batch-fixtures';
import { serveRoutes, type RouteEntry, type RouteHandler } from './test-support/serve-routes';
import { pendingWrites } from '@/lib/usage/pending-writes';

vi.mock('server-only', () => ({}));

type Routes = Record<'files' | 'file' | 'content' | 'batches' | 'batch' | 'cancel' | 'events', Record<string, RouteHandler>>;

let gateway: GatewayTestApp;
let emulator: RunningEmulator;
let db: Db;
let runtime: BatchRuntime;
let server: Awaited<ReturnType<typeof serveRoutes>>;
let client: OpenAI;
let key: string;
let auth: { authorization: string };

const table = (prefix: string, routes: Routes): RouteEntry[] => [
  ['POST', `${prefix}/files`, routes.files.POST!], ['GET', `${prefix}/files/:id`, routes.file.GET!], ['GET', `${prefix}/files/:id/content`, routes.content.GET!],
  ['POST', `${prefix}/batches`, routes.batches.POST!], ['GET', `${prefix}/batches`, routes.batches.GET!], ['GET', `${prefix}/batches/:id`, routes.batch.GET!],
  ['POST', `${prefix}/batches/:id/cancel`, routes.cancel.POST!], ['GET', `${prefix}/batches/:id/events`, routes.events.GET!],
];

async function all(modules: Record<keyof Routes, Promise<Record<string, unknown>>>): Promise<Routes> {
  const entries = await Promise.all(Object.entries(modules).map(async ([name, module]) => [name, await module] as const));
  return Object.fromEntries(entries) as Routes;
}

async function waitForEnd(id: string) {
  // The events stream ends when the batch does: waiting on it is waiting on an event, not a timer.
  const response = await fetch(`${server.url}/v1/batches/${id}/events`, { headers: auth });
  const text = await response.text();
  return text.trim().split('\n\n').map((frame) => JSON.parse(frame.split('\ndata: ')[1] ?? '{}'));
}

async function results(fileId: string) {
  return (await (await client.files.content(fileId)).text()).trim().split('\n').map((line) => JSON.parse(line));
}

async function ledgerOf(model: string) {
  return db.select().from(usageLedger).where(eq(usageLedger.model, model));
}

beforeAll(async () => {
  const { startGatewayTestApp } = await import('../gateway/gateway-test-app');
  gateway = await startGatewayTestApp();
  emulator = gateway.emulator;
  key = await gateway.createKey({ name: 'batch-owner' });
  auth = { authorization: `Bearer ${key}` };
  const [{ sharedDatabase }, { configureBatchRuntime }, { batchRuntimeConfig }] = await Promise.all([
    import('../db/shared-database'), import('./batch-runtime'), import('../services/batch-runtime-config'),
  ]);
  const database = await sharedDatabase();
  db = database.db;
  // The production wiring, with quicker polling so the test waits less.
  const config = batchRuntimeConfig(database);
  runtime = await configureBatchRuntime({ ...config, providerPollMs: 10, localEngine: { ...config.localEngine, idlePollMs: 50 } });
  // Imported only now: lib/env reads the environment the test app has just set.
  const v1 = await all({
    files: import('../../app/v1/files/route'), file: import('../../app/v1/files/[id]/route'), content: import('../../app/v1/files/[id]/content/route'),
    batches: import('../../app/v1/batches/route'), batch: import('../../app/v1/batches/[id]/route'), cancel: import('../../app/v1/batches/[id]/cancel/route'),
    events: import('../../app/v1/batches/[id]/events/route'),
  });
  const groqPrefix = await all({
    files: import('../../app/openai/v1/files/route'), file: import('../../app/openai/v1/files/[id]/route'), content: import('../../app/openai/v1/files/[id]/content/route'),
    batches: import('../../app/openai/v1/batches/route'), batch: import('../../app/openai/v1/batches/[id]/route'), cancel: import('../../app/openai/v1/batches/[id]/cancel/route'),
    events: import('../../app/openai/v1/batches/[id]/events/route'),
  });
  server = await serveRoutes([...table('/v1', v1), ...table('/openai/v1', groqPrefix)]);
  client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: key, maxRetries: 0 });
}, 120_000);
afterAll(async () => {
  await server?.close();
  await runtime?.stop();
  await gateway?.close();
});

const batchLedger = () => db.select().from(usageLedger).where(eq(usageLedger.surface, 'batch')).orderBy(usageLedger.id);
const costs: Record<string, number> = {};

describe('the batch API through the official openai client', () => {
  for (const engine of ['local', 'provider'] as const) {
    it(`runs a 50-line batch on the ${engine} engine to completed with one result per custom_id`, async () => {
      emulator.requests.clear();
      const ledgerBefore = (await batchLedger()).length;
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
      // Every line in the ledger under the owner's key, summing to the batch's cost; the estimate was there before it ran.
      const flint = (batch as unknown as { flint: { cost_usd: number; estimated_cost_usd: number; engine: string } }).flint;
      expect((created as unknown as { flint: { estimated_cost_usd: number } }).flint.estimated_cost_usd).toBeGreaterThan(0);
      // Ledger rows are written behind (one INSERT per 250 ms window): wait for the ones already started.
      await pendingWrites();
      const rows = (await batchLedger()).slice(ledgerBefore);
      expect(rows).toHaveLength(50);
      expect(new Set(rows.map((row) => row.keyId)).size).toBe(1);
      expect(rows.every((row) => row.costUsd > 0 && row.status === 'ok')).toBe(true);
      expect(rows.reduce((sum, row) => sum + row.costUsd, 0)).toBeCloseTo(flint.cost_usd, 9);
      costs[engine] = flint.cost_usd;
      // The same 50 lines on Groq's Batch API cost half the synchronous price.
      if (engine === 'provider') expect(costs.provider! / costs.local!).toBeCloseTo(0.5, 6);
    });
  }

  it('refuses a bad JSONL line with its line number, in OpenAI\'s error shape', async () => {
    const bad = batchJsonl(3).replace('"method":"POST"', '"method":"PUT"');
    const upload = client.files.create({ file: await toFile(Buffer.from(bad), 'bad.jsonl'), purpose: 'batch' });
    await expect(upload).rejects.toMatchObject({ status: 400, code: 'invalid_line', message: expect.stringContaining('Line 1: method must be "POST".') });
    const response = await fetch(`${server.url}/v1/files`, { method: 'POST', headers: auth, body: (() => {
      const form = new FormData();
      form.set('purpose', 'batch');
      form.set('file', new File([batchJsonl(2) + '{oops\n'], 'bad.jsonl'));
      return form;
    })() });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid_json_line', line: 3, problems: [{ line: 3, message: 'Line 3 is not valid JSON.' }] } });
  });

  it('holds each line to the owner key\'s budget: once it is spent, the remaining lines fail with insufficient_quota at once', async () => {
    const poor = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: await gateway.createKey({ name: 'poor', budgetUsd: 0.000001 }), maxRetries: 0 });
    const file = await poor.files.create({ file: await toFile(Buffer.from(batchJsonl(5)), 'poor.jsonl'), purpose: 'batch' });
    const created = await poor.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h', metadata: { flint_engine: 'local' } });
    const events = await fetch(`${server.url}/v1/batches/${created.id}/events`, { headers: { authorization: `Bearer ${poor.apiKey}` } });
    await events.text();
    const batch = await poor.batches.retrieve(created.id);
    expect(batch.status).toBe('completed');
    expect(batch.request_counts?.failed).toBeGreaterThan(0);
    const errors = (await (await poor.files.content(batch.error_file_id!)).text()).trim().split('\n').map((line) => JSON.parse(line));
    expect(errors.every((line) => line.response.status_code === 429 && line.error.code === 'insufficient_quota')).toBe(true);
  });

  it('turns a CSV with a template into a batch and downloads results as CSV', async () => {
    const form = new FormData();
    form.set('purpose', 'batch');
    form.set('file', new File(['id,text\nn1,"Alpha, one"\nn2,Beta\n'], 'notes.csv'));
    form.set('template', 'Summarise: {{text}}');
    form.set('model', 'openai/gpt-oss-20b');
    const file = await (await fetch(`${server.url}/v1/files`, { method: 'POST', headers: auth, body: form })).json();
    expect(file).toMatchObject({ object: 'file', filename: 'notes.jsonl' });
    const created = await client.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h', metadata: { flint_engine: 'local' } });
    await waitForEnd(created.id);
    const batch = await client.batches.retrieve(created.id);
    const csv = await (await fetch(`${server.url}/v1/files/${batch.output_file_id}/content?format=csv`, { headers: auth })).text();
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
    const groqStyle = new OpenAI({ baseURL: `${server.url}/openai/v1`, apiKey: key, maxRetries: 0 });
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
    expect(await anonymous.json()).toMatchObject({ error: { code: 'invalid_api_key' } });
    const unknown = await fetch(`${server.url}/v1/batches`, { headers: { authorization: 'Bearer flk_unknownunknownunknownunknown00' } });
    expect(unknown.status).toBe(401);
    // A batch belongs to the key that created it: another key cannot see it.
    const stranger = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: await gateway.createKey({ name: 'stranger' }), maxRetries: 0 });
    await expect(stranger.batches.retrieve(created.id)).rejects.toMatchObject({ status: 404 });
    const viaHeader = await fetch(`${server.url}/v1/batches/${created.id}`, { headers: { 'x-api-key': key } });
    expect(viaHeader.status).toBe(200);
  });

  it('gives the /batches page an identity in demo mode only: the demo key, the same on every call; a Flint key still wins', async () => {
    const { authenticateBatchCaller } = await import('./http/authenticate-batch-caller');
    const page = () => new Request('http://flint/v1/batches', { headers: { authorization: 'Bearer flint-batches-page' } });
    const first = await authenticateBatchCaller(page(), true);
    expect(first.owner).toMatch(/^[0-9a-f-]{36}$/);
    expect(await authenticateBatchCaller(page(), true)).toEqual(first);
    await expect(authenticateBatchCaller(page(), false)).rejects.toMatchObject({ status: 401, code: 'invalid_api_key' });
    const withKey = await authenticateBatchCaller(new Request('http://flint/v1/batches', { headers: auth }), true);
    expect(withKey.owner).not.toBe(first.owner);
  });
});
