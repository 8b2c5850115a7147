// What Flint's /api/transcribe adds over calling the (emulated) Groq transcription endpoint directly,
// for a 10-second WAV clip. The lead's bench/main.ts calls benchTranscribe; standalone, against a running app:
//   node bench/transcribe.ts --app http://127.0.0.1:3000 --emulator http://127.0.0.1:4010
import { parseArgs } from 'node:util';
import { makeWav } from '../emulator/wav-fixture.ts';
import { cell, percentile } from './stats.ts';

const runs = 30;
const warmup = 3;
const clip = makeWav({ seconds: 10, amplitude: 0.3 });

function form(fields: Record<string, string>): FormData {
  const body = new FormData();
  body.append('file', new Blob([clip], { type: 'audio/wav' }), 'clip.wav');
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  return body;
}

/** Wall time of one multipart POST until the whole JSON answer is read; throws on a non-2xx. */
async function timeUpload(url: string, body: FormData, headers: Record<string, string> = {}): Promise<number> {
  const startedAt = performance.now();
  const response = await fetch(url, { method: 'POST', body, headers });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return performance.now() - startedAt;
}

async function sample(call: () => Promise<number>): Promise<number[]> {
  for (let run = 0; run < warmup; run++) await call();
  const times: number[] = [];
  for (let run = 0; run < runs; run++) times.push(await call());
  return times;
}

/** Runs both sides sequentially and returns a markdown table of p50/p99 and the difference. */
export async function benchTranscribe({ appURL, emulatorURL }: { appURL: string; emulatorURL: string }): Promise<string> {
  const direct = await sample(() =>
    timeUpload(`${emulatorURL}/openai/v1/audio/transcriptions`, form({ model: 'whisper-large-v3-turbo', response_format: 'verbose_json' }), {
      authorization: 'Bearer gsk_bench',
    }),
  );
  const viaApp = await sample(() => timeUpload(`${appURL}/api/transcribe`, form({})));
  const row = (name: string, times: number[]) => `| ${name} | ${cell(percentile(times, 50), 2)} | ${cell(percentile(times, 99), 2)} |`;
  return [
    `## Transcription overhead (10 s WAV, ${Math.round(clip.byteLength / 1024)} KiB, ${runs} sequential runs each)`,
    '| path | p50 ms | p99 ms |',
    '|---|---|---|',
    row('emulator /openai/v1/audio/transcriptions directly', direct),
    row('Flint /api/transcribe', viaApp),
    `| added by Flint | ${cell(percentile(viaApp, 50) - percentile(direct, 50), 2)} | ${cell(percentile(viaApp, 99) - percentile(direct, 99), 2)} |`,
  ].join('\n');
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: { app: { type: 'string', default: 'http://127.0.0.1:3000' }, emulator: { type: 'string', default: 'http://127.0.0.1:4010' } },
  });
  process.stdout.write(`${await benchTranscribe({ appURL: values.app, emulatorURL: values.emulator })}\n`);
}
