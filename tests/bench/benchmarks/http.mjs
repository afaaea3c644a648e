import { join } from 'node:path';
import { merge, summary } from '../lib/hist.mjs';
import { findFreePort, startNode } from '../lib/proc.mjs';
import { fmt, row } from '../lib/report.mjs';
import { cleanEnv, probeExecArgv, SERVER_NODE_FLAGS, withProbe } from '../lib/server.mjs';

const REPLY = 'Thank you for writing this. I went through something similar, and it does get lighter with time and people around you.';

/** The server's CPU time per request, from its CPU share over the run and the request rate. */
const cpuMsPerRequest = (r) => (r.reqPerSec > 0 ? (r.server.cpuShare * 1000) / r.reqPerSec : 0);

async function load(ctx, server, label, request) {
  const o = ctx.options;
  const gen = ctx.startHttpGenerator();
  try {
    const measured = await ctx.measure([server], label, async () => {
      const r = await gen.call({ connections: o.connections, durationS: o.httpDuration, warmupS: o.httpWarmup, ...request });
      if (r.error) throw new Error(`${label}: ${r.error}`);
      return r;
    }, (r) => r.cpuShare);
    const r = measured.value;
    return {
      label,
      latency: summary(merge([r.hist])),
      reqPerSec: r.reqPerSec,
      requests: r.requests,
      statuses: r.statuses,
      non2xx: r.non2xx,
      errors: r.errors,
      timeouts: r.timeouts,
      generatorCpu: r.cpuShare,
      generatorSaturated: r.cpuShare >= o.saturation,
      server: measured.servers[0],
      postgresCores: measured.postgresCores,
      outsideCores: measured.outsideCores,
      machineCpuBusy: measured.machineCpuBusy,
      profiles: measured.profiles,
    };
  } finally {
    await gen.stop('SIGTERM', 5_000);
  }
}

/**
 * A phase left out with --http-skip (an A/B run against a build older than the feature it
 * measures): it reads as nothing served, and never as an error.
 */
const skipped = (label) => ({ label, skipped: true, latency: { p50: NaN, p99: NaN }, reqPerSec: 0, requests: 0, non2xx: 0, errors: 0, timeouts: 0, generatorCpu: 0, generatorSaturated: false, server: { cpuShare: 0 }, outsideCores: 0 });

/** Does the baseline serve the same rows as Kindred? (ids and hidden placeholders, in order) */
async function sameRows(kindredBase, bareBase, cookie, threadIds) {
  for (const id of threadIds.slice(0, 5)) {
    const a = await (await fetch(`${kindredBase}/api/threads/${id}/posts?limit=50`, { headers: { cookie } })).json();
    const b = await (await fetch(`${bareBase}/threads/${id}/posts`)).json();
    const key = (items) => items.map((i) => `${i.id}:${i.kind}`).join(',');
    if (key(a.items) !== key(b.items) || a.items.length !== 50) return false;
  }
  return true;
}

export async function run(ctx) {
  const o = ctx.options;
  const kindred = await ctx.startKindred({ name: 'kindred' });
  ctx.seeder.setBase(kindred.base);
  const port = await findFreePort();
  let bareProc;
  try {
    const forum = await ctx.seeder.seedForum({ threads: o.threads, postsPerThread: o.postsPerThread });
    const viewerCookie = `kindred_session=${forum.viewer.token}`;
    const posterCookie = `kindred_session=${forum.poster.token}`;
    const page = await load(ctx, kindred, 'http-thread-page', { url: kindred.base, path: '/api/threads/:id/posts?limit=50', ids: forum.threadIds, headers: { cookie: viewerCookie } });
    // Issue 15: the same pages for the same viewer holding 200 personal filters (none matching), same run.
    const skip = new Set(o.httpSkip.split(',').filter(Boolean));
    let filtered = skipped('http-thread-page-200-filters');
    if (!skip.has('filters')) {
      const filterIds = await ctx.seeder.addPersonalFilters(forum.viewer, 200);
      filtered = await load(ctx, kindred, 'http-thread-page-200-filters', { url: kindred.base, path: '/api/threads/:id/posts?limit=50', ids: forum.threadIds, headers: { cookie: viewerCookie } });
      await ctx.seeder.removePersonalFilters(forum.viewer, filterIds);
    }
    // What's new (issue 14): the directory with unread counts over every thread of the forum.
    let directory = skipped('http-unread-directory');
    if (!skip.has('directory')) {
      await ctx.seeder.seedHalfRead(forum);
      directory = await load(ctx, kindred, 'http-unread-directory', { url: kindred.base, path: '/api/rooms', ids: [''], headers: { cookie: viewerCookie } });
    }

    bareProc = startNode(join(import.meta.dirname, '..', 'servers', 'bare-http.mjs'), [], {
      env: cleanEnv({
        PORT: port,
        DATABASE_URL: ctx.db.url,
        DATABASE_POOL_SIZE: o.pool > 0 ? o.pool : 10,
        BENCH_HIDDEN: JSON.stringify(forum.filter.hidden),
        BENCH_SHOWN: JSON.stringify(forum.filter.shown),
        BENCH_BLOCKED: JSON.stringify(forum.filter.blocked),
      }),
      // The same runtime as Kindred's: the baseline gets the young generation Kindred runs with.
      execArgv: [...SERVER_NODE_FLAGS, ...probeExecArgv()],
      name: 'bare-http',
    });
    await bareProc.waitFor(/bare http ready/);
    const bare = withProbe(bareProc, { base: `http://127.0.0.1:${port}` });
    const rowsMatch = await sameRows(kindred.base, bare.base, viewerCookie, forum.threadIds);
    const barePage = await load(ctx, bare, 'http-bare-page', { url: bare.base, path: '/threads/:id/posts', ids: forum.threadIds });
    await bareProc.stop();
    bareProc = undefined;

    const postsByPoster = async () => Number((await ctx.seeder.pool.query('SELECT count(*) FROM posts WHERE author_id = $1', [forum.poster.id])).rows[0].count);
    const postsBefore = await postsByPoster();
    const create = await load(ctx, kindred, 'http-create-post', {
      url: kindred.base,
      method: 'POST',
      path: '/api/threads/:id/posts',
      ids: forum.threadIds,
      body: { body: REPLY },
      // Each reply its own words: the same words again within 10 minutes are a resend, answered with the first.
      uniqueField: 'body',
      headers: { cookie: posterCookie },
    });
    // Warm-up requests count too: every answered request should be a new post, none a resend.
    const created = (await postsByPoster()) - postsBefore;
    // One connection: the service time of a request, without queueing behind 49 others.
    const unloaded = o.httpUnloaded > 0
      ? {
          page: await load(ctx, kindred, 'http-thread-page-1conn', { url: kindred.base, path: '/api/threads/:id/posts?limit=50', ids: forum.threadIds, headers: { cookie: viewerCookie }, connections: 1, durationS: o.httpUnloaded, warmupS: 1 }),
          create: await load(ctx, kindred, 'http-create-post-1conn', { url: kindred.base, method: 'POST', path: '/api/threads/:id/posts', ids: forum.threadIds, body: { body: REPLY }, uniqueField: 'body', headers: { cookie: posterCookie }, connections: 1, durationS: o.httpUnloaded, warmupS: 1 }),
        }
      : undefined;
    const ratio = barePage.reqPerSec > 0 ? page.reqPerSec / barePage.reqPerSec : null;
    const filterRatio = page.reqPerSec > 0 ? filtered.reqPerSec / page.reqPerSec : null;
    const ok = (r) => r.non2xx === 0 && r.errors === 0 && r.timeouts === 0;
    const valid = ![page, filtered, barePage, create, directory].some((r) => r.generatorSaturated);
    const rows = [
      row(`thread page (50 posts, logged in, ${o.connections} conns) req/s`, fmt.n(page.reqPerSec)),
      row('thread page p50 / p99', `${fmt.ms(page.latency.p50)} / ${fmt.ms(page.latency.p99)}`, 'p99 ≤ 20 ms', page.latency.p99 <= 20 && ok(page)),
      row('thread page, viewer with 200 personal filters: req/s, p50 / p99', `${fmt.n(filtered.reqPerSec)}, ${fmt.ms(filtered.latency.p50)} / ${fmt.ms(filtered.latency.p99)}`),
      row('200 filters / none (req/s)', filterRatio === null ? 'n/a' : filterRatio.toFixed(2), '≥ 0.9', filterRatio !== null && filterRatio >= 0.9 && ok(filtered)),
      row('bare Fastify + pg, same rows: req/s, p50 / p99', `${fmt.n(barePage.reqPerSec)}, ${fmt.ms(barePage.latency.p50)} / ${fmt.ms(barePage.latency.p99)}${rowsMatch ? '' : ' (ROWS DIFFER)'}`),
      // Issue 18's bars: ≥ 0.6 of bare throughput, and a p99 at most twice bare's.
      row('thread page ratio Kindred / bare (req/s)', ratio === null ? 'n/a' : ratio.toFixed(2), '≥ 0.6', ratio !== null && ratio >= 0.6),
      row('thread page p99 / bare p99', `${(page.latency.p99 / barePage.latency.p99).toFixed(2)}×`, '≤ 2×', page.latency.p99 <= 2 * barePage.latency.p99),
      row(`room directory, unread-heavy (${forum.threadIds.length} threads half read) req/s`, fmt.n(directory.reqPerSec)),
      row('room directory p50 / p99 (vs thread page p99)', `${fmt.ms(directory.latency.p50)} / ${fmt.ms(directory.latency.p99)} (${fmt.ms(page.latency.p99)})`, 'p99 ≤ 20 ms', directory.latency.p99 <= 20 && ok(directory)),
      row('create-post req/s', fmt.n(create.reqPerSec)),
      row('create-post: posts written / requests answered 2xx (measured part)', `${fmt.n(created)} / ${fmt.n(create.requests - create.non2xx)}`, 'each a new post', created >= create.requests - create.non2xx),
      row('create-post p50 / p99', `${fmt.ms(create.latency.p50)} / ${fmt.ms(create.latency.p99)}`, 'p99 ≤ 30 ms', create.latency.p99 <= 30 && ok(create)),
      row('server CPU per request: thread page / create-post (bare page)', [page, create, barePage].map((r) => `${cpuMsPerRequest(r).toFixed(2)} ms`).join(' / ').replace(/ \/ ([^/]+)$/, ' ($1)')),
      ...(unloaded
        ? [
            row('1 connection: thread page p50 / p99', `${fmt.ms(unloaded.page.latency.p50)} / ${fmt.ms(unloaded.page.latency.p99)} (${fmt.n(unloaded.page.reqPerSec)} req/s)`),
            row('1 connection: create-post p50 / p99', `${fmt.ms(unloaded.create.latency.p50)} / ${fmt.ms(unloaded.create.latency.p99)} (${fmt.n(unloaded.create.reqPerSec)} req/s)`),
          ]
        : []),
      row('errors (non-2xx / socket errors / timeouts)', [page, filtered, barePage, create, directory].map((r) => `${r.non2xx}/${r.errors}/${r.timeouts}`).join(', '), '0', [page, filtered, barePage, create, directory].every(ok)),
      row('autocannon CPU (max)', fmt.pct(Math.max(page.generatorCpu, filtered.generatorCpu, barePage.generatorCpu, create.generatorCpu, directory.generatorCpu)), `< ${fmt.pct(o.saturation)}`, valid),
    ];
    return { rows, valid, noise: Math.max(page.outsideCores, filtered.outsideCores, barePage.outsideCores, create.outsideCores, directory.outsideCores), details: { seed: { threads: forum.threadIds.length, posts: forum.posts, seedMs: Math.round(forum.seedMs) }, rowsMatch, page, filtered, filterRatio, barePage, create, created, directory, unloaded, ratio } };
  } finally {
    if (bareProc) await bareProc.stop();
    await kindred.stop();
  }
}
