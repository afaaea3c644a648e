import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { join } from 'node:path';

export const RESULTS_DIR = join(import.meta.dirname, '..', 'results');

export function machine(dbServer) {
  const list = cpus();
  return {
    cores: list.length,
    cpu: list[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    kernel: release(),
    node: process.version,
    postgres: dbServer?.version?.split(' on ')[0],
    postgresSynchronousCommit: dbServer?.synchronousCommit,
  };
}

export const fmt = {
  ms: (v) => (v === null || v === undefined ? 'n/a' : `${v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : Math.round(v)} ms`),
  n: (v) => (v === null || v === undefined ? 'n/a' : Math.round(v).toLocaleString('en-US')),
  mb: (v) => (v === null || v === undefined ? 'n/a' : `${v.toFixed(1)} MB`),
  pct: (v) => (v === null || v === undefined ? 'n/a' : `${(v * 100).toFixed(v >= 0.9995 && v < 1 ? 2 : 1)}%`),
  s: (v) => (v === null || v === undefined ? 'n/a' : `${(v / 1000).toFixed(1)} s`),
};

/** One row: met is true/false when there is a target, undefined when the figure is informational. */
export function row(metric, measured, target, met) {
  return { metric, measured, target: target ?? '—', met };
}

export function writeResult(name, data) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${name}.json`);
  writeFileSync(path, `${JSON.stringify(data, null, 2)}\n`);
  return path;
}

/** Other work on the machine above this (in cores) during a measured phase marks figures as noisy. */
export const NOISE_CORES = 0.25;

export function printTable(results) {
  const lines = [];
  for (const r of results) {
    for (const x of r.rows) {
      let status = x.met === undefined ? '' : x.met ? 'yes' : 'NO';
      if (x.met !== undefined && r.valid === false) status += ' (INVALID RUN)';
      else if (x.met !== undefined && r.noise > NOISE_CORES) status += ' (noisy)';
      lines.push([r.name, x.metric, String(x.measured), String(x.target), status]);
    }
    if (r.error) lines.push([r.name, 'error', r.error.split('\n')[0].slice(0, 80), '', 'FAILED']);
  }
  const header = ['benchmark', 'metric', 'measured', 'target', 'met?'];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmtLine = (l) => `| ${l.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  const out = [fmtLine(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(fmtLine)];
  return out.join('\n');
}
