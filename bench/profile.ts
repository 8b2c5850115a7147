// node_modules/.bin/node bench/profile.ts [route]: /api/chat (or a bench/next-app route: /api/fast,
// /api/naive, /api/floor) under the V8 CPU profiler at 50 concurrent streams, attributed to
// issue 14's layers (bench/cpu-profile-attribution.ts). Only the measured window is profiled: the
// profiler is started and stopped over the inspector protocol after start-up and warm-up.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { attributionTable } from './cpu-profile-attribution.ts';
import { devtools as connectDevtools } from './devtools.ts';
import { concurrently } from './compare-servers.ts';
import { benchAppDir, buildIfNeeded, root, startApp, startBenchApp, startEmulator } from './servers.ts';
import { streamOnce } from './stream-client.ts';

const inspectorPort = 9239;
const requests = 300;
const path = process.argv.slice(2).find((arg) => arg.startsWith('/')) ?? '/api/chat';


const chatBody = () => {
  const id = crypto.randomUUID();
  return { id, trigger: 'submit-message', tier: 'speed', messages: [{ id: `${id}-u`, role: 'user', parts: [{ type: 'text', text: 'Benchmark prompt [emulate tokens=50]' }] }] };
};

const ofApp = path === '/api/chat';
buildIfNeeded(ofApp ? root : benchAppDir, process.argv.includes('--build'), (line) => process.stdout.write(`${line}\n`));
const emulator = await startEmulator(4230);
const inspect = `--inspect=127.0.0.1:${inspectorPort}`;
const app = await (ofApp ? startApp(3230, emulator.url, inspect) : startBenchApp(3230, emulator.url, inspect));
try {
  const url = `${app.url}${path}`;
  await concurrently(8, 100, () => streamOnce(url, chatBody()));
  const devtools = await connectDevtools(inspectorPort);
  await devtools.send('Profiler.enable');
  await devtools.send('Profiler.setSamplingInterval', { interval: 250 });
  await devtools.send('Profiler.start');
  const samples = await concurrently(50, requests, () => streamOnce(url, chatBody()));
  const { profile } = (await devtools.send('Profiler.stop')) as { profile: Parameters<typeof attributionTable>[0] };
  devtools.close();
  const file = `${tmpdir()}/flint-chat-${Date.now()}.cpuprofile`;
  writeFileSync(file, JSON.stringify(profile));
  process.stdout.write(`profile of ${path} at 50 concurrent, ${requests} requests (${samples.filter((sample) => !sample.ok).length} failed): ${file}\n\n`);
  process.stdout.write(`${attributionTable(profile, requests)}\n`);
} finally {
  await app.stop();
  await emulator.stop();
}
process.exit(0);
