// Streams opened all at once against a healthy emulator: none should fall back (issue 14).
import { streamOnce } from './stream-client.ts';

type Entry = { path: string; model?: string; stream: boolean };

/**
 * Opens `count` chat streams at the same moment and reports how many upstream chat calls they made
 * beyond one each (each extra call is a fallback or a continuation), by model, from the emulator's
 * request log, and which models the finish metadata says served.
 */
export async function fallbacksAtOnce(options: { appURL: string; emulatorURL: string; count: number; chatBody: () => unknown }): Promise<string> {
  await fetch(`${options.emulatorURL}/_emulator/requests`, { method: 'DELETE' });
  const samples = await Promise.all(Array.from({ length: options.count }, () => streamOnce(`${options.appURL}/api/chat`, options.chatBody())));
  const log = (await (await fetch(`${options.emulatorURL}/_emulator/requests`)).json()) as Entry[];
  const calls = log.filter((entry) => entry.path.endsWith('/chat/completions'));
  const byModel = new Map<string, number>();
  for (const call of calls) byModel.set(call.model ?? '?', (byModel.get(call.model ?? '?') ?? 0) + 1);
  const servedBy = new Map<string, number>();
  for (const sample of samples) servedBy.set(sample.servedBy ?? '?', (servedBy.get(sample.servedBy ?? '?') ?? 0) + 1);
  const failed = samples.filter((sample) => !sample.ok).length;
  const list = (counts: Map<string, number>) => [...counts].map(([name, n]) => `${name} ${n}`).join(', ');
  return [
    '| streams opened at once | upstream chat calls | fell back (extra calls) | failed | upstream calls by model | served by |',
    '|---|---|---|---|---|---|',
    `| ${options.count} | ${calls.length} | ${calls.length - options.count} (target 0) | ${failed} | ${list(byModel)} | ${list(servedBy)} |`,
  ].join('\n');
}
