import { readFileSync } from 'node:fs';

/** Where a frame's code lives: an npm package, the app, Node itself, or V8 (GC, idle…). */
function owner(url) {
  if (!url) return '(v8/native)';
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1];
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  const app = url.match(/apps\/api\/dist\/([^/]+)/);
  if (app) return `kindred/${app[1]}`;
  return url.split('/').slice(-2).join('/');
}

/**
 * Self time by package and by function from a .cpuprofile: enough to say what bounds a
 * benchmark ("x% in typeorm, y% in GC") without opening DevTools.
 */
export function summarizeProfile(path, top = 15) {
  const profile = JSON.parse(readFileSync(path, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map();
  for (let i = 0; i < profile.samples.length; i += 1) {
    const id = profile.samples[i];
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0) || 1;
  const byPackage = new Map();
  const byFunction = new Map();
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    const { functionName, url, lineNumber } = node.callFrame;
    const name = functionName || '(anonymous)';
    const pkg = ['(idle)', '(program)', '(garbage collector)'].includes(name) ? name : owner(url);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
    const key = `${name} ${owner(url)}${url && !url.includes('node_modules') ? `:${lineNumber + 1}` : ''}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  }
  const idle = byPackage.get('(idle)') ?? 0;
  const busy = total - idle || 1;
  const rank = (map) =>
    [...map.entries()]
      .filter(([k]) => !k.startsWith('(idle)'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => ({ what: k, busyPercent: Math.round((us / busy) * 1000) / 10 }));
  return { sampledMs: Math.round(total / 1000), busyMs: Math.round(busy / 1000), idlePercent: Math.round((idle / total) * 1000) / 10, byPackage: rank(byPackage), byFunction: rank(byFunction) };
}

/**
 * Sampled allocations (a .heapprofile) by package and by function, in MB over the phase: what
 * makes the garbage collector's share of a profile.
 */
export function summarizeAllocations(path, top = 15) {
  const { head } = JSON.parse(readFileSync(path, 'utf8'));
  const byPackage = new Map();
  const byFunction = new Map();
  let total = 0;
  const visit = (node) => {
    const bytes = node.selfSize ?? 0;
    if (bytes) {
      const { functionName, url, lineNumber } = node.callFrame;
      const name = functionName || '(anonymous)';
      const pkg = owner(url);
      byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + bytes);
      const key = `${name} ${pkg}${url && !url.includes('node_modules') ? `:${lineNumber + 1}` : ''}`;
      byFunction.set(key, (byFunction.get(key) ?? 0) + bytes);
      total += bytes;
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(head);
  const rank = (map) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, bytes]) => ({ what: k, mb: Math.round((bytes / 1048576) * 10) / 10, percent: Math.round((bytes / (total || 1)) * 1000) / 10 }));
  return { sampledMb: Math.round((total / 1048576) * 10) / 10, byPackage: rank(byPackage), byFunction: rank(byFunction) };
}
