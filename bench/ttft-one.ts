// Only issue 14's first figure, time to first token at one stream: /api/chat against the floor route and
// against the floor holding its headers until the first token, interleaved in one run on the production
// builds: node bench/ttft-one.ts [--build]. ROUNDS=N and IDLE_MS=N (the pause before each request, as a
// server in the full bench idles while the other subjects are served) set the run's shape. BASELINE=<dir>,
// a built checkout of another commit, adds its /api/chat as a row of the same run (an A/B comparison).
import { setTimeout as delay } from 'node:timers/promises';
import { benchAppDir, buildIfNeeded, root, startApp, startBenchApp, startEmulator } from './servers.ts';
import { cell, percentile } from './stats.ts';
import { streamOnce } from './stream-client.ts';

const rounds = Number(process.env.ROUNDS ?? 40);
const idleMs = Number(process.env.IDLE_MS ?? 1000);
const prompt = 'Benchmark prompt [emulate tokens=50]';
const chatBody = () => {
  const id = crypto.randomUUID();
  return { id, trigger: 'submit-message', tier: 'speed', messages: [{ id: `${id}-u`, role: 'user', parts: [{ type: 'text', text: prompt }] }] };
};
const directBody = { model: 'openai/gpt-oss-20b', stream: true, messages: [{ role: 'user', content: prompt }] };

for (const dir of [root, benchAppDir]) buildIfNeeded(dir, process.argv.includes('--build'), (line) => process.stdout.write(`${line}\n`));
const emulator = await startEmulator(4240);
const baseline = process.env.BASELINE ? `${process.env.BASELINE.replace(/\/$/, '')}/` : undefined;
const servers = [await startBenchApp(3241, emulator.url), await startBenchApp(3242, emulator.url), await startApp(3240, emulator.url)];
if (baseline) servers.push(await startApp(3243, emulator.url, '', 'on', baseline));
try {
  const direct = () => streamOnce(`${emulator.url}/openai/v1/chat/completions`, directBody, { authorization: 'Bearer gsk_bench' });
  const subjects = [
    { name: 'floor: Next route piping the bytes', url: `${servers[0]!.url}/api/floor` },
    { name: 'the floor holding its headers until the first token', url: `${servers[1]!.url}/api/held` },
    { name: 'Flint /api/chat (middleware on)', url: `${servers[2]!.url}/api/chat` },
    ...(baseline ? [{ name: `the same, built in ${baseline}`, url: `${servers[3]!.url}/api/chat` }] : []),
  ];
  for (const subject of subjects) for (let warm = 0; warm < 20; warm++) await streamOnce(subject.url, chatBody());
  const directTtft: number[] = [];
  const ttft = subjects.map(() => [] as number[]);
  for (let round = 0; round < rounds; round++) {
    await delay(idleMs);
    directTtft.push((await direct()).ttftMs);
    // Each round starts at another subject, so none always follows the direct call.
    for (let turn = 0; turn < subjects.length; turn++) {
      const index = (turn + round) % subjects.length;
      await delay(idleMs);
      ttft[index]![round] = (await streamOnce(subjects[index]!.url, chatBody())).ttftMs;
    }
  }
  const base = percentile(directTtft, 50);
  const paired = (index: number) => percentile(ttft[index]!.map((value, round) => value - ttft[0]![round]!).filter(Number.isFinite), 50);
  process.stdout.write(`emulator directly: TTFT p50 ${cell(base, 2)} ms; ${rounds} rounds, ${idleMs} ms idle before each request\n`);
  for (const [index, subject] of subjects.entries()) {
    const vsFloor = index === 0 ? '' : `, ${cell(paired(index), 2)} over the floor (median of the rounds' differences)`;
    process.stdout.write(`${subject.name}: added TTFT p50 ${cell(percentile(ttft[index]!, 50) - base, 2)} ms${vsFloor}\n`);
  }
} finally {
  for (const server of servers) await server.stop();
  await emulator.stop();
}
process.exit(0);
