// How much resident memory the Next server adds while it transcribes one 24 MB upload, and 8 at once.
//   node scripts/measure-transcribe-memory.ts [--mode start|dev] [--dir <project root>]
// Starts its own emulator and `next` on free ports, samples the server's process tree from /proc
// every 10 ms, and prints the peak RSS above the idle baseline.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { parseArgs } from 'node:util';
import { rssBytes } from '../bench/process-stats.ts';
import { startEmulator } from '../emulator/server.ts';
import { makeWav } from '../emulator/wav-fixture.ts';

const { values } = parseArgs({ options: { mode: { type: 'string', default: 'start' }, dir: { type: 'string', default: process.cwd() } } });

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

const emulator = await startEmulator({ port: 0, speed: 1000, transcript: 'Measured.' });
const port = await freePort();
const next = spawn(process.execPath, [`${values.dir}/node_modules/next/dist/bin/next`, values.mode, '--port', String(port), '--hostname', '127.0.0.1'], {
  cwd: values.dir,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', GROQ_API_KEY: 'gsk_measure', GROQ_BASE_URL: emulator.groqBaseURL, OPENAI_API_KEY: '', OPENAI_BASE_URL: emulator.openaiBaseURL },
});
const base = `http://127.0.0.1:${port}`;
for (let tries = 0; ; tries++) {
  if (await fetch(`${base}/api/health`).then((response) => response.ok, () => false)) break;
  if (tries > 600) throw new Error('the server did not start');
  await new Promise((resolve) => setTimeout(resolve, 200));
}

// 24 MB of 16 kHz mono WAV: about 786 s of quiet tone.
const clip = makeWav({ seconds: (24 * 1024 * 1024 - 44) / 32_000, amplitude: 0.2 });
const small = makeWav({ seconds: 1 });
const upload = (audio: Uint8Array<ArrayBuffer>) => {
  const form = new FormData();
  form.append('file', new Blob([audio], { type: 'audio/wav' }), 'clip.wav');
  return fetch(`${base}/api/transcribe`, { method: 'POST', body: form }).then(async (response) => {
    await response.arrayBuffer();
    return response.status;
  });
};

async function peakDuring(work: () => Promise<number[]>) {
  global.gc?.();
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const baseline = rssBytes(next.pid!);
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssBytes(next.pid!));
  }, 10);
  const statuses = await work();
  await new Promise((resolve) => setTimeout(resolve, 300));
  clearInterval(sampler);
  return { baselineMB: Math.round(baseline / 2 ** 20), addedMB: Math.round((peak - baseline) / 2 ** 20), statuses };
}

// Warm every code path (route compilation in dev, lazy modules) before measuring.
for (let run = 0; run < 3; run++) await upload(small);
await upload(clip);
const one = await peakDuring(async () => [await upload(clip)]);
const eight = await peakDuring(() => Promise.all(Array.from({ length: 8 }, () => upload(clip))));
console.log(JSON.stringify({ mode: values.mode, dir: values.dir, uploadMB: Math.round(clip.byteLength / 2 ** 20), one, eight }));
next.kill('SIGTERM');
await emulator.close();
process.exit(0);
