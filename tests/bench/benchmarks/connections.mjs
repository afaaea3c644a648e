import { now, roomPlan, splitByRoom } from '../lib/context.mjs';
import { merge, summary } from '../lib/hist.mjs';
import { sleep } from '../lib/proc.mjs';
import { join as joinPath } from 'node:path';
import { fmt, RESULTS_DIR, row } from '../lib/report.mjs';

const log = (line) => process.stderr.write(`[connections ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

/**
 * The server's memory once it stops moving: seeding registers members, whose password checks
 * leave the estimator's worker with garbage it gives back over the next seconds. Reading the
 * baseline before that would count its release against the sockets.
 */
async function settledStats(server) {
  let last = await server.stats(true);
  for (let waited = 0; waited < 60_000; waited += 3000) {
    await sleep(3000);
    const next = await server.stats(true);
    const moved = Math.abs(next.mem.rss - last.mem.rss) / 1048576;
    last = next;
    if (moved < 1) break;
  }
  return last;
}

/**
 * `sockets` authenticated members connect and join their rooms (rooms of `roomSize`), then
 * sit idle: server RSS growth per 1,000 sockets (after a GC on both readings) and handshake
 * latency. Then a reconnect storm: every member's connection drops at once and all reconnect
 * and rejoin with replay (`lastMessageId`) while writers keep posting; measured until the
 * last member is back, then every member must hold every writer message of its room.
 */
export async function run(ctx) {
  const o = ctx.options;
  const server = await ctx.startKindred({ name: 'kindred' });
  ctx.seeder.setBase(server.base);
  try {
    const rooms = await ctx.seeder.ensureRooms(Math.ceil(o.sockets / o.roomSize));
    const users = await ctx.seeder.ensureUsers(o.sockets + o.stormWriters);
    const plan = roomPlan(users.slice(0, o.sockets), rooms, o.roomSize);
    const writers = users.slice(o.sockets).map((u, i) => ({ userId: u.id, token: u.token, roomId: rooms[i % rooms.length].id, writer: true }));
    await ctx.seeder.addMembers([...plan, ...writers]);
    const clients = plan.map((c) => ({ ...c, base: server.base }));
    const parts = splitByRoom(clients, o.generators);
    parts[0].push(...writers.map((w) => ({ ...w, base: server.base })));
    const generators = ctx.startChatGenerators(parts.length);
    try {
      const idle = await settledStats(server);
      if (o.heapSnapshot) log(`heap snapshot, idle: ${(await server.heapSnapshot(joinPath(RESULTS_DIR, 'connections-idle.heapsnapshot'))).path}`);
      // Two batches, each followed by a settled reading: the second batch's growth is what 1,000
      // more sockets cost. A reading from idle mixes in one-off moves (with a 64 MB young
      // generation, V8 grows and later shrinks it by more than a batch of sockets holds: from
      // idle read -14 MB per 1,000 once), so it is kept in the details only (`fromIdleMb`).
      const halves = parts.map((part) => [part.slice(0, Math.floor(part.length / 2)), part.slice(Math.floor(part.length / 2))]);
      let connectMs = 0;
      const connectBatch = async (batch) => {
        const t0 = now();
        const phase = await ctx.measure([server], `connections-connect-${batch + 1}`, () =>
          ctx.all(generators, { cmd: 'connect', concurrency: o.connectConcurrency, join: true, append: batch > 0 }, (i) => ({ clients: halves[i][batch] })),
        );
        connectMs += now() - t0;
        // Idle means idle: give the connect phase's garbage 10 s and two full GCs to go, so the
        // reading is what the sockets hold, not what the handshakes left behind.
        await sleep(3000);
        await server.stats(true);
        await sleep(7000);
        return { phase, stats: await server.stats(true), count: phase.value.reduce((a, r) => a + r.connected, 0) };
      };
      const first = await connectBatch(0);
      const second = await connectBatch(1);
      const connectPhase = second.phase;
      const connected = [...first.phase.value, ...second.phase.value];
      const count = second.count;
      if (count < clients.length + writers.length) throw new Error(`only ${count}/${clients.length + writers.length} sockets connected: ${connected.flatMap((r) => r.errors).join('; ')}`);
      const full = second.stats;
      if (o.heapSnapshot) log(`heap snapshot, ${count} sockets: ${(await server.heapSnapshot(joinPath(RESULTS_DIR, 'connections-joined.heapsnapshot'))).path}`);
      const perThousand = (from, to, sockets) => (to - from) / 1048576 / (sockets / 1000);
      // RSS less the young generation's committed pages: its size follows the allocation rate of
      // the last seconds, not what the sockets hold (one run read 337 MB idle, 231 MB after the
      // first batch and 371 MB after the second, while the heap grew steadily).
      const heldRss = (stats) => stats.mem.rss - stats.youngMb * 1048576;
      const perThousandMb = perThousand(heldRss(first.stats), heldRss(full), count - first.count);
      const rawPerThousandMb = perThousand(first.stats.mem.rss, full.mem.rss, count - first.count);
      const fromIdleMb = perThousand(idle.mem.rss, full.mem.rss, count);
      const heapPerThousandMb = perThousand(first.stats.mem.heapUsed, full.mem.heapUsed, count - first.count);
      const handshake = summary(merge(connected.map((r) => r.handshake)));
      const join = summary(merge(connected.map((r) => r.join)));

      await ctx.all([generators[0]], { cmd: 'writers-start', ratePerSec: o.stormRate });
      await sleep(2000);
      const stormPhase = await ctx.measure([server], 'connections-storm', () => ctx.all(generators, { cmd: 'storm', startAt: now() + 300 }));
      const storm = stormPhase.value;
      await sleep(2000);
      const written = await generators[0].call({ cmd: 'writers-stop', drainMs: 3000 });
      const verified = await ctx.all(generators, { cmd: 'verify', messages: written.messages });
      const missing = verified.reduce((a, r) => a + r.missing, 0);
      const expected = verified.reduce((a, r) => a + r.expected, 0);
      const allBackMs = Math.max(...storm.map((r) => r.allBackMs));
      const back = summary(merge(storm.map((r) => r.back)));
      const sat = ctx.saturation(storm);
      const connectSat = ctx.saturation(connected);
      const truncated = storm.reduce((a, r) => a + r.truncatedReplays, 0);
      const retries = storm.reduce((a, r) => a + r.connectRetries + r.joinRetries, 0);
      const rows = [
        row(`server RSS per 1,000 idle sockets (${fmt.n(first.count)} → ${fmt.n(count)} joined; young generation's pages left out)`, fmt.mb(perThousandMb), '≤ 16 MB', perThousandMb <= 16),
        row('…with them (young generation: after the first batch / after the second)', `${fmt.mb(rawPerThousandMb)} (${fmt.mb(first.stats.youngMb)} / ${fmt.mb(full.youngMb)})`),
        row('server JS heap per 1,000 idle sockets (second batch)', fmt.mb(heapPerThousandMb)),
        row('handshake p50 / p99 (connect concurrency ' + o.connectConcurrency * generators.length + ')', `${fmt.ms(handshake.p50)} / ${fmt.ms(handshake.p99)}`),
        row('join p50 / p99; all connected+joined in', `${fmt.ms(join.p50)} / ${fmt.ms(join.p99)}; ${fmt.s(connectMs)}`),
        row(`reconnect storm: all ${fmt.n(clients.length)} back (with replay)`, fmt.s(allBackMs), '≤ 10 s', allBackMs <= 10_000 && storm.every((r) => r.errorCount === 0)),
        row('storm: per-member back p50 / p99; retries', `${fmt.s(back.p50)} / ${fmt.s(back.p99)}; ${fmt.n(retries)}`),
        row(`storm: messages lost (${fmt.n(written.acked)} sent during it)`, `${fmt.n(missing)} of ${fmt.n(expected)}${truncated ? ` (${truncated} replays truncated)` : ''}`, '0', missing === 0 && written.acked === written.sent),
        row('storm CPU: server / PostgreSQL / other work on the box', `${fmt.pct(stormPhase.servers[0].cpuShare)} / ${fmt.pct(stormPhase.postgresCores)} / ${fmt.pct(stormPhase.outsideCores)} of a core`),
        row('load generator CPU (max, storm / connect)', `${fmt.pct(sat.generatorCpuMax)} / ${fmt.pct(connectSat.generatorCpuMax)}`, `< ${fmt.pct(o.saturation)}`, !sat.generatorSaturated),
      ];
      return {
        rows,
        valid: !sat.generatorSaturated,
        noise: Math.max(stormPhase.outsideCores, connectPhase.outsideCores),
        details: {
          sockets: count,
          idleRssMb: idle.mem.rss / 1048576,
          fullRssMb: full.mem.rss / 1048576,
          // Where RSS beyond the live heap goes: heap pages V8 kept, buffers outside the heap.
          memoryMb: Object.fromEntries(['rss', 'heapTotal', 'heapUsed', 'external', 'arrayBuffers'].map((k) => [k, [idle, first.stats, full].map((s) => s.mem[k] / 1048576)])),
          firstBatch: first.count,
          fromIdleMb,
          perThousandMb,
          rawPerThousandMb,
          youngMb: [idle, first.stats, full].map((s) => s.youngMb),
          heapPerThousandMb,
          handshake,
          join,
          connectMs,
          connectPhase: { servers: connectPhase.servers, postgresCores: connectPhase.postgresCores, outsideCores: connectPhase.outsideCores, profiles: connectPhase.profiles, ...connectSat },
          storm: {
            allBackMs,
            back,
            handshake: summary(merge(storm.map((r) => r.handshake))),
            retries,
            errors: storm.flatMap((r) => r.errors),
            truncatedReplays: truncated,
            writers: { sent: written.sent, acked: written.acked, ackErrors: written.ackErrors },
            expected,
            missing,
            servers: stormPhase.servers,
            postgresCores: stormPhase.postgresCores,
            outsideCores: stormPhase.outsideCores,
            profiles: stormPhase.profiles,
            generators: storm.map((r) => ({ cpuShare: r.cpuShare, rssMb: r.rssMb })),
            ...sat,
          },
        },
      };
    } finally {
      await ctx.closeGenerators(generators);
    }
  } finally {
    await server.stop();
  }
}
