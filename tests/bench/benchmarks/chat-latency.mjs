import { now, roomPlan, splitByRoom } from '../lib/context.mjs';
import { fmt, row } from '../lib/report.mjs';

/**
 * Runs the steady chat workload: `clients` members in rooms of `roomSize`, each sending one
 * message every `interval` s (random phase) for `duration` s after a warm-up, through the
 * given server(s). Members of a room alternate between `bases` (one base = one instance).
 * Returns merged figures from every generator process.
 */
export async function steadyChat(ctx, { bases, servers, label, duration, privateShare = 0 }) {
  const o = ctx.options;
  const users = await ctx.seeder.ensureUsers(o.clients);
  const rooms = await ctx.seeder.ensureRooms(Math.ceil(o.clients / o.roomSize));
  const plan = roomPlan(users, rooms, o.roomSize);
  await ctx.seeder.addMembers(plan);
  const clients = plan.map((c, i) => ({ ...c, base: bases[(i % o.roomSize) % bases.length] }));
  await pairInConversations(ctx, clients, privateShare);
  const parts = splitByRoom(clients, Math.max(1, Math.min(o.generators, rooms.length)));
  const generators = ctx.startChatGenerators(parts.length);
  try {
    const connected = await ctx.all(generators, { cmd: 'connect', concurrency: o.connectConcurrency, join: true }, (i) => ({ clients: parts[i] }));
    const connectedCount = connected.reduce((a, r) => a + r.connected, 0);
    if (connectedCount < clients.length) throw new Error(`only ${connectedCount}/${clients.length} clients connected: ${connected.flatMap((r) => r.errors).join('; ')}`);
    await Promise.all(servers.map((s) => s.stats(true)));
    const measured = await ctx.measure(servers, label, () =>
      ctx.all(generators, { cmd: 'steady', startAt: now() + 500, intervalMs: o.interval * 1000, warmupMs: o.warmup * 1000, durationMs: duration * 1000, drainMs: 3000 }),
    );
    const results = measured.value;
    const sum = (k) => results.reduce((a, r) => a + (r[k] ?? 0), 0);
    const ackErrors = {};
    for (const r of results) for (const [k, v] of Object.entries(r.ackErrors)) ackErrors[k] = (ackErrors[k] ?? 0) + v;
    return {
      clients: clients.length,
      rooms: rooms.length,
      instances: bases.length,
      handshake: ctx.mergeSummary(connected, 'handshake'),
      join: ctx.mergeSummary(connected, 'join'),
      ack: ctx.mergeSummary(results, 'ack'),
      deliver: ctx.mergeSummary(results, 'deliver'),
      deliverPrivate: ctx.mergeSummary(results, 'deliverPrivate'),
      privateSenders: clients.filter((c) => c.conversationId).length,
      sent: sum('sent'),
      measuredSent: sum('measuredSent'),
      acked: sum('acked'),
      expectedDeliveries: sum('expected'),
      delivered: sum('received'),
      lost: sum('lost'),
      duplicated: sum('duplicates'),
      crossExpected: sum('crossExpected'),
      crossReceived: sum('crossReceived'),
      ackErrors,
      ackTimeouts: sum('ackTimeouts'),
      unexpectedDisconnects: sum('unexpectedDisconnects'),
      messagesPerSecond: sum('sent') / ((o.warmup + duration) || 1),
      deliveriesPerSecond: sum('delivered') / ((o.warmup + duration) || 1),
      server: measured.servers,
      // CPU time per message sent (all deliveries included): steadier than latency on a busy box.
      serverCpuMsPerMessage: measured.servers.reduce((a, x) => a + x.cpuShare, 0) * measured.wallMs / Math.max(1, sum('sent')),
      postgresCpuMsPerMessage: (measured.postgresCores * measured.wallMs) / Math.max(1, sum('sent')),
      machineCpuBusy: measured.machineCpuBusy,
      postgresCores: measured.postgresCores,
      outsideCores: measured.outsideCores,
      profiles: measured.profiles,
      generators: results.map((r) => ({ cpuShare: r.cpuShare, loopP99Ms: r.loopP99Ms, rssMb: r.rssMb })),
      ...ctx.saturation(results),
    };
  } finally {
    await ctx.closeGenerators(generators);
  }
}

/**
 * Private messages in the mix: in each room, the first `share` of its members pair up in 1:1
 * conversations (started and accepted through the API) and send there instead of to the room.
 * They stay in their room too, so they still receive its messages.
 */
async function pairInConversations(ctx, clients, share) {
  const perRoom = 2 * Math.floor((ctx.options.roomSize * share) / 2);
  if (perRoom === 0) return;
  const pairs = [];
  const byRoom = new Map();
  for (const c of clients) byRoom.set(c.roomId, [...(byRoom.get(c.roomId) ?? []), c]);
  for (const members of byRoom.values()) {
    for (let i = 0; i + 1 < Math.min(perRoom, members.length); i += 2) pairs.push({ a: members[i], b: members[i + 1] });
  }
  const ids = await ctx.seeder.openConversations(pairs);
  pairs.forEach(({ a, b }, i) => {
    a.conversationId = ids[i];
    b.conversationId = ids[i];
  });
}

export async function run(ctx) {
  const o = ctx.options;
  const server = await ctx.startKindred({ name: 'kindred' });
  ctx.seeder.setBase(server.base);
  try {
    const r = await steadyChat(ctx, { bases: [server.base], servers: [server], label: 'chat-latency', duration: o.duration, privateShare: o.privateShare });
    const s = r.server[0];
    const rows = [
      row(`send→deliver p50 (${r.clients} clients, ${r.rooms} rooms, ${fmt.n(r.messagesPerSecond)} msg/s)`, fmt.ms(r.deliver.p50), '≤ 10 ms', r.deliver.p50 <= 10),
      row('send→deliver p99', fmt.ms(r.deliver.p99), '≤ 50 ms', r.deliver.p99 <= 50),
      row('send→deliver max', fmt.ms(r.deliver.max)),
      ...(r.privateSenders > 0
        ? [row(`private 1:1 conversations (${r.privateSenders} of ${r.clients} senders): send→deliver p50 / p99`, `${fmt.ms(r.deliverPrivate.p50)} / ${fmt.ms(r.deliverPrivate.p99)}`, '≤ 50 ms', r.deliverPrivate.p99 <= 50)]
        : []),
      row('send→ack p50 / p99 / max', `${fmt.ms(r.ack.p50)} / ${fmt.ms(r.ack.p99)} / ${fmt.ms(r.ack.max)}`),
      row('messages lost (deliveries)', `${fmt.n(r.lost)} of ${fmt.n(r.expectedDeliveries)}`, '0', r.lost === 0 && r.acked === r.sent),
      row('messages duplicated', fmt.n(r.duplicated), '0', r.duplicated === 0),
      row('server RSS / heap used', `${fmt.mb(s.rssMb)} / ${fmt.mb(s.heapUsedMb)}`),
      row('CPU: server / PostgreSQL / other work on the box', `${fmt.pct(s.cpuShare)} / ${fmt.pct(r.postgresCores)} / ${fmt.pct(r.outsideCores)} of a core`),
      row('CPU per message: server / PostgreSQL', `${r.serverCpuMsPerMessage.toFixed(2)} ms / ${r.postgresCpuMsPerMessage.toFixed(2)} ms`),
      row('load generator CPU (max)', fmt.pct(r.generatorCpuMax), `< ${fmt.pct(o.saturation)}`, !r.generatorSaturated),
    ];
    return { rows, valid: !r.generatorSaturated, noise: r.outsideCores, details: r };
  } finally {
    await server.stop();
  }
}
