// Client side of bench/v1-overhead.measure.ts, in its own process so reading the replies never
// competes with the server for its event loop: node bench/v1-ttft-client.ts DIRECT_URL V1_URL KEY ROUNDS
import { percentile } from './stats.ts';

const [directURL, v1URL, key, roundsText] = process.argv.slice(2);
const body = JSON.stringify({ model: 'openai/gpt-oss-20b', stream: true, stream_options: { include_usage: true }, messages: [{ role: 'user', content: 'Bench [emulate tokens=50]' }] });

/** Time from the request to the first frame that carries a token (content or reasoning), read to the end. */
async function ttft(url: string, authorization: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let first = Number.NaN;
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!Number.isNaN(first)) continue;
    buffer += decoder.decode(value, { stream: true });
    if (/"(content|reasoning)":"[^"]/.test(buffer)) first = performance.now() - started;
  }
  return first;
}

const direct = () => ttft(directURL!, 'Bearer gsk_bench');
const viaV1 = () => ttft(v1URL!, `Bearer ${key}`);
for (let i = 0; i < 20; i += 1) await Promise.all([direct(), viaV1()]);
const rounds = Number(roundsText ?? 200);
const rows: Array<Record<string, number>> = [];
for (const concurrency of (process.env.CONCURRENCY ?? '1,10').split(',').map(Number)) {
  const d: number[] = [];
  const g: number[] = [];
  for (let i = 0; i < rounds; i += 1) {
    // Alternate which goes first so machine load falls on both alike.
    const order = i % 2 === 0 ? [direct, viaV1] : [viaV1, direct];
    for (const run of order) (run === direct ? d : g).push(...(await Promise.all(Array.from({ length: concurrency }, run))));
  }
  rows.push({ concurrency, directP50: percentile(d, 50), v1P50: percentile(g, 50), addedP50: percentile(g, 50) - percentile(d, 50), directP95: percentile(d, 95), v1P95: percentile(g, 95) });
}
process.stdout.write(`${JSON.stringify(rows)}\n`);
