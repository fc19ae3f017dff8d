// What a process holds more of in one V8 heap snapshot than in an earlier one: live objects
// grouped by constructor (or by kind for strings, code, arrays...), by count and by own size.
// With a constructor name as the fourth argument, also what holds that constructor's objects in
// the later snapshot (the holder's name and the field or index), most frequent first.
// Usage: node dist/bench/heap-snapshot-diff.js <before.heapsnapshot> <after.heapsnapshot>
//          [rows=30] [constructor whose holders to list]
import { readFileSync } from 'node:fs';

interface Snapshot {
  snapshot: {
    meta: {
      node_fields: string[];
      node_types: [string[], ...unknown[]];
      edge_fields: string[];
      edge_types: [string[], ...unknown[]];
    };
  };
  nodes: number[];
  edges: number[];
  strings: string[];
}

interface Group {
  count: number;
  bytes: number;
}

function readSnapshot(path: string): Snapshot {
  return JSON.parse(readFileSync(path, 'utf8')) as Snapshot;
}

/** A node's group: `<kind> <name>` for objects, closures and native objects, else its kind. */
function nodeNamer(heap: Snapshot): (node: number) => string {
  const fields = heap.snapshot.meta.node_fields;
  const kinds = heap.snapshot.meta.node_types[0];
  const [typeAt, nameAt] = [fields.indexOf('type'), fields.indexOf('name')];
  return (node) => {
    const kind = kinds[heap.nodes[node + typeAt]];
    const named = kind === 'object' || kind === 'closure' || kind === 'native';
    return named ? `${kind} ${heap.strings[heap.nodes[node + nameAt]]}` : kind;
  };
}

/** Live objects per group. */
export function groupHeap(heap: Snapshot): Map<string, Group> {
  const width = heap.snapshot.meta.node_fields.length;
  const sizeAt = heap.snapshot.meta.node_fields.indexOf('self_size');
  const nameOf = nodeNamer(heap);
  const groups = new Map<string, Group>();
  for (let node = 0; node < heap.nodes.length; node += width) {
    const key = nameOf(node);
    const group = groups.get(key) ?? { count: 0, bytes: 0 };
    group.count += 1;
    group.bytes += heap.nodes[node + sizeAt];
    groups.set(key, group);
  }
  return groups;
}

export function heapGrowth(before: Map<string, Group>, after: Map<string, Group>) {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys]
    .map((key) => ({
      key,
      count: (after.get(key)?.count ?? 0) - (before.get(key)?.count ?? 0),
      bytes: (after.get(key)?.bytes ?? 0) - (before.get(key)?.bytes ?? 0),
      countAfter: after.get(key)?.count ?? 0,
    }))
    .filter((g) => g.count !== 0 || g.bytes !== 0);
}

/** For the objects of group `target`: how often each `<holder> -> <field>` holds one. */
export function holdersOf(heap: Snapshot, target: string): Map<string, number> {
  const { node_fields: nodeFields, edge_fields: edgeFields } = heap.snapshot.meta;
  const edgeKinds = heap.snapshot.meta.edge_types[0];
  const width = nodeFields.length;
  const edgesAt = nodeFields.indexOf('edge_count');
  const [kindAt, nameAt, toAt] = ['type', 'name_or_index', 'to_node'].map((f) =>
    edgeFields.indexOf(f),
  );
  const nameOf = nodeNamer(heap);
  const holders = new Map<string, number>();
  let edge = 0;
  for (let node = 0; node < heap.nodes.length; node += width) {
    const edges = heap.nodes[node + edgesAt];
    for (let e = 0; e < edges; e++, edge += edgeFields.length) {
      const to = heap.edges[edge + toAt];
      if (nameOf(to) !== target) continue;
      const kind = edgeKinds[heap.edges[edge + kindAt]];
      if (kind === 'weak') continue;
      // Element and hidden edges are named by an index, which would make each holder unique.
      const field =
        kind === 'element' || kind === 'hidden'
          ? `[${kind}]`
          : heap.strings[heap.edges[edge + nameAt]];
      const key = `${nameOf(node)} -> ${field}`;
      holders.set(key, (holders.get(key) ?? 0) + 1);
    }
  }
  return holders;
}

function main(): void {
  const [beforePath, afterPath, rows = '30', target] = process.argv.slice(2);
  if (!beforePath || !afterPath) throw new Error('usage: heap-snapshot-diff <before> <after>');
  const before = groupHeap(readSnapshot(beforePath));
  const later = readSnapshot(afterPath);
  const growth = heapGrowth(before, groupHeap(later));
  const total = growth.reduce((sum, g) => sum + g.bytes, 0);
  console.log(`own size of live objects: ${(total / 2 ** 20).toFixed(2)} MiB more`);
  for (const g of growth.sort((a, b) => b.bytes - a.bytes).slice(0, Number(rows))) {
    console.log(
      `${g.count.toString().padStart(9)} objects ${(g.bytes / 1024).toFixed(1).padStart(10)} KiB  ${g.key} (${g.countAfter} now)`,
    );
  }
  if (!target) return;
  console.log(`\nwhat holds ${target} in ${afterPath}:`);
  const holders = [...holdersOf(later, target)].sort((a, b) => b[1] - a[1]);
  for (const [holder, count] of holders.slice(0, Number(rows))) {
    console.log(`${count.toString().padStart(9)}  ${holder}`);
  }
}

if (require.main === module) main();
