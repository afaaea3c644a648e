#!/usr/bin/env node
/**
 * What a heap holds, by kind of object: `node heap-summary.mjs a.heapsnapshot [b.heapsnapshot]`.
 * With two snapshots it prints what grew from the first to the second (say, idle and with
 * 5,000 sockets joined, from `--only connections --heap-snapshot`), per 1,000 of `--per`
 * (e.g. `--per 5050` sockets) when given. Self sizes only: enough to say which objects a
 * socket, a session or a cache adds, without a browser's DevTools.
 */
import { readFileSync } from 'node:fs';

function summarize(path) {
  const snapshot = JSON.parse(readFileSync(path, 'utf8'));
  const { node_fields: fields, node_types: [types] } = snapshot.snapshot.meta;
  const width = fields.length;
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const { nodes, strings } = snapshot;
  const groups = new Map();
  for (let i = 0; i < nodes.length; i += width) {
    const type = types[nodes[i + typeAt]];
    // Objects by constructor; closures by function name; strings, arrays and code by type.
    const name = type === 'object' || type === 'closure' || type === 'native' ? `${type} ${strings[nodes[i + nameAt]]}` : type;
    const group = groups.get(name) ?? { count: 0, bytes: 0 };
    group.count += 1;
    group.bytes += nodes[i + sizeAt];
    groups.set(name, group);
  }
  return groups;
}

const args = process.argv.slice(2);
const perIndex = args.indexOf('--per');
const per = perIndex >= 0 ? Number(args.splice(perIndex, 2)[1]) / 1000 : 1;
const [first, second] = args.map(summarize);
const rows = second
  ? [...new Set([...first.keys(), ...second.keys()])].map((name) => {
      const a = first.get(name) ?? { count: 0, bytes: 0 };
      const b = second.get(name) ?? { count: 0, bytes: 0 };
      return { name, count: (b.count - a.count) / per, bytes: (b.bytes - a.bytes) / per };
    })
  : [...first].map(([name, g]) => ({ name, ...g }));
rows.sort((a, b) => b.bytes - a.bytes);
const total = rows.reduce((sum, r) => sum + r.bytes, 0);
console.log(`${second ? 'grew' : 'holds'} ${(total / 1048576).toFixed(2)} MB${per !== 1 ? ` per 1,000 of ${per * 1000}` : ''}`);
for (const r of rows.slice(0, 40)) console.log(`${(r.bytes / 1024).toFixed(1).padStart(10)} KB ${String(Math.round(r.count)).padStart(9)}  ${r.name.slice(0, 100)}`);
