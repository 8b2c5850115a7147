// Only the /v1 row of npm run bench, on the production builds: node bench/v1-only.ts [--build]
// (CONCURRENCY=1,10 and ROUNDS=N narrow a run; the default is the full bench's).
import { benchAdminToken, benchAppDir, buildIfNeeded, root, startApp, startBenchApp, startEmulator } from './servers.ts';
import { benchV1, createBenchKey } from './v1.ts';

const runShape = {
  ...(process.env.CONCURRENCY ? { concurrencies: process.env.CONCURRENCY.split(',').map(Number) } : {}),
  ...(process.env.ROUNDS ? { rounds: Number(process.env.ROUNDS) } : {}),
};
for (const dir of [root, benchAppDir]) buildIfNeeded(dir, process.argv.includes('--build'), (line) => process.stdout.write(`${line}\n`));
const emulator = await startEmulator(4230);
try {
  const app = await startApp(3230, emulator.url);
  const bench = await startBenchApp(3231, emulator.url);
  try {
    const key = await createBenchKey(app.url, benchAdminToken);
    process.stdout.write(`${await benchV1({ appURL: app.url, emulatorURL: emulator.url, pipeURL: `${bench.url}/api/pipe`, key, pids: { v1: app.pid, pipe: bench.pid }, ...runShape })}\n`);
  } finally {
    await app.stop();
    await bench.stop();
  }
} finally {
  await emulator.stop();
}
