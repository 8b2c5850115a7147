// What the request path around the model routes costs per request, in one process, in a loop:
//   node --conditions=react-server --import ./lib/batch/test-support/resolve-ts-hooks.ts bench/middleware-cost.ts
// (npm run bench runs it too)
// Bare handler vs observedRoute (request id, attempt observer with two attempts and one warn line,
// one summary line serialised by pino into a discarding destination, request metrics), with the
// client rate guard (memory Store) off and on. CPU microseconds per request, median of 5 runs.
import { parseEnv } from '../lib/env';
import { createLogger } from '../lib/observability/logger';
import type { FallbackAttempt } from '../lib/ai/fallback/fallback-trace';
import { createRuntime } from '../lib/server/runtime';
import { observedRoute } from '../lib/server/observed-route';

const log = createLogger({ destination: { write: () => {} } });
const guarded = createRuntime(parseEnv({ FLINT_RATE_LIMIT: '1000000000', FLINT_MAX_STREAMS: '1000000' }), log);
const unguarded = createRuntime(parseEnv({ FLINT_RATE_LIMIT: '0' }), log);
const attempts: FallbackAttempt[] = [
  { modelId: 'openai/gpt-oss-20b', provider: 'groq', label: 'gpt-oss-20b', outcome: 'server_error', ms: 12, phase: 'answer', status: 503, detail: 'Service Unavailable' },
  { modelId: 'openai/gpt-oss-120b', provider: 'groq', label: 'gpt-oss-120b', outcome: 'ok', ms: 340, phase: 'answer' },
];
const request = () => new Request('http://flint.test/api/chat', { method: 'POST', headers: { 'x-forwarded-for': '10.0.0.1' } });
const answer = () => Response.json({ ok: true });

async function perRequestMicros(run: () => Promise<void>, count = 5000): Promise<number> {
  const samples: number[] = [];
  for (let round = 0; round < 5; round += 1) {
    const start = process.cpuUsage();
    for (let index = 0; index < count; index += 1) await run();
    const used = process.cpuUsage(start);
    samples.push((used.user + used.system) / count);
  }
  return samples.sort((a, b) => a - b)[2]!;
}

const observed = (runtime: typeof guarded) => async () => {
  const response = await observedRoute(request(), '/api/chat', async (context) => {
    for (const attempt of attempts) context.onAttempt(attempt);
    context.note({ servedBy: 'openai/gpt-oss-120b', tokens: { input: 40, output: 200 }, costUsd: 0.0001, tier: 'speed' });
    return answer();
  }, runtime);
  await response.text();
};

const bareRun = async () => void (await (request(), answer()).text());
// Warm every path first: the JIT would otherwise charge its compile time to whichever runs first.
for (const run of [bareRun, observed(unguarded), observed(guarded)]) await perRequestMicros(run, 2000);
const bare = await perRequestMicros(bareRun);
const off = await perRequestMicros(observed(unguarded));
const on = await perRequestMicros(observed(guarded));
console.log(`bare handler:                      ${bare.toFixed(1)} µs CPU/request`);
console.log(`+ logs and metrics (guard off):    ${off.toFixed(1)} µs (+${(off - bare).toFixed(1)})`);
console.log(`+ logs, metrics and rate guard:    ${on.toFixed(1)} µs (+${(on - bare).toFixed(1)})`);
await Promise.all([guarded.close(), unguarded.close()]);
