// node_modules/.bin/node bench/v1-profile.ts [--build]: /v1/chat/completions streamed and the byte pipe
// (bench/next-app /api/pipe) under the V8 CPU profiler, each on its own server with the same load
// (CONCURRENCY streams at a time, default 1, REQUESTS of them, default 300), self time by source file.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { devtools as connectDevtools } from './devtools.ts';
import { benchAdminToken, benchAppDir, buildIfNeeded, root, startApp, startBenchApp, startEmulator, type Server } from './servers.ts';
import { byFileTable, type Profile } from './v1-profile-by-file.ts';
import { createBenchKey, ttftOnce } from './v1.ts';

const concurrency = Number(process.env.CONCURRENCY ?? 1);
const requests = Number(process.env.REQUESTS ?? 300);

async function load(run: () => Promise<number>, count: number) {
  let left = count;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (left-- > 0) await run();
  }));
}

async function profileOf(server: Server, port: number, run: () => Promise<number>): Promise<Profile> {
  await load(run, 100);
  const devtools = await connectDevtools(port);
  await devtools.send('Profiler.enable');
  await devtools.send('Profiler.setSamplingInterval', { interval: 100 });
  await devtools.send('Profiler.start');
  await load(run, requests);
  const { profile } = (await devtools.send('Profiler.stop')) as { profile: Profile };
  devtools.close();
  const file = `${tmpdir()}/flint-v1-${server.url.split(':').at(-1)}-${Date.now()}.cpuprofile`;
  writeFileSync(file, JSON.stringify(profile));
  process.stdout.write(`profile: ${file}\n`);
  return profile;
}

for (const dir of [root, benchAppDir]) buildIfNeeded(dir, process.argv.includes('--build'), (line) => process.stdout.write(`${line}\n`));
const emulator = await startEmulator(4230);
const app = await startApp(3230, emulator.url, '--inspect=127.0.0.1:9241');
const bench = await startBenchApp(3231, emulator.url, '--inspect=127.0.0.1:9242');
try {
  const key = await createBenchKey(app.url, benchAdminToken);
  const v1 = await profileOf(app, 9241, () => ttftOnce(`${app.url}/v1/chat/completions`, `Bearer ${key}`));
  const pipe = await profileOf(bench, 9242, () => ttftOnce(`${bench.url}/api/pipe`, 'Bearer gsk_bench'));
  process.stdout.write(`\nself time by source file at ${concurrency} concurrent, ${requests} requests each (sampling inflates the figures; compare rows)\n\n`);
  process.stdout.write(`${byFileTable([{ name: '/v1', profile: v1, requests }, { name: 'pipe', profile: pipe, requests }], Number(process.env.TOP ?? 40))}\n`);
} finally {
  await app.stop();
  await bench.stop();
  await emulator.stop();
}
process.exit(0);
