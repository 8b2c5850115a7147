// Turns a V8 .cpuprofile of the app's server into issue 14's attribution table: self time by layer,
// per request. Bundled code (.next/server chunks) is mapped back to its source file through the
// chunk's source map, so AI SDK and Flint code are told apart although Next minifies them.
// Re-run on a saved profile: node bench/cpu-profile-attribution.ts <file.cpuprofile> <requests>
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type Profile = { nodes: Array<{ id: number; callFrame: CallFrame; children?: number[] }>; samples: number[]; timeDeltas: number[] };

/** The layers of issue 14, tested in order against "function name | script URL | original source". */
const layers: Array<[string, RegExp]> = [
  ['GC', /^\(garbage collector\)/],
  ['idle', /^\(idle\)/],
  ['V8 program (native, unattributed)', /^\(program\)/],
  ['SSE encoding (JsonToSse, TextEncoderStream)', /webstreams\/encoding|json-to-sse|create-ui-message-stream-response|^encode(Into)?\s*\|/],
  ['web-stream plumbing (node:internal/webstreams)', /node:internal\/webstreams|js_transferable/],
  ['promise jobs and nextTick (runMicrotasks, task_queues)', /^runMicrotasks|node:internal\/process\/task_queues/],
  ['fetch / undici', /undici|^wasm-function/],
  ['provider parsing: zod', /node_modules\/zod\//],
  ['provider parsing: @ai-sdk/groq, openai-compatible, provider-utils', /@ai-sdk\/(groq|openai|openai-compatible|provider-utils|provider)\//],
  ['streamText(LowMemory) (ai/src/generate-text)', /node_modules\/ai\/src\/generate-text\//],
  ['toUIMessageStream (ai/src/ui-message-stream)', /node_modules\/ai\/src\/ui-message-stream\//],
  ['ai (other: prompt, middleware, util)', /node_modules\/ai\//],
  ['Flint lib/ and app/', /(^|\/)(lib|app)\/[^|]*\.tsx?$/],
  ['Next request/response handling', /next\/dist|next-server|\[turbopack\]|\.next\/server/],
  ['Node HTTP server, net, streams', /node:(_http|http|net|internal\/(http|stream|streams|net|tcp|perf|timers|async_hooks)|stream|events|buffer|internal\/buffer)/],
  ['Node internals (other)', /node:/],
];

const maps = new Map<string, SourceMap | undefined>();
function sourceMapOf(url: string): SourceMap | undefined {
  if (!maps.has(url)) {
    let map: SourceMap | undefined;
    try {
      const path = fileURLToPath(url);
      if (existsSync(`${path}.map`)) map = new SourceMap(JSON.parse(readFileSync(`${path}.map`, 'utf8')));
    } catch {
      map = undefined;
    }
    maps.set(url, map);
  }
  return maps.get(url);
}

/** "function | url | original source" for one call frame, the string the layer patterns test. */
export function describeFrame(frame: CallFrame): string {
  let source = '';
  if (frame.url.startsWith('file://')) {
    const entry = sourceMapOf(frame.url)?.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string } | undefined;
    source = decodeURIComponent(entry?.originalSource ?? '').replace(/^(\.\.\/)+/, '');
    if (source === '') source = frame.url.replace(/^file:\/\/.*?\/node_modules\//, 'node_modules/');
  }
  return `${frame.functionName || '(anonymous)'} | ${frame.url} | ${source}`;
}

/** Self time (ms) per layer, plus the top frames of the catch-all rows so the patterns can be refined. */
export function attribute(profile: Profile): { byLayer: Map<string, number>; unmatched: Map<string, number>; totalMs: number } {
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, index) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
  const byLayer = new Map<string, number>(layers.map(([name]) => [name, 0]));
  byLayer.set('other', 0);
  const unmatched = new Map<string, number>();
  let totalMs = 0;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id);
    if (!us) continue;
    // A native builtin (writev, JSON.parse, …) has no script: it counts for the nearest JS caller's layer.
    let frameNode = node;
    const native = (frame: CallFrame) => frame.url === '' && !/^(\(|runMicrotasks|wasm-function)/.test(frame.functionName);
    while (native(frameNode.callFrame) && parentOf.has(frameNode.id)) frameNode = byId.get(parentOf.get(frameNode.id)!)!;
    const description = describeFrame(frameNode.callFrame);
    const layer = layers.find(([, pattern]) => pattern.test(description))?.[0] ?? 'other';
    byLayer.set(layer, byLayer.get(layer)! + us / 1000);
    if (layer !== 'idle') totalMs += us / 1000;
    if (layer === 'other' || layer.startsWith('Node internals') || layer.startsWith('ai (other')) {
      unmatched.set(`${layer}: ${description}`, (unmatched.get(`${layer}: ${description}`) ?? 0) + us / 1000);
    }
  }
  return { byLayer, unmatched, totalMs };
}

/** The attribution as a markdown table, per request, with the top frames left in the catch-all rows. */
export function attributionTable(profile: Profile, requests: number): string {
  const { byLayer, unmatched, totalMs } = attribute(profile);
  const lines = [
    `busy CPU in the profile: ${totalMs.toFixed(0)} ms over ${requests} requests = ${(totalMs / requests).toFixed(2)} ms per request (sampling inflates it; compare shares)`,
    '',
    '| layer | ms per request | share of busy CPU |',
    '|---|---|---|',
  ];
  for (const [name, ms] of [...byLayer].sort((a, b) => b[1] - a[1])) {
    if (name === 'idle' || ms === 0) continue;
    lines.push(`| ${name} | ${(ms / requests).toFixed(3)} | ${((ms / totalMs) * 100).toFixed(1)} % |`);
  }
  lines.push('', 'largest frames in the catch-all rows:');
  for (const [frame, ms] of [...unmatched].sort((a, b) => b[1] - a[1]).slice(0, 12)) lines.push(`- ${(ms / requests).toFixed(3)} ms/req  ${frame.slice(0, 200)}`);
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, requests] = process.argv.slice(2);
  if (!file) throw new Error('usage: node bench/cpu-profile-attribution.ts <file.cpuprofile> [requests]');
  process.stdout.write(`${attributionTable(JSON.parse(readFileSync(file, 'utf8')) as Profile, Number(requests ?? 1))}\n`);
}
