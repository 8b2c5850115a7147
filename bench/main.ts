// npm run bench: what Flint's /api/chat adds over calling the (emulated) provider directly, side by
// side with a floor route (the provider's bytes piped through Next), a naive streamText route and the
// fast-path prototype, all built into bench/next-app. Production builds (next build + next start) on
// Node 24, servers pinned to one core, loopback only, bounded in time, no assertions.
// Flag: --build rebuilds both apps (they are built anyway when they have no build).
import { execFileSync } from 'node:child_process';
import { setTimeout as delay } from 'node:timers/promises';
import { figuresTable, latencyAndCpu, rssPerOpenStream, type Figures, type Subject } from './compare-servers.ts';
import { benchBatchThroughput } from './batch-throughput.ts';
import { benchFailover } from './failover.ts';
import { fallbacksAtOnce } from './fallbacks-at-once.ts';
import { rssBytes } from './process-stats.ts';
import { benchAdminToken, benchAppDir, buildIfNeeded, root, serverLog, startApp, startBenchApp, startEmulator, startFlags } from './servers.ts';
import { benchV1, createBenchKey } from './v1.ts';
import { cell } from './stats.ts';
import { streamOnce } from './stream-client.ts';
import { benchTranscribe } from './transcribe.ts';

const appPort = 3200;
const benchAppPort = 3210;
const emulatorPort = 4200;
const emulatorURL = `http://127.0.0.1:${emulatorPort}`;
/** ~50 content frames plus gpt-oss reasoning (~45 frames), as issue 14's figures were taken. */
const answerTokens = 50;
const openStreams = 200;

function log(line: string) {
  process.stdout.write(`${line}\n`);
}

function chatBody(text: string, tier: 'speed' | 'quality' = 'speed') {
  const id = crypto.randomUUID();
  return { id, trigger: 'submit-message', tier, messages: [{ id: `${id}-u`, role: 'user', parts: [{ type: 'text', text }] }] };
}
const directBody = (text: string) => ({ model: 'openai/gpt-oss-20b', stream: true, messages: [{ role: 'user', content: text }] });
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
/**
 * Holds streams open: the emulator paced at 1 % of each model's speed (~10 tokens/s), so a reply
 * starts within the first-token deadline (a slowed first frame would send /api/chat to its backup
 * and end the stream) and then stays open for many seconds.
 */
async function holdStreams(on: boolean) {
  await setSpeed(on ? 0.01 : 1);
}

async function main() {
  const rebuild = process.argv.includes('--build');
  buildIfNeeded(root, rebuild, log);
  buildIfNeeded(benchAppDir, rebuild, log);
  const began = performance.now();
  const emulator = await startEmulator(emulatorPort);
  const upstream = { emulatorURL, chatBody, directBody, directHeaders, prompt };
  try {
    const direct = await streamOnce(`${emulatorURL}/openai/v1/chat/completions`, directBody(prompt), directHeaders);
    log(`node ${process.version}; servers pinned to core 1, emulator to core 0 (other agents share both cores)`);
    log(`upstream: gpt-oss-20b paced like Groq (~1000 tokens/s, 5 ms ticks), ${direct.frames} frames per reply (${answerTokens} content + reasoning)\n`);

    // One server per subject: a server that also serves other subjects between its own waves stays
    // warm (young generation grown, sockets and JIT hot) and measured 30-40 % cheaper than the same
    // route on a server that idles between waves, as the app's did.
    const app = await startApp(appPort, emulatorURL);
    const bare = await startApp(appPort + 1, emulatorURL, '', 'off');
    const benchRoute = (offset: number, nodeOptions = '') => startBenchApp(benchAppPort + offset, emulatorURL, nodeOptions);
    const bench = await benchRoute(0);
    // The young-generation cap `npm start` runs with (16 MiB semi-spaces; issue 14 measured 8, which cost
    // 1.7-2x the CPU), on a bench server of its own; the app's rows run with it too.
    const semiSpace = startFlags().join(' ');
    const fresh = (nodeOptions = '') => () => benchRoute(10, nodeOptions);
    const subjects: Subject[] = [
      { name: 'floor: Next route piping the bytes', path: '/api/floor', server: bench, fresh: fresh() },
      { name: 'the floor holding its headers until the first token (what a real error status costs)', path: '/api/held', server: await benchRoute(5), fresh: fresh() },
      { name: 'naive: streamText + toUIMessageStream', path: '/api/naive', server: await benchRoute(1), fresh: fresh() },
      { name: 'fast-path prototype (provider parts to SSE)', path: '/api/fast', server: await benchRoute(2), fresh: fresh() },
      { name: 'streamChatSteps + real chain + coalescer, tools offered', path: '/api/steps', server: await benchRoute(3), fresh: fresh() },
      { name: `the same with ${semiSpace} (as npm start runs)`, path: '/api/steps', server: await benchRoute(4, semiSpace), fresh: fresh(semiSpace) },
      { name: 'Flint /api/chat, middleware off (no logs, cache, guard)', path: '/api/chat', server: bare, fresh: () => startApp(appPort + 3, emulatorURL, '', 'off') },
      { name: 'Flint /api/chat (logs, metrics, cache, rate guard on)', path: '/api/chat', server: app, fresh: () => startApp(appPort + 2, emulatorURL) },
    ];
    const partial = await latencyAndCpu(subjects, upstream, direct.frames);

    log('\n## /v1/chat/completions streamed (OpenAI format, a gateway key with a budget): added time to first token over the emulator directly');
    log(await benchV1({ appURL: app.url, emulatorURL, pipeURL: `${bench.url}/api/pipe`, key: await createBenchKey(app.url, benchAdminToken), pids: { v1: app.pid, pipe: bench.pid } }));

    log(`## Streams opened at once on a healthy emulator (/api/chat)`);
    log(await fallbacksAtOnce({ appURL: app.url, emulatorURL, count: 200, chatBody: () => chatBody(prompt) }));

    log('\n## Failover (speed tier: gpt-oss-20b fails once, gpt-oss-120b answers)');
    log(await benchFailover({ appURL: app.url, fault, clearFaults, chatBody: (tier) => chatBody(prompt, tier) }));

    await clearFaults();
    await setSpeed(0);
    const longBefore = rssBytes(app.pid);
    let peak = longBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, rssBytes(app.pid))), 20);
    const long = await streamOnce(`${app.url}/api/chat`, chatBody('long [emulate tokens=20000]'));
    clearInterval(sampler);
    await setSpeed(1);
    log(`\none long answer via /api/chat (~20k tokens unpaced, ${cell(long.bytes / 1024)} KiB on the wire, ${cell(long.totalMs, 0)} ms): server RSS peak +${cell((peak - longBefore) / 2 ** 20)} MiB`);

    log('\n## Transcription: /api/transcribe vs the emulator directly (10 s WAV)');
    log(await benchTranscribe({ appURL: app.url, emulatorURL }));
    for (const server of new Set(subjects.map((subject) => subject.server))) await server.stop();

    // Memory last, each on a fresh server, so nothing the latency runs left behind is counted.
    const rows: Figures[] = [];
    for (const [index, subject] of subjects.entries()) {
      rows.push({ ...partial[index]!, rssPerStreamKiB: await rssPerOpenStream(subject, upstream, openStreams, holdStreams) });
      await delay(200);
    }
    log(`\n## Issue 14's four figures, one run (added = over the emulator called directly; RSS: ${openStreams} streams held open on a fresh server)`);
    log(figuresTable(rows));
    log(`\n## Middleware: CPU per request of logs, metrics and the rate guard, on vs off (in-process loop)\n${middlewareCost()}`);
    log(`\n## Batch: local-engine throughput, 500 short lines under an emulated 3,000 tokens/min limit\n${await benchBatchThroughput()}`);
    log(`\nbench ran ${cell((performance.now() - began) / 1000, 0)} s; the servers' stderr is in ${serverLog}`);
  } finally {
    await emulator.stop();
  }
}

/** Runs bench/middleware-cost.ts in its own Node (lib/ outside Next: the `@/` alias and server-only's server build). */
function middlewareCost(): string {
  const args = ['--conditions=react-server', '--import', './lib/batch/test-support/resolve-ts-hooks.ts', 'bench/middleware-cost.ts'];
  return execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' }).trim();
}

await main();
process.exit(0);
