// The objects a V8 heap snapshot holds that an earlier one (same process) did not, by kind, for
// bench/heap-per-stream.ts. V8 keeps an object's id across snapshots, so "new" is "id not seen before".

/** New objects summed by kind (largest first), and a shortest retainer path for the largest kinds. */
export type HeapDiff = {
  totalBytes: number;
  rows: Array<{ kind: string; count: number; bytes: number }>;
  /** New bytes by the closure variable nearest to them on their shortest retainer path (what keeps them). */
  holders: Array<{ kind: string; count: number; bytes: number }>;
  paths: string[];
};

type Snapshot = {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] } };
  nodes: number[];
  edges: number[];
  strings: string[];
};

/** Diffs two `.heapsnapshot` texts; `pathCount` kinds get a sample retainer path. */
export function heapDiff(beforeText: string, afterText: string, pathCount: number): HeapDiff {
  const before = JSON.parse(beforeText) as Snapshot;
  const seen = new Set<number>();
  const beforeFields = before.snapshot.meta.node_fields.length;
  const beforeId = before.snapshot.meta.node_fields.indexOf('id');
  for (let index = 0; index < before.nodes.length; index += beforeFields) seen.add(before.nodes[index + beforeId]!);

  const after = JSON.parse(afterText) as Snapshot;
  const { meta } = after.snapshot;
  const fields = meta.node_fields.length;
  const [typeAt, nameAt, idAt, sizeAt, edgeCountAt] = ['type', 'name', 'id', 'self_size', 'edge_count'].map((field) => meta.node_fields.indexOf(field)) as [number, number, number, number, number];
  const edgeFields = meta.edge_fields.length;
  const [edgeTypeAt, edgeNameAt, toAt] = ['type', 'name_or_index', 'to_node'].map((field) => meta.edge_fields.indexOf(field)) as [number, number, number];
  const nodeTypes = meta.node_types[0];
  const edgeTypes = meta.edge_types[0];
  const { nodes, edges, strings } = after;
  const nodeCount = nodes.length / fields;

  const kindOf = (node: number) => {
    const type = nodeTypes[nodes[node * fields + typeAt]!]!;
    const name = strings[nodes[node * fields + nameAt]!]!;
    if (type.includes('string')) return 'string';
    if (type === 'code' || type === 'object shape' || type === 'number') return type;
    return `${type}: ${name.length > 60 ? `${name.slice(0, 57)}...` : name}`;
  };

  const rows = new Map<string, { kind: string; count: number; bytes: number; sample: number[] }>();
  let totalBytes = 0;
  for (let node = 0; node < nodeCount; node += 1) {
    if (seen.has(nodes[node * fields + idAt]!)) continue;
    const bytes = nodes[node * fields + sizeAt]!;
    totalBytes += bytes;
    const kind = kindOf(node);
    let row = rows.get(kind);
    if (row === undefined) rows.set(kind, (row = { kind, count: 0, bytes: 0, sample: [] }));
    row.count += 1;
    row.bytes += bytes;
    if (row.sample.length < 64) row.sample.push(node);
  }
  const sorted = [...rows.values()].sort((left, right) => right.bytes - left.bytes);

  // Shortest paths from the snapshot's root over strong edges (breadth first).
  const firstEdge = new Uint32Array(nodeCount + 1);
  for (let node = 0, edge = 0; node < nodeCount; node += 1) {
    firstEdge[node] = edge;
    edge += nodes[node * fields + edgeCountAt]! * edgeFields;
  }
  firstEdge[nodeCount] = edges.length;
  const parent = new Int32Array(nodeCount).fill(-1);
  const parentEdge = new Int32Array(nodeCount).fill(-1);
  parent[0] = 0;
  const queue = new Uint32Array(nodeCount);
  let head = 0;
  let tail = 0;
  queue[tail++] = 0;
  while (head < tail) {
    const node = queue[head++]!;
    for (let edge = firstEdge[node]!; edge < firstEdge[node + 1]!; edge += edgeFields) {
      if (edgeTypes[edges[edge + edgeTypeAt]!] === 'weak') continue;
      const target = edges[edge + toAt]! / fields;
      if (parent[target] !== -1) continue;
      parent[target] = node;
      parentEdge[target] = edge;
      queue[tail++] = target;
    }
  }
  const edgeName = (edge: number) => {
    const type = edgeTypes[edges[edge + edgeTypeAt]!]!;
    const name = edges[edge + edgeNameAt]!;
    return type === 'element' || type === 'hidden' ? `[${name}]` : `.${strings[name]}`;
  };
  const pathOf = (node: number) => {
    const hops: string[] = [];
    for (let at = node; at !== 0 && parent[at] !== -1 && hops.length < 40; at = parent[at]!) hops.push(`${edgeName(parentEdge[at]!)} (${kindOf(at)})`);
    return hops.reverse().join(' ');
  };
  // The last closure-scope variable on each new object's shortest path names what keeps it alive.
  const isNew = (node: number) => !seen.has(nodes[node * fields + idAt]!);
  const holderRows = new Map<string, { kind: string; count: number; bytes: number }>();
  for (let node = 0; node < nodeCount; node += 1) {
    if (!isNew(node)) continue;
    let holder = '(no closure variable)';
    for (let at = node; at !== 0 && parent[at]! > 0; at = parent[at]!) {
      const edge = parentEdge[at]!;
      if (edgeTypes[edges[edge + edgeTypeAt]!] === 'context') {
        holder = `${strings[edges[edge + edgeNameAt]!]} (${kindOf(at)})`;
        break;
      }
    }
    let row = holderRows.get(holder);
    if (row === undefined) holderRows.set(holder, (row = { kind: holder, count: 0, bytes: 0 }));
    row.count += 1;
    row.bytes += nodes[node * fields + sizeAt]!;
  }
  const holders = [...holderRows.values()].sort((left, right) => right.bytes - left.bytes);
  const paths = sorted.slice(0, pathCount).map((row) => {
    const node = row.sample[Math.floor(row.sample.length / 2)]!;
    return `**${row.kind}**: ${parent[node] === -1 ? '(unreachable)' : pathOf(node)}`;
  });
  // And the largest single new objects (a whole request body shows up here).
  const largest: number[] = [];
  for (let node = 0; node < nodeCount; node += 1) {
    if (!isNew(node)) continue;
    largest.push(node);
    if (largest.length > pathCount * 4) {
      largest.sort((left, right) => nodes[right * fields + sizeAt]! - nodes[left * fields + sizeAt]!);
      largest.length = pathCount;
    }
  }
  largest.sort((left, right) => nodes[right * fields + sizeAt]! - nodes[left * fields + sizeAt]!);
  for (const node of largest.slice(0, pathCount)) paths.push(`largest, ${nodes[node * fields + sizeAt]} bytes, **${kindOf(node)}**: ${parent[node] === -1 ? '(unreachable)' : pathOf(node)}`);
  return { totalBytes, rows: sorted.map(({ kind, count, bytes }) => ({ kind, count, bytes })), holders, paths };
}
