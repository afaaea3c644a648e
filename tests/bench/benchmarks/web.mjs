import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
/* global window, document -- OBSERVE and the metrics reader run inside the page */
import { fmt, row } from '../lib/report.mjs';
import { REPO_ROOT } from '../lib/server.mjs';

const DIST = join(REPO_ROOT, 'apps/web/dist');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const gz = (path) => gzipSync(readFileSync(path)).length; // zlib default level (6), like `gzip` and most servers

/** LCP (last candidate) and CLS (largest session window), recorded from the first paint on. */
const OBSERVE = () => {
  window.__lcp = 0;
  window.__cls = 0;
  window.__shifts = [];
  const describe = (n) => (n && n.nodeType === 1 ? `${n.tagName.toLowerCase()}${n.id ? `#${n.id}` : ''}${n.className && typeof n.className === 'string' ? `.${n.className.trim().split(/\s+/).join('.')}` : ''}` : String(n?.nodeName ?? '?'));
  let windowValue = 0;
  let windowStart = 0;
  let last = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__lcp = e.renderTime || e.loadTime || e.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      window.__shifts.push({ at: Math.round(e.startTime), value: Math.round(e.value * 10000) / 10000, sources: (e.sources ?? []).map((x) => describe(x.node)) });
      if (windowValue && (e.startTime - last > 1000 || e.startTime - windowStart > 5000)) {
        windowValue = 0;
      }
      if (!windowValue) windowStart = e.startTime;
      windowValue += e.value;
      last = e.startTime;
      window.__cls = Math.max(window.__cls, windowValue);
    }
  }).observe({ type: 'layout-shift', buffered: true });
};

/** Entry script and modulepreloads of index.html: what every page downloads before rendering. */
function staticInitialJs() {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/([^"]+\.js)"/g)].map((m) => m[1]);
  return { files, gzipBytes: files.reduce((a, f) => a + gz(join(DIST, f)), 0) };
}

/** Nearest-rank percentile; Core Web Vitals judge a page at p75 of its loads. */
const percentile = (list, p) => {
  const s = [...list].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : null;
};

export async function run(ctx) {
  const o = ctx.options;
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('apps/web/dist is not built (npm run build)');
  const staticJs = staticInitialJs();
  const server = await ctx.startKindred({ name: 'kindred' });
  ctx.seeder.setBase(server.base);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
  try {
    const [user] = await ctx.seeder.ensureUsers(1);
    const room = await ctx.seeder.createRoom('bench-web');
    await ctx.seeder.addMembers([{ roomId: room.id, userId: user.id }]);
    const cookie = `kindred_session=${user.token}`;
    for (let i = 0; i < 25; i += 1) {
      const res = await fetch(`${server.base}/api/rooms/${room.id}/threads`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ title: `How do you get through the evenings? (${i + 1})`, body: 'Evenings are the hardest for me. What helps you?' }),
      });
      if (res.status !== 201) throw new Error(`seeding threads: ${res.status} ${await res.text()}`);
    }
    const runs = [];
    for (let i = 0; i < o.webRuns; i += 1) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await context.addCookies([{ name: 'kindred_session', value: user.token, url: server.base }]);
      await context.addInitScript(OBSERVE);
      const page = await context.newPage();
      const scripts = new Set();
      page.on('response', (res) => {
        const url = new URL(res.url());
        if (res.request().resourceType() === 'script' && url.origin === server.base) scripts.add(url.pathname);
      });
      const t0 = performance.now();
      await page.goto(`${server.base}/rooms/${room.slug}`, { waitUntil: 'networkidle' });
      await page.waitForTimeout(1000);
      const metrics = await page.evaluate(() => ({ lcp: window.__lcp, cls: window.__cls, shifts: window.__shifts, title: document.title, h1: document.querySelector('h1')?.textContent ?? null }));
      const files = [...scripts].map((p) => p.replace(/^\//, ''));
      const jsGzip = files.filter((f) => existsSync(join(DIST, f))).reduce((a, f) => a + gz(join(DIST, f)), 0);
      runs.push({ ...metrics, loadMs: performance.now() - t0, scripts: files, jsGzipBytes: jsGzip });
      await context.close();
    }
    const lcp = percentile(runs.map((r) => r.lcp), 75);
    const cls = percentile(runs.map((r) => r.cls), 75);
    const clsMedian = percentile(runs.map((r) => r.cls), 50);
    const clsWorst = Math.max(...runs.map((r) => r.cls));
    const jsKiB = Math.max(...runs.map((r) => r.jsGzipBytes)) / 1024;
    const rendered = runs.every((r) => r.h1);
    const rows = [
      row('room page initial JS, gzip (all scripts it loads)', `${jsKiB.toFixed(1)} KiB (${runs[0].scripts.length} files)`, '≤ 150 KiB', jsKiB <= 150),
      // Issue 18's bar: what a page needs before its first paint (lazy chunks follow it).
      row('index.html entry + modulepreload JS, gzip', `${(staticJs.gzipBytes / 1024).toFixed(1)} KiB`, '≤ 120 KiB', staticJs.gzipBytes / 1024 <= 120),
      row(`room page LCP (p75 of ${runs.length} cold loads, headless Chromium)`, fmt.ms(lcp), '≤ 1.0 s', lcp !== null && lcp <= 1000 && rendered),
      row(`room page CLS (p75 of ${runs.length}; median / worst)`, `${cls.toFixed(3)} (${clsMedian.toFixed(3)} / ${clsWorst.toFixed(3)})`, '≤ 0.05', cls <= 0.05),
    ];
    return { rows, valid: true, details: { runs, staticJs, roomRendered: rendered, lcpP75: lcp, clsP75: cls } };
  } finally {
    await browser.close();
    await server.stop();
  }
}
