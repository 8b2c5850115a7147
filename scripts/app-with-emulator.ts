// Starts Flint's provider emulator and the Next app wired to it (demo mode), and stops both together.
//   node scripts/app-with-emulator.ts --mode dev|start [--port 3000] [--emulator-port 4010] [--speed 1]
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { startEmulator } from '../emulator/server.ts';

const { values } = parseArgs({
  options: {
    mode: { type: 'string', default: 'dev' },
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    'emulator-port': { type: 'string', default: process.env.EMULATOR_PORT ?? '4010' },
    speed: { type: 'string', default: '1' },
  },
});

const emulator = await startEmulator({ port: Number(values['emulator-port']), speed: Number(values.speed) });
console.log(`emulator listening on ${emulator.url}`);

const next = new URL('../node_modules/next/dist/bin/next', import.meta.url).pathname;
const app = spawn(process.execPath, [next, values.mode === 'start' ? 'start' : 'dev', '--port', values.port, '--hostname', '127.0.0.1'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    FLINT_DEMO: '1',
    GROQ_API_KEY: 'gsk_demo_emulator',
    GROQ_BASE_URL: emulator.groqBaseURL,
    OPENAI_API_KEY: 'sk-demo-emulator',
    OPENAI_BASE_URL: emulator.openaiBaseURL,
  },
});
console.log(`Flint demo: open http://localhost:${values.port} (replies come from the local emulator)`);

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  await emulator.close();
  // `next start` forks the real server and does not pass signals on, so stopping only `app` would
  // orphan it on the port. npm and Playwright start this script in a process group of its own
  // making: end the whole group (this process included).
  process.exitCode = code;
  process.kill(0, 'SIGTERM');
}
app.on('exit', (code) => void shutdown(code ?? 0));
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
