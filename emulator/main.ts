import { parseArgs } from 'node:util';
import { startEmulator } from './server.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    speed: { type: 'string' },
    transcript: { type: 'string' },
  },
});

const port = Number(values.port ?? process.env.EMULATOR_PORT ?? 4010);
const speed = values.speed === undefined ? 1 : Number(values.speed);
if (!Number.isInteger(port) || port < 0 || Number.isNaN(speed)) {
  console.error('usage: node emulator/main.ts [--port 4010] [--speed 1] [--transcript "text"]');
  process.exit(2);
}

const emulator = await startEmulator({ port, speed, transcript: values.transcript });
console.log(`emulator listening on ${emulator.url}`);

async function shutdown(): Promise<void> {
  await emulator.close();
  process.exit(0);
}
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
