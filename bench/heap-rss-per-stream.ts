// issue 14's RSS per open stream for the floor and /api/steps, split into what it is made of:
//   flock /tmp/flint-heavy.lock node_modules/.bin/node bench/heap-rss-per-stream.ts [--build] [--streams 200]
// Like bench/compare-servers.ts rssPerOpenStream (a fresh bench/next-app `next start`, warmed, then
// N streams held open while the emulator delays every frame 1 s), and read over the inspector at
// idle and held: RSS, the young generation's committed size (which the RSS figure contains and
// which grows with allocation, not with what a stream keeps), the heap used before and after a
// forced full GC (live bytes per stream, against a GC'd baseline once the streams closed),
// external and ArrayBuffer memory.
import { setTimeout as delay } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { concurrently } from './compare-servers.ts';
import { heapInspector, type ServerHeap } from './heap-inspector.ts';
import { rssBytes } from './process-stats.ts';
import { benchAppDir, buildIfNeeded, startBenchApp, startEmulator } from './servers.ts';
import { openStream, streamOnce } from './stream-client.ts';

const { values } = parseArgs({ options: { build: { type: 'boolean', default: false }, streams: { type: 'string', default: '200' }, runs: { type: 'string', default: '2' } } });
const streams = Number(values.streams);
const emulatorPort = 4271;
const appPort = 3271;
const inspectorPort = 9271;

function chatBody(text: string) {
  const id = crypto.randomUUID();
  return { id, trigger: 'submit-message', tier: 'speed', messages: [{ id: `${id}-u`, role: 'user', parts: [{ type: 'text', text }] }] };
}

buildIfNeeded(benchAppDir, values.build, (line) => process.stdout.write(`${line}\n`));
const emulator = await startEmulator(emulatorPort);
const fault = (method: 'POST' | 'DELETE', spec?: unknown) =>
  fetch(`${emulator.url}/_emulator/faults`, { method, headers: { 'content-type': 'application/json' }, ...(spec ? { body: JSON.stringify(spec) } : {}) });

const newSpace = (heap: ServerHeap) => heap.spaces.find((space) => space.space_name === 'new_space')?.space_size ?? 0;
const kib = (bytes: number) => (bytes / 1024).toFixed(0);
const mib = (bytes: number) => (bytes / 1048576).toFixed(1);

async function measure(path: string) {
  const server = await startBenchApp(appPort, emulator.url, `--inspect=127.0.0.1:${inspectorPort}`);
  const devtools = await heapInspector(inspectorPort);
  try {
    await concurrently(4, 20, () => streamOnce(`${server.url}${path}`, chatBody('Benchmark prompt [emulate tokens=50]')));
    await delay(1000);
    const idleRss = rssBytes(server.pid);
    const idle = await devtools.heap();
    await fault('POST', { provider: 'groq', kind: 'slow', ms: 1000 });
    const open: Array<{ close: () => void }> = [];
    while (open.length < streams) {
      const batch = await Promise.allSettled(Array.from({ length: 25 }, () => openStream(`${server.url}${path}`, chatBody('hold [emulate tokens=120]'))));
      for (const result of batch) if (result.status === 'fulfilled') open.push(result.value);
    }
    await delay(300);
    const heldRss = rssBytes(server.pid);
    const held = await devtools.heap();
    await devtools.collectGarbage();
    const collected = await devtools.heap();
    const collectedRss = rssBytes(server.pid);
    for (const stream of open) stream.close();
    await fault('DELETE');
    // The live baseline: the same server once the streams are gone, after a full GC (collecting at idle would change what the RSS column measures).
    await delay(1000);
    await devtools.collectGarbage();
    const closed = await devtools.heap();
    const per = (bytes: number) => kib(bytes / open.length);
    return `| ${path} | ${per(heldRss - idleRss)} | ${mib(newSpace(idle))} -> ${mib(newSpace(held))} | ${per(newSpace(held) - newSpace(idle))} | ${per(held.memory.heapUsed - idle.memory.heapUsed)} | ${per(collected.memory.heapUsed - closed.memory.heapUsed)} | ${per(held.memory.external - idle.memory.external)} | ${per(held.memory.arrayBuffers - idle.memory.arrayBuffers)} | ${per(collectedRss - idleRss)} |`;
  } finally {
    devtools.close();
    await server.stop();
  }
}

const rows: string[] = [];
try {
  for (let run = 0; run < Number(values.runs); run += 1) for (const path of ['/api/floor', '/api/steps']) rows.push(await measure(path));
} finally {
  await emulator.stop();
}
process.stdout.write(`${streams} streams held open, KiB per stream (live: heap used after a full GC with the streams open, minus after a full GC once they closed)\n\n`);
process.stdout.write('| route | RSS | young generation committed, idle -> held (MiB) | its growth per stream | heap used | live heap (after full GC) | external | ArrayBuffers | RSS after full GC |\n|---|---|---|---|---|---|---|---|---|\n');
process.stdout.write(`${rows.join('\n')}\n`);
process.exit(0);
