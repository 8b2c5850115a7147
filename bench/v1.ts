// What /v1/chat/completions adds to the time to first token over calling the emulator directly.
// bench/main.ts calls benchV1 against its production server (started with FLINT_ADMIN_TOKEN, so a
// gateway key can be created through the admin API); it prints a table row per concurrency.
import { cell, percentile } from './stats.ts';

const body = JSON.stringify({
  model: 'openai/gpt-oss-20b', stream: true, stream_options: { include_usage: true },
  messages: [{ role: 'user', content: 'Benchmark prompt [emulate tokens=200]' }],
});

/** Time from the request to the first frame that carries a token (content or reasoning); reads to the end. */
export async function ttftOnce(url: string, authorization: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body });
  if (!response.ok || response.body === null) throw new Error(`${url} answered ${response.status}`);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let first = Number.NaN;
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!Number.isNaN(first)) continue;
    buffer += decoder.decode(value, { stream: true });
    // The role frame's empty content is not a token.
    if (/"(content|reasoning)":"[^"]/.test(buffer)) first = performance.now() - started;
  }
  return first;
}

/** Creates a gateway key with a large budget through the admin API and answers its secret. */
export async function createBenchKey(appURL: string, adminToken: string): Promise<string> {
  const response = await fetch(`${appURL}/api/admin/keys`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({ name: 'bench', budgetUsd: 100_000, period: 'total' }),
  });
  if (!response.ok) throw new Error(`creating a bench key answered ${response.status}`);
  return ((await response.json()) as { key: string }).key;
}

/** Added TTFT of /v1 over the emulator, at 1 and 10 concurrent streams, alternating rounds so load falls on both. */
export async function benchV1(options: { appURL: string; emulatorURL: string; key: string; rounds?: number; concurrencies?: number[] }): Promise<string> {
  const direct = () => ttftOnce(`${options.emulatorURL}/openai/v1/chat/completions`, 'Bearer gsk_bench');
  const viaV1 = () => ttftOnce(`${options.appURL}/v1/chat/completions`, `Bearer ${options.key}`);
  for (let index = 0; index < 10; index += 1) await Promise.all([direct(), viaV1()]);
  const lines = ['| concurrent | direct TTFT p50 / p99 ms | /v1 TTFT p50 / p99 ms | added p50 / p99 ms |', '|---|---|---|---|'];
  for (const concurrency of options.concurrencies ?? [1, 10]) {
    const d: number[] = [];
    const g: number[] = [];
    const rounds = options.rounds ?? Math.max(30, Math.ceil(300 / concurrency));
    for (let round = 0; round < rounds; round += 1) {
      const order = round % 2 === 0 ? [direct, viaV1] : [viaV1, direct];
      for (const run of order) (run === direct ? d : g).push(...(await Promise.all(Array.from({ length: concurrency }, run))));
    }
    const [d50, d99, g50, g99] = [percentile(d, 50), percentile(d, 99), percentile(g, 50), percentile(g, 99)];
    lines.push(`| ${concurrency} | ${cell(d50, 2)} / ${cell(d99, 2)} | ${cell(g50, 2)} / ${cell(g99, 2)} | ${cell(g50 - d50, 2)} / ${cell(g99 - d99, 2)} |`);
  }
  return lines.join('\n');
}
