// What /v1/chat/completions adds to the time to first token over calling the emulator directly.
// bench/main.ts calls benchV1 against its production server (started with FLINT_ADMIN_TOKEN, so a
// gateway key can be created through the admin API); it prints a table row per concurrency.
import { cpuMicros } from './process-stats.ts';
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

/**
 * Added TTFT of /v1 over the emulator, at 1 and 10 concurrent streams, beside the byte pipe's
 * (`pipeURL`: the same request forwarded through a Next route of bench/next-app, nothing parsed),
 * rounds rotating the order so load falls on all of them alike. With `pids` (the app's and the pipe
 * server's), also the CPU per request of each: every server serves only its own subject and idles
 * through the others' turns, so both see the same busy/idle pattern (a server kept busy by other
 * requests measures cheaper than one that idles between waves). Each server's whole CPU over a
 * concurrency's rounds, idle included (timers, write-behind, GC after a wave), over its requests.
 */
export async function benchV1(options: {
  appURL: string;
  emulatorURL: string;
  key: string;
  pipeURL?: string;
  rounds?: number;
  concurrencies?: number[];
  pids?: { v1: number; pipe?: number };
}): Promise<string> {
  const subjects = [
    { name: 'direct', run: () => ttftOnce(`${options.emulatorURL}/openai/v1/chat/completions`, 'Bearer gsk_bench') },
    ...(options.pipeURL === undefined ? [] : [{ name: 'pipe', run: () => ttftOnce(options.pipeURL!, 'Bearer gsk_bench') }]),
    { name: 'v1', run: () => ttftOnce(`${options.appURL}/v1/chat/completions`, `Bearer ${options.key}`) },
  ];
  for (let index = 0; index < 10; index += 1) await Promise.all(subjects.map((subject) => subject.run()));
  const pipe = options.pipeURL !== undefined;
  const lines = [
    `| concurrent | direct TTFT p50 / p99 ms |${pipe ? ' byte pipe added p50 / p99 ms |' : ''} /v1 TTFT p50 / p99 ms | /v1 added p50 / p99 ms |${pipe ? ' /v1 over the pipe p50 ms |' : ''}`,
    `|---|---|${pipe ? '---|' : ''}---|---|${pipe ? '---|' : ''}`,
  ];
  const cpuLines = ['| concurrent | requests each |' + (pipe ? ' pipe CPU per request ms |' : '') + ' /v1 CPU per request ms |' + (pipe ? ' /v1 over the pipe ms |' : ''), `|---|---|${pipe ? '---|' : ''}---|${pipe ? '---|' : ''}`];
  const pids = options.pids;
  for (const concurrency of options.concurrencies ?? [1, 10]) {
    const samples = new Map(subjects.map((subject) => [subject.name, [] as number[]]));
    const rounds = options.rounds ?? Math.max(30, Math.ceil(300 / concurrency));
    const cpuBefore = pids && { v1: cpuMicros(pids.v1), pipe: pids.pipe === undefined ? 0 : cpuMicros(pids.pipe) };
    for (let round = 0; round < rounds; round += 1) {
      for (let turn = 0; turn < subjects.length; turn += 1) {
        const subject = subjects[(round + turn) % subjects.length]!;
        samples.get(subject.name)!.push(...(await Promise.all(Array.from({ length: concurrency }, subject.run))));
      }
    }
    const p = (name: string, at: number) => percentile(samples.get(name)!, at);
    const [d50, d99, g50, g99] = [p('direct', 50), p('direct', 99), p('v1', 50), p('v1', 99)];
    const pipeCells = pipe ? ` ${cell(p('pipe', 50) - d50, 2)} / ${cell(p('pipe', 99) - d99, 2)} |` : '';
    const overPipe = pipe ? ` ${g50 - p('pipe', 50) >= 0 ? '+' : ''}${cell(g50 - p('pipe', 50), 2)} |` : '';
    lines.push(`| ${concurrency} | ${cell(d50, 2)} / ${cell(d99, 2)} |${pipeCells} ${cell(g50, 2)} / ${cell(g99, 2)} | ${cell(g50 - d50, 2)} / ${cell(g99 - d99, 2)} |${overPipe}`);
    if (pids && cpuBefore) {
      const requests = rounds * concurrency;
      const v1Ms = (cpuMicros(pids.v1) - cpuBefore.v1) / 1000 / requests;
      const pipeMs = pids.pipe === undefined ? Number.NaN : (cpuMicros(pids.pipe) - cpuBefore.pipe) / 1000 / requests;
      cpuLines.push(`| ${concurrency} | ${requests} |${pipe ? ` ${cell(pipeMs, 3)} |` : ''} ${cell(v1Ms, 3)} |${pipe ? ` +${cell(v1Ms - pipeMs, 3)} |` : ''}`);
    }
  }
  return pids ? `${lines.join('\n')}\n\nCPU per request of each server (its whole process tree over the rounds, idle between turns included):\n\n${cpuLines.join('\n')}` : lines.join('\n');
}
