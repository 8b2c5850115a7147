// npm run bench: what Flint's /api/chat adds over calling the (emulated) provider directly.
// Production build (next build + next start) on Node 24, loopback only, bounded in time, no
// assertions: it prints tables to compare with the targets in the README.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { cpuMicros, rssBytes } from './process-stats.ts';
import { cell, percentile } from './stats.ts';
import { openStream, streamOnce, type StreamSample } from './stream-client.ts';
import { benchTranscribe } from './transcribe.ts';

const root = new URL('..', import.meta.url).pathname;
const appPort = 3200;
const emulatorPort = 4200;
const emulatorURL = `http://127.0.0.1:${emulatorPort}`;
const appURL = `http://127.0.0.1:${appPort}`;
const answerTokens = 200;
/** The speed tier's first-token deadline (lib/services/chat.ts). */
const stallDeadlineMs = 1500;

function log(line: string) {
  process.stdout.write(`${line}\n`);
}

/** Pins a child to one core when taskset exists, as the reference figures were taken. */
function spawnPinned(core: number, command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const pinned = spawnSync('which', ['taskset']).status === 0;
  const [file, argv] = pinned ? ['taskset', ['-c', String(core), command, ...args]] : [command, args];
  // Its own process group, so stopping it also stops the server `next start` forks.
  return spawn(file, argv, { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'], detached: true });
}

/** Stops a child and everything it started. */
function stopGroup(child: ChildProcess) {
  try {
    process.kill(-child.pid!, 'SIGTERM');
  } catch {
    // already gone
  }
}

/** A server left over from an earlier run would be measured instead of this build: refuse. */
async function assertPortFree(url: string) {
  const answered = await fetch(url).then(() => true, () => false);
  if (answered) throw new Error(`${url} already answers: stop the server left on that port first`);
}

async function waitFor(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await delay(100);
  }
  throw new Error(`${url} did not come up within ${timeoutMs} ms`);
}

function chatBody(text: string, tier: 'speed' | 'quality' = 'speed') {
  const id = crypto.randomUUID();
  return { id, trigger: 'submit-message', tier, messages: [{ id: `${id}-u`, role: 'user', parts: [{ type: 'text', text }] }] };
}

function directBody(text: string, model = 'openai/gpt-oss-20b') {
  return { model, stream: true, messages: [{ role: 'user', content: text }] };
}

const directHeaders = { authorization: 'Bearer gsk_bench' };
const prompt = `Benchmark prompt [emulate tokens=${answerTokens}]`;

async function fault(spec: Record<string, unknown>) {
  await fetch(`${emulatorURL}/_emulator/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(spec) });
}
/** Paces the emulator: 1 = each model's real tokens/s, 0 = as fast as possible. */
async function setSpeed(speed: number) {
  await fetch(`${emulatorURL}/_emulator/config`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ speed }) });
}
async function clearFaults() {
  await fetch(`${emulatorURL}/_emulator/faults`, { method: 'DELETE' });
  await fetch(`${emulatorURL}/_emulator/requests`, { method: 'DELETE' });
}

/** Polls /api/health until the model's breaker has left `state` (bounded: 10 s). */
async function untilBreakerIsNot(state: string, model: string) {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const report = (await (await fetch(`${appURL}/api/health`)).json()) as { models: Array<{ model: string; breaker: string }> };
    if (report.models.find((entry) => entry.model === model)?.breaker !== state) return;
    await delay(50);
  }
}

/** Runs `total` calls of `task`, `concurrency` at a time. */
async function concurrently<T>(concurrency: number, total: number, task: () => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next++;
        results.push(await task());
      }
    }),
  );
  return results;
}

async function main() {
  if (!existsSync(`${root}.next/BUILD_ID`) || process.argv.includes('--build')) {
    log('building (next build)…');
    const build = spawnSync(process.execPath, [`${root}node_modules/next/dist/bin/next`, 'build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('next build failed');
  }
  await assertPortFree(`${appURL}/api/health`);
  await assertPortFree(`${emulatorURL}/_emulator`);
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  const emulator = spawnPinned(0, process.execPath, ['emulator/main.ts', '--port', String(emulatorPort), '--speed', '1'], env);
  const app = spawnPinned(1, process.execPath, [`${root}node_modules/next/dist/bin/next`, 'start', '--port', String(appPort), '--hostname', '127.0.0.1'], {
    ...env,
    FLINT_DEMO: '1',
    // The bench is one client sending hundreds of requests: the client rate guard would refuse most of them.
    FLINT_RATE_LIMIT: process.env.FLINT_RATE_LIMIT ?? '0',
    GROQ_API_KEY: 'gsk_bench',
    GROQ_BASE_URL: `${emulatorURL}/openai/v1`,
    OPENAI_API_KEY: 'sk-bench',
    OPENAI_BASE_URL: `${emulatorURL}/v1`,
  });
  const stop = () => {
    stopGroup(app);
    stopGroup(emulator);
  };
  process.on('exit', stop);
  try {
    await waitFor(`${emulatorURL}/openai/v1/models`, 20_000).catch(() => waitFor(`${emulatorURL}/_emulator/requests`, 1));
    await waitFor(`${appURL}/api/health`, 60_000);
    const appPid = app.pid!;
    log(`node ${process.version}; server pinned to core 1, emulator to core 0; answers of ${answerTokens} tokens`);
    log('upstream paced like Groq (gpt-oss-20b ~1000 tokens/s) for TTFT and throughput; unpaced for memory and failover\n');

    await concurrently(4, 40, () => streamOnce(`${appURL}/api/chat`, chatBody(prompt)));
    await concurrently(4, 40, () => streamOnce(`${emulatorURL}/openai/v1/chat/completions`, directBody(prompt), directHeaders));

    log('## Time to first token and throughput: /api/chat vs the emulator directly');
    log('| concurrent | direct TTFT p50 / p99 ms | /api/chat TTFT p50 / p99 ms | added p50 / p99 ms | streams/s via app | CPU us per chunk (server) |');
    log('|---|---|---|---|---|---|');
    for (const concurrency of [1, 10, 50]) {
      const total = Math.max(60, concurrency * 6);
      const direct = await concurrently(concurrency, total, () =>
        streamOnce(`${emulatorURL}/openai/v1/chat/completions`, directBody(prompt), directHeaders),
      );
      const cpuBefore = cpuMicros(appPid);
      const started = performance.now();
      const viaApp = await concurrently(concurrency, total, () => streamOnce(`${appURL}/api/chat`, chatBody(prompt)));
      const seconds = (performance.now() - started) / 1000;
      const cpuPerChunk = (cpuMicros(appPid) - cpuBefore) / (total * answerTokens);
      const ttft = (samples: StreamSample[]) => samples.filter((sample) => sample.ok).map((sample) => sample.ttftMs);
      const [d50, d99, a50, a99] = [percentile(ttft(direct), 50), percentile(ttft(direct), 99), percentile(ttft(viaApp), 50), percentile(ttft(viaApp), 99)];
      const failed = viaApp.filter((sample) => !sample.ok).length;
      log(
        `| ${concurrency} | ${cell(d50, 2)} / ${cell(d99, 2)} | ${cell(a50, 2)} / ${cell(a99, 2)} | ${cell(a50 - d50, 2)} / ${cell(a99 - d99, 2)} | ${cell(total / seconds)}${failed ? ` (${failed} failed)` : ''} | ${cell(cpuPerChunk, 0)} |`,
      );
    }

    await setSpeed(0);
    log('\n## Memory');
    await fault({ provider: 'groq', kind: 'slow', ms: 1000 });
    global.gc?.();
    await delay(500);
    const idleRss = rssBytes(appPid);
    const open: Array<{ close: () => void }> = [];
    const openTarget = 500;
    const openStarted = performance.now();
    while (open.length < openTarget && performance.now() - openStarted < 60_000) {
      const batch = await Promise.allSettled(Array.from({ length: 25 }, () => openStream(`${appURL}/api/chat`, chatBody('hold [emulate tokens=120]'))));
      for (const result of batch) if (result.status === 'fulfilled') open.push(result.value);
    }
    const openRss = rssBytes(appPid);
    for (const stream of open) stream.close();
    await clearFaults();
    log(`| open streams | server RSS idle | server RSS with streams open | per open stream |`);
    log(`|---|---|---|---|`);
    log(`| ${open.length} | ${cell(idleRss / 2 ** 20)} MiB | ${cell(openRss / 2 ** 20)} MiB | ${cell((openRss - idleRss) / open.length / 1024)} KiB |`);

    await delay(1000);
    const longBefore = rssBytes(appPid);
    let peak = longBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, rssBytes(appPid))), 20);
    const long = await streamOnce(`${appURL}/api/chat`, chatBody('long [emulate tokens=20000]'));
    clearInterval(sampler);
    log(`\none long answer (~20k tokens, ${cell(long.bytes / 1024)} KiB on the wire, ${cell(long.totalMs, 0)} ms): server RSS peak +${cell((peak - longBefore) / 2 ** 20)} MiB`);

    log('\n## Failover (speed tier: gpt-oss-20b fails once, gpt-oss-120b answers)');
    log('| fault | TTFT p50 ms | single-target TTFT p50 ms (120b directly via app) | failover cost p50 ms | served by |');
    log('|---|---|---|---|---|');
    const single: number[] = [];
    for (let run = 0; run < 20; run++) single.push((await streamOnce(`${appURL}/api/chat`, chatBody(prompt, 'quality'))).ttftMs);
    const singleP50 = percentile(single, 50);
    const faults: Array<[string, Record<string, unknown>, number]> = [
      ['429', { kind: 'status', status: 429, retryAfterSeconds: 1 }, 10],
      ['503', { kind: 'status', status: 503 }, 20],
      ['stall (deadline 1.5 s)', { kind: 'stall', ms: 10_000 }, 5],
    ];
    for (const [name, spec, runs] of faults) {
      const samples: number[] = [];
      const servedBy = new Set<string>();
      for (let run = 0; run < runs; run++) {
        await fault({ provider: 'groq', model: 'openai/gpt-oss-20b', times: 1, ...spec });
        const sample = await streamOnce(`${appURL}/api/chat`, chatBody(prompt, 'speed'));
        samples.push(sample.ttftMs);
        servedBy.add(sample.servedBy ?? '?');
        // Let the breaker reopen (a 429's retry-after is at least 1 s) and a healthy call close it,
        // so every run measures a real failover, not a skip.
        await clearFaults();
        await untilBreakerIsNot('open', 'openai/gpt-oss-20b');
        await streamOnce(`${appURL}/api/chat`, chatBody(prompt, 'speed'));
      }
      const p50 = percentile(samples, 50);
      const cost = spec.kind === 'stall' ? `${cell(p50 - singleP50 - stallDeadlineMs, 2)} past the deadline` : cell(p50 - singleP50, 2);
      log(`| ${name} | ${cell(p50, 2)} | ${cell(singleP50, 2)} | ${cost} | ${[...servedBy].join(', ')} |`);
    }
    log('\n## Transcription: /api/transcribe vs the emulator directly (10 s WAV)');
    log(await benchTranscribe({ appURL, emulatorURL }));
  } finally {
    stop();
  }
}

await main();
process.exit(0);
