// What one open chat stream keeps alive, in one process, against the emulator (issue 14's 200 KB target):
//   node_modules/.bin/node --expose-gc --conditions=react-server --import ./lib/batch/test-support/resolve-ts-hooks.ts \
//     bench/heap-per-stream.ts [--streams 200] [--mode both|layers|floor|provider|chain|coalesced|steps] [--top 25] [--paths 6] [--history 0]
// N streams are opened (the emulator delays every frame 1 s, so they stay open) and read like an HTTP
// response would be (a read always pending). After a forced GC, process.memoryUsage() and a heap
// snapshot are taken at idle and with the N streams open; objects new in the second snapshot (V8
// keeps object ids across snapshots) are summed per stream by constructor and by the closure
// variable nearest to them on their shortest retainer path, and for the largest kinds (and the
// largest single objects) one retainer path from the GC roots is printed. Modes: `floor` is the
// provider's bytes held as a Response body (bench/next-app/app/api/floor); `provider`, `chain`,
// `coalesced` add one layer each (the SDK provider model's doStream, the fallback chain, the
// coalescer); `steps` is bench/next-app/app/api/steps' handler on a Request (streamChatSteps
// behind all of them, tools offered); `layers` runs all five, so each layer's cost is a difference.
// `--history N` puts N earlier turns (~800 characters each) in the steps request. Next's HTTP
// objects are in none of them. "code" and "ModuleWrap" rows are lazy compilation during the run,
// not per stream. bench/heap-rss-per-stream.ts reads the same split off a real `next start`.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { parseArgs } from 'node:util';
import { getHeapSpaceStatistics, writeHeapSnapshot } from 'node:v8';
import type { LanguageModelV4, LanguageModelV4Prompt } from '@ai-sdk/provider';
import { convertToModelMessages, safeValidateUIMessages, wrapLanguageModel, type UIMessage } from 'ai';
import { createCatalog } from '../lib/ai/catalog/catalog';
import { eventLoopBusyMs } from '../lib/ai/fallback/event-loop-busy';
import { createFallbackModel } from '../lib/ai/fallback/fallback-model';
import { createFallbackTrace } from '../lib/ai/fallback/fallback-trace';
import { createHealthRegistry } from '../lib/ai/health/health';
import { coalesceDeltasMiddleware } from '../lib/ai/middleware/coalesce-deltas';
import { createProviders } from '../lib/ai/providers';
import { routeRequest } from '../lib/ai/routing/router';
import { calculator } from '../lib/ai/tools/calculator';
import { createCurrentTime } from '../lib/ai/tools/current-time';
import { streamChatSteps, uiMessageSseResponse } from '../lib/services/chat-stream';
import { modelToolsOf } from '../lib/services/chat-stream/model-tools';
import { heapDiff, type HeapDiff } from './heap-snapshot-diff.ts';

const { values } = parseArgs({
  options: { streams: { type: 'string', default: '200' }, mode: { type: 'string', default: 'both' }, top: { type: 'string', default: '25' }, paths: { type: 'string', default: '6' }, history: { type: 'string', default: '0' } },
});
const streams = Number(values.streams);
const modes = values.mode === 'both' ? ['floor', 'steps'] : values.mode === 'layers' ? ['floor', 'provider', 'chain', 'coalesced', 'steps'] : [values.mode!];
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with --expose-gc (see the command at the top of this file)');

const emulator = spawn(process.execPath, ['emulator/main.ts', '--port', '0', '--speed', '1'], { stdio: ['ignore', 'pipe', 'inherit'] });
const emulatorURL = await new Promise<string>((resolve, reject) => {
  emulator.stdout.on('data', (chunk: Buffer) => {
    const match = /listening on (\S+)/.exec(String(chunk));
    if (match) resolve(match[1]!);
  });
  emulator.once('exit', () => reject(new Error('emulator exited')));
});
const groqBaseURL = `${emulatorURL}/openai/v1`;
const instructions = 'You are Flint, a fast, friendly assistant. Answer clearly and concisely; use Markdown where it helps.';

const catalog = createCatalog();
const providers = createProviders({ groq: { apiKey: 'gsk_bench', baseURL: groqBaseURL }, openai: { baseURL: 'http://127.0.0.1:9/v1' } });
const health = createHealthRegistry();
const tools = { calculator, currentTime: createCurrentTime() };

function chatRequest(text: string, signal: AbortSignal): Request {
  const id = crypto.randomUUID();
  // --history N: N earlier turns (a ~400-character question and answer each) before the new message.
  const earlier = Array.from({ length: Number(values.history) }, (_, turn) => [
    { id: `${id}-q${turn}`, role: 'user', parts: [{ type: 'text', text: `Earlier question ${turn}: ${'why is flint so hard? '.repeat(18)}` }] },
    { id: `${id}-a${turn}`, role: 'assistant', parts: [{ type: 'text', text: `Earlier answer ${turn}: ${'flint is microcrystalline quartz. '.repeat(12)}` }] },
  ]).flat();
  const body = { id, trigger: 'submit-message', tier: 'speed', messages: [...earlier, { id: `${id}-u`, role: 'user', parts: [{ type: 'text', text }] }] };
  return new Request('http://flint.test/api/chat', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' }, signal });
}

/** bench/next-app/app/api/floor's handler. */
async function floor(request: Request): Promise<Response> {
  const body = (await request.json()) as { messages: UIMessage[] };
  const part = body.messages.at(-1)?.parts[0];
  const upstream = await fetch(`${groqBaseURL}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer gsk_bench' },
    body: JSON.stringify({ model: 'openai/gpt-oss-20b', stream: true, messages: [{ role: 'system', content: instructions }, { role: 'user', content: part?.type === 'text' ? part.text : '' }] }),
    signal: request.signal,
  });
  return new Response(upstream.body, { status: upstream.status, headers: { 'content-type': 'text/event-stream' } });
}

/** bench/next-app/app/api/steps' handler (the path /api/chat uses). */
async function steps(request: Request): Promise<Response> {
  const startedAt = Date.now();
  const body = (await request.json()) as { messages: UIMessage[] };
  const validated = await safeValidateUIMessages({ messages: body.messages });
  if (!validated.success) return new Response('bad request', { status: 400 });
  const trace = createFallbackTrace();
  const candidates = routeRequest({ tier: 'speed', hasImages: false, needsTools: true, needsJson: false, estimatedPromptTokens: 20 }, catalog, providers.configured);
  const chain = createFallbackModel({
    candidates: candidates.map((entry) => ({ entry, model: providers.languageModel(entry) })),
    health,
    firstTokenTimeoutMs: 1500,
    totalTimeoutMs: 180_000,
    trace,
    busyClock: eventLoopBusyMs,
  });
  const model = wrapLanguageModel({ model: chain, middleware: coalesceDeltasMiddleware() });
  const sse = await streamChatSteps({
    model,
    prompt: { instructions, messages: await convertToModelMessages(validated.data) },
    tools,
    maxSteps: 5,
    abortSignal: request.signal,
    onError: () => '{"code":"unavailable:chat"}',
    messageMetadata: (event) =>
      event.type === 'start'
        ? { createdAt: startedAt }
        : { model: trace.servedBy?.label, attempts: trace.attempts.length, outputTokens: event.usage.outputTokens, steps: event.steps },
  });
  return uiMessageSseResponse(sse, { headers: { 'cache-control': 'no-cache, no-transform' } });
}

/** The layers under streamChatSteps, one more each: the provider's SDK model, the fallback chain, the chain and the coalescer. */
function layer(wrap: (prompt: LanguageModelV4Prompt, signal: AbortSignal) => Promise<ReadableStream<unknown>>) {
  return async (request: Request): Promise<ReadableStream<unknown>> => {
    const body = (await request.json()) as { messages: UIMessage[] };
    const part = body.messages.at(-1)?.parts[0];
    const text = part?.type === 'text' ? part.text : '';
    return wrap([{ role: 'system', content: instructions }, { role: 'user', content: [{ type: 'text', text }] }], request.signal);
  };
}
const [first] = routeRequest({ tier: 'speed', hasImages: false, needsTools: true, needsJson: false, estimatedPromptTokens: 20 }, catalog, providers.configured);
const modelTools = await modelToolsOf(tools);
const chainOf = () =>
  createFallbackModel({
    candidates: routeRequest({ tier: 'speed', hasImages: false, needsTools: true, needsJson: false, estimatedPromptTokens: 20 }, catalog, providers.configured).map((entry) => ({ entry, model: providers.languageModel(entry) })),
    health,
    firstTokenTimeoutMs: 1500,
    totalTimeoutMs: 180_000,
    trace: createFallbackTrace(),
    busyClock: eventLoopBusyMs,
  });
const doStream = async (model: LanguageModelV4, prompt: LanguageModelV4Prompt, abortSignal: AbortSignal) => (await model.doStream({ prompt, tools: modelTools, abortSignal })).stream;

const handlers: Record<string, (request: Request) => Promise<ReadableStream<unknown>>> = {
  floor: async (request) => (await floor(request)).body!,
  provider: layer((prompt, signal) => doStream(providers.languageModel(first!), prompt, signal)),
  chain: layer((prompt, signal) => doStream(chainOf(), prompt, signal)),
  coalesced: layer((prompt, signal) => doStream(wrapLanguageModel({ model: chainOf(), middleware: coalesceDeltasMiddleware() }), prompt, signal)),
  steps: async (request) => (await steps(request)).body!,
};

/** Opens one stream and reads it as an HTTP response body would be piped: one read always pending. */
async function open(handler: (request: Request) => Promise<ReadableStream<unknown>>, text: string) {
  const abort = new AbortController();
  const reader = (await handler(chatRequest(text, abort.signal))).getReader();
  let first!: () => void;
  const gotFirst = new Promise<void>((resolve) => (first = resolve));
  const done = (async () => {
    try {
      for (;;) {
        const { done: finished } = await reader.read();
        first();
        if (finished) return;
      }
    } catch {
      first();
    }
  })();
  await gotFirst;
  return {
    close: async () => {
      abort.abort(new Error('bench: client closed'));
      await reader.cancel().catch(() => {});
      await done;
    },
  };
}

async function fault(method: 'POST' | 'DELETE', spec?: Record<string, unknown>) {
  await fetch(`${emulatorURL}/_emulator/faults`, { method, headers: { 'content-type': 'application/json' }, ...(spec ? { body: JSON.stringify(spec) } : {}) });
}

function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 300));
}

type Usage = NodeJS.MemoryUsage & { newSpace: number; oldSpaceUsed: number };
/** process.memoryUsage() plus the young generation's committed size and the old space's live bytes. */
function usage(): Usage {
  const spaces = getHeapSpaceStatistics();
  const space = (name: string) => spaces.find((entry) => entry.space_name === name);
  return { ...process.memoryUsage(), newSpace: space('new_space')?.space_size ?? 0, oldSpaceUsed: space('old_space')?.space_used_size ?? 0 };
}
const kib = (bytes: number) => (bytes / 1024).toFixed(1);

async function measure(mode: string): Promise<{ idle: Usage; heldRaw: Usage; held: Usage; count: number; diff: HeapDiff }> {
  const handler = handlers[mode]!;
  for (let round = 0; round < 5; round += 1) await Promise.all(Array.from({ length: 20 }, () => open(handler, 'warm up [emulate tokens=5]').then((stream) => stream)));
  await settle();
  gc!();
  gc!();
  const idle = usage();
  const idleFile = writeHeapSnapshot(`${tmpdir()}/flint-heap-${mode}-idle.heapsnapshot`);
  await fault('POST', { provider: 'groq', kind: 'slow', ms: 1000 });
  const held: Array<{ close: () => Promise<void> }> = [];
  while (held.length < streams) held.push(...(await Promise.all(Array.from({ length: Math.min(25, streams - held.length) }, () => open(handler, 'hold [emulate tokens=120]')))));
  await settle();
  const heldRaw = usage();
  gc!();
  gc!();
  const heldUsage = usage();
  const heldFile = writeHeapSnapshot(`${tmpdir()}/flint-heap-${mode}-held.heapsnapshot`);
  await Promise.all(held.map((stream) => stream.close()));
  await fault('DELETE');
  const diff = heapDiff(readFileSync(idleFile, 'utf8'), readFileSync(heldFile, 'utf8'), Number(values.paths));
  rmSync(idleFile);
  rmSync(heldFile);
  return { idle, heldRaw, held: heldUsage, count: held.length, diff };
}

const summary: string[] = [];
try {
  for (const mode of modes) {
    const { idle, heldRaw, held, count, diff } = await measure(mode);
    const per = (key: keyof Usage, after: Usage) => kib((after[key] - idle[key]) / count);
    summary.push(`| ${mode} | ${per('heapUsed', heldRaw)} | ${per('heapUsed', held)} | ${per('arrayBuffers', held)} | ${kib(diff.totalBytes / count)} |`);
    process.stdout.write(`\n## ${mode}: ${count} open streams, KiB per stream\n\n`);
    process.stdout.write('| rss | heapUsed before GC | heapUsed after GC | old space used after GC | heapTotal | external | arrayBuffers | new objects in snapshot | young generation committed, idle -> held (MiB) |\n|---|---|---|---|---|---|---|---|---|\n');
    const mib = (bytes: number) => (bytes / 1048576).toFixed(1);
    process.stdout.write(`| ${per('rss', held)} | ${per('heapUsed', heldRaw)} | ${per('heapUsed', held)} | ${per('oldSpaceUsed', held)} | ${per('heapTotal', held)} | ${per('external', held)} | ${per('arrayBuffers', held)} | ${kib(diff.totalBytes / count)} | ${mib(idle.newSpace)} -> ${mib(heldRaw.newSpace)} |\n\n`);
    process.stdout.write('| kind (type: constructor) | objects per stream | bytes per stream |\n|---|---|---|\n');
    for (const row of diff.rows.slice(0, Number(values.top))) process.stdout.write(`| ${row.kind} | ${(row.count / count).toFixed(1)} | ${(row.bytes / count).toFixed(0)} |\n`);
    process.stdout.write('\n| held by closure variable (nearest on the shortest retainer path) | objects per stream | bytes per stream |\n|---|---|---|\n');
    for (const row of diff.holders.slice(0, Number(values.top))) process.stdout.write(`| ${row.kind} | ${(row.count / count).toFixed(1)} | ${(row.bytes / count).toFixed(0)} |\n`);
    process.stdout.write('\nOne retainer path (GC root first) of a new object of each largest kind:\n');
    for (const path of diff.paths) process.stdout.write(`- ${path}\n`);
  }
  process.stdout.write(`\n## Summary, KiB per open stream (${streams} streams)\n\n| mode | heapUsed before GC | heapUsed after GC | arrayBuffers | new objects in snapshot |\n|---|---|---|---|---|\n${summary.join('\n')}\n`);
} finally {
  emulator.kill();
}
