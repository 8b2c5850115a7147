// Self time of a V8 .cpuprofile by source file (bundled frames mapped back through source maps by
// describeFrame), for comparing /v1's server with the byte pipe's file by file.
import { describeFrame } from './cpu-profile-attribution.ts';

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
/** The part of a .cpuprofile this reads. */
export type Profile = { nodes: Array<{ id: number; callFrame: CallFrame; children?: number[] }>; samples: number[]; timeDeltas: number[] };

/** The file a frame's time belongs to: its original source, else its script, else its pseudo-frame ("(garbage collector)"). */
function fileOf(frame: CallFrame): string {
  const [name, url, source] = describeFrame(frame).split(' | ');
  if (source) return source.replace(/^.*?node_modules\//, 'node_modules/').replace(/^webpack:\/\/[^/]*\//, '');
  if (url) return url.replace(/^file:\/\/.*?\/node_modules\//, 'node_modules/');
  return name ?? '(unknown)';
}

/** Busy self time (ms) per file, idle excluded; a native builtin counts for its nearest JS caller's file. */
export function selfTimeByFile(profile: Profile): { byFile: Map<string, number>; busyMs: number } {
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, index) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const native = (frame: CallFrame) => frame.url === '' && !/^(\(|runMicrotasks|wasm-function)/.test(frame.functionName);
  const byFile = new Map<string, number>();
  let busyMs = 0;
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id);
    if (!us || node.callFrame.functionName === '(idle)') continue;
    let frameNode = node;
    while (native(frameNode.callFrame) && parentOf.has(frameNode.id)) frameNode = byId.get(parentOf.get(frameNode.id)!)!;
    const file = fileOf(frameNode.callFrame);
    byFile.set(file, (byFile.get(file) ?? 0) + us / 1000);
    busyMs += us / 1000;
  }
  return { byFile, busyMs };
}

/** A markdown table of the top files of two profiles side by side, ms per request (sorted by the first). */
export function byFileTable(subjects: Array<{ name: string; profile: Profile; requests: number }>, top = 30): string {
  const tables = subjects.map((subject) => ({ ...subject, ...selfTimeByFile(subject.profile) }));
  const files = new Map<string, number>();
  for (const table of tables) for (const [file, ms] of table.byFile) files.set(file, Math.max(files.get(file) ?? 0, ms / table.requests));
  const lines = [
    `| file | ${tables.map((table) => `${table.name} ms/req`).join(' | ')} |`,
    `|---|${tables.map(() => '---|').join('')}`,
    `| (busy total) | ${tables.map((table) => (table.busyMs / table.requests).toFixed(3)).join(' | ')} |`,
  ];
  for (const [file] of [...files].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    lines.push(`| ${file} | ${tables.map((table) => ((table.byFile.get(file) ?? 0) / table.requests).toFixed(3)).join(' | ')} |`);
  }
  return lines.join('\n');
}
