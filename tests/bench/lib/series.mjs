import { merge, summary } from './hist.mjs';

/** Least-squares slope of y over x (per unit of x); null with fewer than two points. */
export function slope(points) {
  if (points.length < 2) return null;
  const n = points.length;
  const mx = points.reduce((a, p) => a + p.x, 0) / n;
  const my = points.reduce((a, p) => a + p.y, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.x - mx) * (p.y - my);
    den += (p.x - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

/** Relative change from `from` to `to` (0.1 = +10 %). */
export const growth = (from, to) => (from > 0 ? (to - from) / from : null);

/**
 * p99 at the start of the measured period against p99 at its end, each over `span` windows
 * merged (one window alone holds too few slow requests for a steady p99).
 */
export function drift(windows, key, span) {
  const n = Math.min(span, Math.floor(windows.length / 2));
  if (n === 0) return null;
  const first = summary(merge(windows.slice(0, n).flatMap((w) => w[key])));
  const last = summary(merge(windows.slice(-n).flatMap((w) => w[key])));
  if (first.p99 === null || last.p99 === null) return null;
  return {
    firstP99: first.p99,
    lastP99: last.p99,
    change: last.p99 - first.p99,
    relative: growth(first.p99, last.p99),
    windowsEach: n,
  };
}

/** Drift is "flat" when p99 rose by no more than `relative` or `absoluteMs`, whichever is larger. */
export const flat = (d, relative, absoluteMs) => d !== null && d.change <= Math.max(absoluteMs, d.firstP99 * relative);

/** Adds up counters (numbers or {key: number} maps) from several reports. */
export function addCounts(target, source) {
  for (const [k, v] of Object.entries(source)) {
    if (typeof v === 'number') target[k] = (target[k] ?? 0) + v;
    else if (v && typeof v === 'object' && !Array.isArray(v)) addCounts((target[k] ??= {}), v);
  }
  return target;
}

export const total = (counts) => Object.values(counts ?? {}).reduce((a, v) => a + (typeof v === 'number' ? v : total(v)), 0);
