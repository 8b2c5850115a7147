// The four figures of issue 14 for each server measured in one run, with their ratios to the floor.
import { setTimeout as delay } from 'node:timers/promises';
import { cpuMicros, rssBytes } from './process-stats.ts';
import type { Server } from './servers.ts';
import { cell, percentile } from './stats.ts';
import { openStream, streamOnce, type StreamSample } from './stream-client.ts';

/** A server under comparison: which route to POST a useChat body to, and how to start a fresh one. */
export type Subject = { name: string; path: string; server: Server; fresh: () => Promise<Server> };

export type Figures = { name: string; ttft1: number; ttft1VsFloorPaired: number; ttft50: number; p99At50: number; cpuPerRequestUs: number; cpuPerFrameUs: number; rssPerStreamKiB: number; failed: number };

type Upstream = { emulatorURL: string; chatBody: (text: string) => unknown; directBody: (text: string) => unknown; directHeaders: Record<string, string>; prompt: string };

/** Runs `total` calls of `task`, `concurrency` at a time. */
export async function concurrently<T>(concurrency: number, total: number, task: () => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next++;
        results.push(await task());
      }
    }),
  );
  return results;
}

const ttfts = (samples: StreamSample[]) => samples.filter((sample) => sample.ok && Number.isFinite(sample.ttftMs)).map((sample) => sample.ttftMs);

/**
 * Added TTFT at 1 stream and at 50, and CPU per request, for every subject. Interleaved: each round
 * asks the emulator directly and then every subject in turn (one request each at 1 stream, one wave
 * of 50 at 50, each round starting at another subject), so load from other processes drifts over
 * all rows alike instead of one. Give every subject its own server: see main.ts.
 */
export async function latencyAndCpu(subjects: Subject[], upstream: Upstream, framesPerReply: number): Promise<Array<Omit<Figures, 'rssPerStreamKiB'>>> {
  const direct = () => streamOnce(`${upstream.emulatorURL}/openai/v1/chat/completions`, upstream.directBody(upstream.prompt), upstream.directHeaders);
  const via = (subject: Subject) => () => streamOnce(`${subject.server.url}${subject.path}`, upstream.chatBody(upstream.prompt));
  for (const subject of subjects) await concurrently(4, 30, via(subject));
  const single = { direct: [] as StreamSample[], via: subjects.map(() => [] as StreamSample[]) };
  // Each round starts at another subject, so none always runs right after the direct call (or last).
  const inTurn = (round: number) => subjects.map((subject, index) => ({ subject, index })).map((_, at, all) => all[(at + round) % all.length]!);
  for (let round = 0; round < 40; round++) {
    single.direct.push(await direct());
    for (const { subject, index } of inTurn(round)) single.via[index]!.push(await via(subject)());
  }
  const at50 = { direct: [] as StreamSample[], via: subjects.map(() => [] as StreamSample[]), cpuUs: subjects.map(() => 0) };
  for (let round = 0; round < 8; round++) {
    at50.direct.push(...(await concurrently(50, 50, direct)));
    for (const { subject, index } of inTurn(round)) {
      const cpuBefore = cpuMicros(subject.server.pid);
      at50.via[index]!.push(...(await concurrently(50, 50, via(subject))));
      at50.cpuUs[index]! += cpuMicros(subject.server.pid) - cpuBefore;
    }
  }
  // The floor's time in the same round subtracted first: the median of those differences moves less with
  // the machine's load between rounds than the difference of two medians does.
  const pairedVsFloor = (samples: StreamSample[]) =>
    percentile(samples.flatMap((sample, round) => {
      const floor = single.via[0]![round];
      return sample.ok && floor?.ok && Number.isFinite(sample.ttftMs) && Number.isFinite(floor.ttftMs) ? [sample.ttftMs - floor.ttftMs] : [];
    }), 50);
  const directTtft1 = percentile(ttfts(single.direct), 50);
  const directTtft50 = percentile(ttfts(at50.direct), 50);
  const directP99At50 = percentile(ttfts(at50.direct), 99);
  return subjects.map((subject, index) => {
    const viaAt50 = at50.via[index]!;
    return {
      name: subject.name,
      ttft1: percentile(ttfts(single.via[index]!), 50) - directTtft1,
      ttft1VsFloorPaired: pairedVsFloor(single.via[index]!),
      ttft50: percentile(ttfts(viaAt50), 50) - directTtft50,
      p99At50: percentile(ttfts(viaAt50), 99) - directP99At50,
      cpuPerRequestUs: at50.cpuUs[index]! / viaAt50.length,
      cpuPerFrameUs: at50.cpuUs[index]! / (viaAt50.length * framesPerReply),
      failed: [...single.via[index]!, ...viaAt50].filter((sample) => !sample.ok).length,
    };
  });
}

/**
 * RSS per open stream on a fresh server: warmed with a few requests, then `count` streams held open
 * (the emulator paced slowly, see holdStreams in main.ts) and the growth divided by the streams that opened.
 */
export async function rssPerOpenStream(subject: Subject, upstream: Upstream, count: number, holdStreams: (on: boolean) => Promise<void>) {
  const server = await subject.fresh();
  try {
    await concurrently(4, 20, () => streamOnce(`${server.url}${subject.path}`, upstream.chatBody(upstream.prompt)));
    await delay(1000);
    const idle = rssBytes(server.pid);
    await holdStreams(true);
    const open: Array<{ close: () => void }> = [];
    const started = performance.now();
    while (open.length < count && performance.now() - started < 30_000) {
      const batch = await Promise.allSettled(Array.from({ length: 25 }, () => openStream(`${server.url}${subject.path}`, upstream.chatBody('hold [emulate tokens=120]'))));
      for (const result of batch) if (result.status === 'fulfilled') open.push(result.value);
    }
    await delay(300);
    const held = rssBytes(server.pid);
    for (const stream of open) stream.close();
    await holdStreams(false);
    return (held - idle) / Math.max(1, open.length) / 1024;
  } finally {
    await server.stop();
  }
}

/** The comparison table, with each figure's ratio to the floor's (the first row). */
export function figuresTable(rows: Figures[]): string {
  const floor = rows[0]!;
  const ratio = (value: number, base: number) => (Number.isFinite(value / base) && base > 0 ? `${(value / base).toFixed(2)}x` : 'n/a');
  const lines = [
    '| server (1 core) | added TTFT 1 stream p50 ms (vs floor; paired: median of each round\'s difference to the floor) | added TTFT p50 at 50 ms (ratio) | added p99 at 50 ms | CPU per request us (ratio) | CPU per upstream frame us | RSS per open stream KiB |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const row of rows) {
    const signed = (value: number) => `${value >= 0 ? '+' : ''}${cell(value, 2)}`;
    const vsFloor = row === floor ? '' : ` (${signed(row.ttft1 - floor.ttft1)}; paired ${signed(row.ttft1VsFloorPaired)})`;
    const r50 = row === floor ? '' : ` (${ratio(row.ttft50, floor.ttft50)})`;
    const rCpu = row === floor ? '' : ` (${ratio(row.cpuPerRequestUs, floor.cpuPerRequestUs)})`;
    lines.push(
      `| ${row.name}${row.failed ? ` (${row.failed} failed)` : ''} | ${cell(row.ttft1, 2)}${vsFloor} | ${cell(row.ttft50, 1)}${r50} | ${cell(row.p99At50, 1)} | ${cell(row.cpuPerRequestUs, 0)}${rCpu} | ${cell(row.cpuPerFrameUs, 1)} | ${cell(row.rssPerStreamKiB, 0)} |`,
    );
  }
  lines.push(`| **target** | <= floor + 1 ms (${cell(floor.ttft1 + 1, 2)}) | <= 2x floor (${cell(floor.ttft50 * 2, 1)}) | | <= 1.5x floor (${cell(floor.cpuPerRequestUs * 1.5, 0)}) | | <= 200 KB (195 KiB) |`);
  return lines.join('\n');
}
