import { now, roomPlan, splitByRoom } from '../lib/context.mjs';
import { merge, summary } from '../lib/hist.mjs';
import { machineCpu, sleep } from '../lib/proc.mjs';
import { cpus } from 'node:os';
import { summarizeProfile } from '../lib/profile.mjs';
import { fmt, NOISE_CORES, RESULTS_DIR, row } from '../lib/report.mjs';
import { join } from 'node:path';
import { addCounts, drift, flat, growth, slope, total } from '../lib/series.mjs';

/**
 * `npm run soak`: members chatting and browsing at once for --soak-duration seconds after a
 * warm-up, against one production instance. Every --soak-window seconds it reads latency,
 * errors, CPU, open handles and memory after a forced GC, so a leak shows as a slope and a
 * slowdown as p99 drift. At the end it checks that nothing acknowledged was lost: every acked
 * chat message reached every member of its room and is a row, and every 201 is a row.
 */

// Our own bound for "no drift": p99 at the end within +25 % (or +5 ms) of p99 at the start.
const DRIFT_RELATIVE = 0.25;
const DRIFT_ABSOLUTE_MS = 5;
// Compare the first and last two minutes of the measured period.
const DRIFT_SPAN_S = 120;
const MEMORY_GROWTH_TARGET = 0.1;

const log = (line) => process.stderr.write(`[soak ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

async function seed(ctx) {
  const o = ctx.options;
  const users = await ctx.seeder.ensureUsers(o.soakClients);
  const rooms = await ctx.seeder.ensureRooms(Math.ceil(o.soakClients / o.roomSize));
  const plan = roomPlan(users, rooms, o.roomSize);
  await ctx.seeder.addMembers(plan);
  const forum = await ctx.seeder.seedForum({ threads: o.soakThreads, postsPerThread: o.soakPostsPerThread });
  await ctx.seeder.addMembers(users.map((u) => ({ roomId: forum.room.id, userId: u.id })));
  return { plan, rooms, forum };
}

/** Rows the load writes, counted before and after: the app must hold exactly what it acknowledged. */
async function rowCounts(ctx, forumRoomId) {
  const q = async (sql, params = []) => Number((await ctx.seeder.pool.query(sql, params)).rows[0].n);
  return {
    chat: await q(`SELECT count(*) AS n FROM chat_messages WHERE client_id LIKE 'bench-soak-%'`),
    posts: await q('SELECT count(*) AS n FROM posts WHERE room_id = $1', [forumRoomId]),
    threads: await q('SELECT count(*) AS n FROM threads WHERE room_id = $1', [forumRoomId]),
    reports: await q('SELECT count(*) AS n FROM reports'),
  };
}

async function pgConnections(ctx) {
  const { rows } = await ctx.seeder.pool.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database()');
  return rows[0].n;
}

const COUNTERS = ['delivered', 'duplicates', 'unexpectedDisconnects', 'ackErrors', 'ackTimeouts', 'chatSent', 'reconnects', 'reconnectErrors', 'connectRetries', 'joinRetries', 'truncatedReplays', 'httpErrors', 'resends'];

/** What the member would notice as a failure: refused or lost sends, failed requests, drops. */
const errorCount = (c) => (c.duplicates ?? 0) + (c.unexpectedDisconnects ?? 0) + total(c.ackErrors) + (c.ackTimeouts ?? 0) + (c.reconnectErrors ?? 0) + (c.connectRetries ?? 0) + (c.joinRetries ?? 0) + total(c.httpErrors);

/** CPU of PostgreSQL's backends for this database and of the whole machine, between two readings. */
async function cpuReading(ctx) {
  return { at: performance.now(), machine: machineCpu(), pg: await ctx.pgBackends() };
}

function cpuBetween(a, b, serverCores, generatorCores) {
  const seconds = (b.at - a.at) / 1000;
  let pgSeconds = 0;
  for (const [pid, cpu] of b.pg) pgSeconds += cpu - (a.pg.get(pid) ?? 0);
  const share = (key) => ((b.machine[key] - a.machine[key]) / (b.machine.total - a.machine.total)) * cpus().length;
  const busyCores = cpus().length - share('idle');
  const stealCores = share('steal');
  const postgresCores = pgSeconds / seconds;
  return { postgresCores, machineBusyCores: busyCores, stealCores, outsideCores: Math.max(0, busyCores - stealCores - serverCores - postgresCores - generatorCores) };
}

function windowOf(index, endS, warmup, gens, stats, previous, pgConnections) {
  const counts = {};
  for (const g of gens) addCounts(counts, Object.fromEntries(COUNTERS.map((k) => [k, g[k]])));
  const http = gens.flatMap((g) => Object.values(g.http));
  const wallMs = stats.at - previous.at;
  return {
    index,
    endS,
    warmup,
    deliver: gens.map((g) => g.deliver),
    ack: gens.map((g) => g.ack),
    http,
    httpByKind: gens.map((g) => g.http),
    chat: summary(merge(gens.map((g) => g.deliver))),
    chatAck: summary(merge(gens.map((g) => g.ack))),
    httpSummary: summary(merge(http)),
    // p50/p99 per request kind in this window: which kind drifts, if anything does.
    httpKinds: perKind([{ httpByKind: gens.map((g) => g.http) }]),
    counts,
    errors: errorCount(counts),
    heapUsedMb: stats.mem.heapUsed / 1048576,
    heapAfterMajorGcMb: stats.gc.heapAfterMajorGc === null ? null : stats.gc.heapAfterMajorGc / 1048576,
    majorGcs: stats.gc.majorGcs - previous.gc.majorGcs,
    gcPauseMs: stats.gc.pauseMs - previous.gc.pauseMs,
    rssMb: stats.mem.rss / 1048576,
    serverCpu: (stats.cpu.user - previous.cpu.user + stats.cpu.system - previous.cpu.system) / 1000 / wallMs,
    loopP99Ms: stats.loopP99Ms,
    activeResources: stats.activeResources,
    pgConnections,
    generatorCpuMax: Math.max(...gens.map((g) => g.cpuShare)),
  };
}

function progress(w, windows) {
  return `${w.index}/${windows}${w.warmup ? ' (warm-up)' : ''} chat ${fmt.n(w.chat.count)} deliveries p99 ${fmt.ms(w.chat.p99)} | http ${fmt.n(w.httpSummary.count)} req p99 ${fmt.ms(w.httpSummary.p99)} | heap ${fmt.mb(w.heapUsedMb)} (after last full GC ${fmt.mb(w.heapAfterMajorGcMb)}) rss ${fmt.mb(w.rssMb)} | GC pauses ${fmt.ms(w.gcPauseMs)} | cpu server ${fmt.pct(w.serverCpu)} pg ${fmt.pct(w.postgresCores)} other ${fmt.pct(w.outsideCores)} stolen ${fmt.pct(w.stealCores)} | handles ${w.activeResources} | errors ${w.errors}`;
}

/** p99 per request kind over the measured period: where a slowdown comes from. */
function perKind(measured) {
  const byKind = new Map();
  for (const w of measured) for (const part of w.httpByKind) for (const [k, h] of Object.entries(part)) byKind.set(k, [...(byKind.get(k) ?? []), h]);
  return Object.fromEntries([...byKind].map(([k, list]) => [k, summary(merge(list))]));
}

/** Memory after a forced full GC, taken under load at the edges of the measured period. */
async function memoryReading(server) {
  const t0 = performance.now();
  const { mem } = await server.stats(true);
  return { heapUsedMb: mem.heapUsed / 1048576, rssMb: mem.rss / 1048576, gcMs: performance.now() - t0 };
}

async function runLoad(ctx, server, generators) {
  const o = ctx.options;
  const windowMs = o.soakWindow * 1000;
  const warmupWindows = Math.round(o.soakWarmup / o.soakWindow);
  const windows = warmupWindows + Math.ceil(o.soakDuration / o.soakWindow);
  const startAt = now() + 1000;
  await server.stats(true, true);
  await ctx.all(generators, {
    cmd: 'start',
    startAt,
    chatIntervalMs: o.soakChatInterval * 1000,
    httpIntervalMs: o.soakHttpInterval * 1000,
    churnPerMinute: o.soakChurn,
    moderatorIntervalMs: o.soakModeratorInterval * 1000,
  });
  let previous = await server.stats(false);
  let cpuPrevious = await cpuReading(ctx);
  const series = [];
  let baseline = warmupWindows === 0 ? await memoryReading(server) : undefined;
  let final;
  for (let k = 1; k <= windows; k += 1) {
    await sleep(startAt + k * windowMs - now());
    // The forced GC pauses the app: take it before closing the last warm-up window and let
    // the backlog drain, so the pause lands in the warm-up, not in the measured latencies.
    if (k === warmupWindows) {
      baseline = await memoryReading(server);
      await sleep(1000);
    }
    const [gens, stats] = await Promise.all([ctx.all(generators, { cmd: 'window' }), server.stats(false, true)]);
    // …and the closing one after the last measured window, still under load.
    if (k === windows) final = await memoryReading(server);
    const cpuNow = await cpuReading(ctx);
    const w = windowOf(k, (k * windowMs) / 1000, k <= warmupWindows, gens, stats, previous, await pgConnections(ctx));
    Object.assign(w, cpuBetween(cpuPrevious, cpuNow, w.serverCpu, gens.reduce((a, g) => a + g.cpuShare, 0)));
    previous = stats;
    cpuPrevious = cpuNow;
    // With --profile: a CPU profile of the server over the measured period only.
    if (o.profile && k === warmupWindows) await server.profileStart();
    series.push(w);
    log(progress(w, windows));
  }
  let profile;
  if (o.profile) {
    const path = join(RESULTS_DIR, 'soak.cpuprofile');
    await server.profileStop(path);
    profile = { path, ...summarizeProfile(path) };
  }
  const stopped = await ctx.all(generators, { cmd: 'stop', drainMs: 5000 });
  return { series, stopped, profile, baseline, final };
}

function memoryRows(measured, baseline, final) {
  const heapGrowth = growth(baseline.heapUsedMb, final.heapUsedMb);
  const rssGrowth = growth(baseline.rssMb, final.rssMb);
  const perMinute = (key) => slope(measured.filter((w) => w[key] !== null).map((w) => ({ x: w.endS / 60, y: w[key] })));
  const figures = { baseline, final, heapGrowth, rssGrowth, heapAfterMajorGcMbPerMinute: perMinute('heapAfterMajorGcMb'), rssMbPerMinute: perMinute('rssMb'), handlesPerMinute: perMinute('activeResources') };
  const sign = (v) => `${v >= 0 ? '+' : ''}${fmt.pct(v)}`;
  const trend = (v, unit) => (v === null ? 'n/a' : `${v >= 0 ? '+' : ''}${v.toFixed(2)}${unit}`);
  const rows = [
    row('heap used after a forced GC: end of warm-up → end', `${fmt.mb(baseline.heapUsedMb)} → ${fmt.mb(final.heapUsedMb)} (${sign(heapGrowth)})`, '< +10%', heapGrowth !== null && heapGrowth < MEMORY_GROWTH_TARGET),
    row('RSS: end of warm-up → end', `${fmt.mb(baseline.rssMb)} → ${fmt.mb(final.rssMb)} (${sign(rssGrowth)})`, '< +10%', rssGrowth !== null && rssGrowth < MEMORY_GROWTH_TARGET),
    row(
      'trend per minute: heap after V8\'s full GCs / RSS / open handles',
      `${trend(figures.heapAfterMajorGcMbPerMinute, ' MB')} / ${trend(figures.rssMbPerMinute, ' MB')} / ${trend(figures.handlesPerMinute, '')}`,
    ),
  ];
  return { rows, figures };
}

/**
 * CPU time per operation at the start and end of the measured period. Unlike p99 it does not
 * move when the hypervisor steals time or the box is busy, so it tells whether the app (or
 * its queries) does more work per request as the soak goes on.
 */
function workDrift(measured, span, windowS) {
  const n = Math.max(1, Math.min(span, Math.floor(measured.length / 2)));
  const perOp = (windows, key) => {
    const ops = windows.reduce((a, w) => a + w.counts.chatSent + w.httpSummary.count, 0);
    return (windows.reduce((a, w) => a + w[key], 0) * windowS * 1000) / Math.max(1, ops);
  };
  const pair = (key) => ({ first: perOp(measured.slice(0, n), key), last: perOp(measured.slice(-n), key) });
  return { server: pair('serverCpu'), postgres: pair('postgresCores') };
}

function driftRow(label, d) {
  const text = d === null ? 'n/a' : `${fmt.ms(d.firstP99)} → ${fmt.ms(d.lastP99)} (${d.change >= 0 ? '+' : ''}${fmt.ms(d.change)})`;
  return row(label, text, `≤ +${DRIFT_RELATIVE * 100}% or +${DRIFT_ABSOLUTE_MS} ms`, flat(d, DRIFT_RELATIVE, DRIFT_ABSOLUTE_MS));
}

export async function run(ctx) {
  const o = ctx.options;
  const server = await ctx.startKindred({ name: 'kindred-soak' });
  ctx.seeder.setBase(server.base);
  let generators = [];
  try {
    const { plan, rooms, forum } = await seed(ctx);
    const clients = plan.map((c) => ({ ...c, base: server.base }));
    const staff = await ctx.seeder.ensureStaff(o.soakModerators);
    const parts = splitByRoom(clients, Math.max(1, Math.min(o.generators, rooms.length)));
    generators = ctx.startGenerators('soak-gen', parts.length);
    const threadIds = forum.threadIds;
    const connected = await ctx.all(generators, { cmd: 'connect', concurrency: o.connectConcurrency }, (i) => ({
      clients: parts[i],
      moderators: staff.filter((_, k) => k % parts.length === i).map((s) => ({ token: s.token, userId: s.id, base: server.base })),
      forum: { slug: forum.room.slug, threadIds },
    }));
    const connectedCount = connected.reduce((a, r) => a + r.connected, 0);
    if (connectedCount < clients.length) throw new Error(`only ${connectedCount}/${clients.length} members connected: ${connected.flatMap((r) => r.errors).join('; ')}`);
    const before = await rowCounts(ctx, forum.room.id);
    log(`${clients.length} members in ${rooms.length} chat rooms + the forum (${threadIds.length} threads), ${staff.length} moderators; ${o.soakWarmup} s warm-up then ${o.soakDuration} s measured`);

    const { series, stopped, profile, baseline, final } = await runLoad(ctx, server, generators);
    const after = await rowCounts(ctx, forum.room.id);
    const health = await fetch(`${server.base}/api/health`).then((r) => r.status).catch(() => 0);
    const alive = server.child.exitCode === null && server.child.signalCode === null;

    const measured = series.filter((w) => !w.warmup);
    if (measured.length < 2) throw new Error('soak too short: need at least two measured windows (raise --soak-duration or lower --soak-window)');
    const counts = {};
    for (const w of series) addCounts(counts, w.counts);
    for (const s of stopped) addCounts(counts, Object.fromEntries(COUNTERS.map((k) => [k, s.last[k]])));
    const sum = (k) => stopped.reduce((a, s) => a + s[k], 0);
    const createdTotals = stopped.reduce((acc, s) => addCounts(acc, s.created), {});
    const rowsOk = {
      chat: after.chat - before.chat === sum('chatAcked'),
      posts: after.posts - before.posts === (createdTotals.reply ?? 0) + (createdTotals['new-thread'] ?? 0),
      threads: after.threads - before.threads === (createdTotals['new-thread'] ?? 0),
      reports: after.reports - before.reports === (createdTotals.report ?? 0),
    };
    const unacked = sum('chatSent') - sum('chatAcked');
    const lost = sum('lost');
    const errors = errorCount(counts) + lost + unacked + Object.values(rowsOk).filter((v) => !v).length + (health === 200 && alive ? 0 : 1);

    const span = Math.max(1, Math.round(DRIFT_SPAN_S / o.soakWindow));
    const chatDrift = drift(measured, 'deliver', span);
    const httpDrift = drift(measured, 'http', span);
    // On a shared VM, windows where the hypervisor took CPU away show second-long p99s that
    // say nothing about the app; the same comparison over the quiet windows alone separates
    // the app's own drift from the neighbours'.
    const quiet = measured.filter((w) => w.stealCores + w.outsideCores <= NOISE_CORES);
    const quietChatDrift = drift(quiet, 'deliver', span);
    const quietHttpDrift = drift(quiet, 'http', span);
    const memory = memoryRows(measured, baseline, final);
    const work = workDrift(measured, span, o.soakWindow);
    const measuredS = measured.length * o.soakWindow;
    const httpRequests = measured.reduce((a, w) => a + w.httpSummary.count, 0);
    const chatOverall = summary(merge(measured.flatMap((w) => w.deliver)));
    const httpOverall = summary(merge(measured.flatMap((w) => w.http)));
    const generatorCpuMax = Math.max(...series.map((w) => w.generatorCpuMax));
    const mean = (key) => measured.reduce((a, w) => a + w[key], 0) / measured.length;
    const valid = generatorCpuMax < o.saturation;
    const errorText = `${errors} (chat acks ${total(counts.ackErrors) + counts.ackTimeouts}, HTTP ${total(counts.httpErrors)}, drops ${counts.unexpectedDisconnects}, rejoin ${counts.reconnectErrors + counts.connectRetries + counts.joinRetries}, lost ${lost}, duplicated ${counts.duplicates}, unacked ${unacked}, row checks ${Object.values(rowsOk).filter((v) => !v).length})`;
    const rows = [
      row(
        `load: ${clients.length} members, ${fmt.s(measuredS * 1000)} measured after ${o.soakWarmup} s warm-up`,
        `${fmt.n(sum('chatSent') / (series.length * o.soakWindow))} chat msg/s, ${fmt.n(httpRequests / measuredS)} HTTP req/s, ${fmt.n((counts.reconnects * 60) / (series.length * o.soakWindow))} rejoins/min`,
      ),
      row('errors', errorText, '0', errors === 0),
      row('chat send→deliver p50 / p99 over the soak', `${fmt.ms(chatOverall.p50)} / ${fmt.ms(chatOverall.p99)} (${fmt.n(chatOverall.count)} deliveries)`),
      driftRow(`chat p99 drift: first → last ${Math.round((span * o.soakWindow) / 60)} min`, chatDrift),
      row('HTTP p50 / p99 over the soak', `${fmt.ms(httpOverall.p50)} / ${fmt.ms(httpOverall.p99)} (${fmt.n(httpOverall.count)} requests)`),
      driftRow(`HTTP p99 drift: first → last ${Math.round((span * o.soakWindow) / 60)} min`, httpDrift),
      driftRow(`quiet windows only (${quiet.length} of ${measured.length}): chat p99 drift`, quietChatDrift),
      driftRow('quiet windows only: HTTP p99 drift', quietHttpDrift),
      row(
        `CPU per operation (chat send or HTTP request): first → last ${Math.round((span * o.soakWindow) / 60)} min, server / PostgreSQL`,
        `${work.server.first.toFixed(2)} → ${work.server.last.toFixed(2)} ms / ${work.postgres.first.toFixed(2)} → ${work.postgres.last.toFixed(2)} ms`,
      ),
      ...memory.rows,
      row(
        'CPU mean (of a core): server / PostgreSQL / other work / stolen by the hypervisor',
        `${fmt.pct(mean('serverCpu'))} / ${fmt.pct(mean('postgresCores'))} / ${fmt.pct(mean('outsideCores'))} / ${fmt.pct(mean('stealCores'))}`,
      ),
      row('event-loop p99 worst window / GC pauses per minute', `${fmt.ms(Math.max(...measured.map((w) => w.loopP99Ms)))} / ${fmt.ms((mean('gcPauseMs') * 60) / o.soakWindow)}`),
      row('rows written = acknowledged (chat, posts, threads, reports)', Object.entries(rowsOk).map(([k, v]) => `${k} ${v ? 'ok' : 'MISMATCH'}`).join(', '), 'all ok', Object.values(rowsOk).every(Boolean)),
      row('server alive and healthy at the end', `${alive ? 'alive' : 'EXITED'}, /api/health ${health}`, '200', alive && health === 200),
      row('load generator CPU (max window)', fmt.pct(generatorCpuMax), `< ${fmt.pct(o.saturation)}`, valid),
    ];
    // The JSON keeps each window's figures, not its raw histograms.
    const strip = (w) => Object.fromEntries(Object.entries(w).filter(([k]) => !['deliver', 'ack', 'http', 'httpByKind'].includes(k)));
    return {
      rows,
      valid,
      noise: mean('outsideCores') + mean('stealCores'),
      details: {
        members: clients.length,
        rooms: rooms.length,
        moderators: staff.length,
        counts,
        lost,
        unacked,
        chatSent: sum('chatSent'),
        chatAcked: sum('chatAcked'),
        expectedDeliveries: sum('expected'),
        created: createdTotals,
        rows: { before, after, ok: rowsOk },
        chatDrift,
        httpDrift,
        quietWindows: quiet.length,
        quietChatDrift,
        quietHttpDrift,
        memory: memory.figures,
        cpuPerOperationMs: work,
        httpByKind: perKind(measured),
        windows: series.map(strip),
        profile,
      },
    };
  } finally {
    await ctx.closeGenerators(generators);
    await server.stop();
  }
}
