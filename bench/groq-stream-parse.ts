// CPU of parsing one streamed Groq reply, @ai-sdk/groq vs the lean parser (lib/ai/lean-stream), in one process:
//   node_modules/.bin/node --import ./lib/batch/test-support/resolve-ts-hooks.ts bench/groq-stream-parse.ts
// The reply is the emulator's own gpt-oss stream (reasoning, then text, x_groq usage, [DONE]), captured once and
// replayed from memory one frame per network chunk, through doStream to the last part. Microseconds of CPU per
// reply, median of 7 rounds, SDK and lean rounds interleaved so machine drift hits both. --stream-text: the same
// replies through streamText (what a whole SDK call costs around the parse). TOKENS=50 gives 98 frames.
import { createGroq } from '@ai-sdk/groq';
import type { LanguageModelV4 } from '@ai-sdk/provider';
import { streamText } from 'ai';
import { startEmulator } from '../emulator/server.ts';
import { createLeanGroqModel } from '../lib/ai/lean-stream/lean-groq-model.ts';

const emulator = await startEmulator({ port: 0, speed: 0 });
const captured = await fetch(`${emulator.groqBaseURL}/chat/completions`, {
  method: 'POST',
  headers: { authorization: 'Bearer gsk_test', 'content-type': 'application/json' },
  body: JSON.stringify({ model: 'openai/gpt-oss-120b', stream: true, messages: [{ role: 'user', content: `Say hi [emulate tokens=${process.env.TOKENS ?? 50}]` }] }),
}).then((response) => response.text());
await emulator.close();
const frames = captured.split('\n\n').filter((frame) => frame.length > 0).map((frame) => new TextEncoder().encode(`${frame}\n\n`));

const replay: typeof fetch = async () =>
  new Response(
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const frame of frames) controller.enqueue(frame);
        controller.close();
      },
    }),
    { status: 200, headers: { 'content-type': 'text/event-stream' } },
  );
const settings = { apiKey: 'gsk_test', baseURL: 'http://groq.test/openai/v1', fetch: replay };
const models: Record<string, LanguageModelV4> = {
  sdk: createGroq(settings).languageModel('openai/gpt-oss-120b'),
  lean: createLeanGroqModel('openai/gpt-oss-120b', settings),
};
const options = { prompt: [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'Say hi' }] }] };

async function reply(model: LanguageModelV4): Promise<number> {
  const { stream } = await model.doStream(options);
  const reader = stream.getReader();
  let parts = 0;
  while (!(await reader.read()).done) parts += 1;
  return parts;
}

/** The same reply through streamText, read to the end: the share of a whole AI SDK call the parse is. */
async function streamTextReply(model: LanguageModelV4): Promise<void> {
  const result = streamText({ model, prompt: 'Say hi', maxRetries: 0 });
  const reader = result.stream.getReader();
  while (!(await reader.read()).done);
}

const viaStreamText = process.argv.includes('--stream-text');

async function round(model: LanguageModelV4, count: number): Promise<number> {
  const start = process.cpuUsage();
  for (let index = 0; index < count; index += 1) await (viaStreamText ? streamTextReply(model) : reply(model));
  const used = process.cpuUsage(start);
  return (used.user + used.system) / count;
}

const count = Number(process.env.REPLIES ?? 1000);
const samples: Record<string, number[]> = { sdk: [], lean: [] };
for (const model of Object.values(models)) await round(model, 200);
for (let index = 0; index < 7; index += 1) for (const [name, model] of Object.entries(models)) samples[name]!.push(await round(model, count));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[3]!;
console.log(`frames per reply: ${frames.length}; parts: sdk ${await reply(models.sdk!)}, lean ${await reply(models.lean!)}`);
for (const name of Object.keys(models)) console.log(`${name}: ${(median(samples[name]!) / 1000).toFixed(3)} ms CPU per reply (rounds: ${samples[name]!.map((value) => (value / 1000).toFixed(2)).join(' ')})`);
console.log(`lean / sdk: ${(median(samples.lean!) / median(samples.sdk!)).toFixed(2)}`);
