// Only the /v1 row of npm run bench, on the production build: node bench/v1-only.ts [--build]
import { buildIfNeeded, benchAdminToken, root, startApp, startEmulator } from './servers.ts';
import { benchV1, createBenchKey } from './v1.ts';

buildIfNeeded(root, process.argv.includes('--build'), (line) => process.stdout.write(`${line}\n`));
const emulator = await startEmulator(4230);
try {
  const app = await startApp(3230, emulator.url);
  try {
    process.stdout.write(`${await benchV1({ appURL: app.url, emulatorURL: emulator.url, key: await createBenchKey(app.url, benchAdminToken) })}\n`);
  } finally {
    await app.stop();
  }
} finally {
  await emulator.stop();
}
