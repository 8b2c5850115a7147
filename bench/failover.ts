// What a failover costs: the speed tier's first model fails once, the next one answers.
import { setTimeout as delay } from 'node:timers/promises';
import { cell, percentile } from './stats.ts';
import { streamOnce } from './stream-client.ts';

/** The speed tier's first-token deadline (lib/services/chat.ts). */
const stallDeadlineMs = 1500;

type Options = {
  appURL: string;
  fault: (spec: Record<string, unknown>) => Promise<void>;
  clearFaults: () => Promise<void>;
  chatBody: (tier: 'speed' | 'quality') => unknown;
};

/** Polls /api/health until the model's breaker has left `state` (bounded: 10 s). */
async function untilBreakerIsNot(appURL: string, state: string, model: string) {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const report = (await (await fetch(`${appURL}/api/health`)).json()) as { models: Array<{ model: string; breaker: string }> };
    if (report.models.find((entry) => entry.model === model)?.breaker !== state) return;
    await delay(50);
  }
}

/** The failover table: TTFT with one failure of gpt-oss-20b against gpt-oss-120b served directly. */
export async function benchFailover({ appURL, fault, clearFaults, chatBody }: Options): Promise<string> {
  const lines = [
    '| fault | TTFT p50 ms | single-target TTFT p50 ms (120b directly via app) | failover cost p50 ms | served by |',
    '|---|---|---|---|---|',
  ];
  const single: number[] = [];
  for (let run = 0; run < 20; run++) single.push((await streamOnce(`${appURL}/api/chat`, chatBody('quality'))).ttftMs);
  const singleP50 = percentile(single, 50);
  const faults: Array<[string, Record<string, unknown>, number]> = [
    ['429', { kind: 'status', status: 429, retryAfterSeconds: 1 }, 10],
    ['503', { kind: 'status', status: 503 }, 20],
    ['stall (deadline 1.5 s)', { kind: 'stall', ms: 10_000 }, 5],
  ];
  for (const [name, spec, runs] of faults) {
    const samples: number[] = [];
    const servedBy = new Set<string>();
    for (let run = 0; run < runs; run++) {
      await fault({ provider: 'groq', model: 'openai/gpt-oss-20b', times: 1, ...spec });
      const sample = await streamOnce(`${appURL}/api/chat`, chatBody('speed'));
      samples.push(sample.ttftMs);
      servedBy.add(sample.servedBy ?? '?');
      // Let the breaker reopen (a 429's retry-after is at least 1 s) and a healthy call close it,
      // so every run measures a real failover, not a skip.
      await clearFaults();
      await untilBreakerIsNot(appURL, 'open', 'openai/gpt-oss-20b');
      await streamOnce(`${appURL}/api/chat`, chatBody('speed'));
    }
    const p50 = percentile(samples, 50);
    const cost = spec.kind === 'stall' ? `${cell(p50 - singleP50 - stallDeadlineMs, 2)} past the deadline` : cell(p50 - singleP50, 2);
    lines.push(`| ${name} | ${cell(p50, 2)} | ${cell(singleP50, 2)} | ${cost} | ${[...servedBy].join(', ')} |`);
  }
  return lines.join('\n');
}
