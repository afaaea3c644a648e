/**
 * Chat load generator: a separate process holding many socket.io-client sockets, driven by
 * the harness over IPC. Latencies use an epoch clock with sub-millisecond resolution
 * (performance.timeOrigin + performance.now()), and the send time travels in the message
 * body, so a sender and a receiver in different generator processes still measure
 * send→deliver. Every command reports this process's CPU use, so the harness can tell when
 * the generator, not the server, was the bottleneck.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { encode, newHistogram, recordMs } from '../lib/hist.mjs';
import { chatDriver, cpuWindow, deliveryAccounting as accountFor, emitAck, now, pooled, remember, roomsOf, serveCommands, sleep } from './chat-client.mjs';

const GEN = process.env.BENCH_GEN_ID ?? '0';

const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();

/** @type {Array<{i:number,userId:string,token:string,roomId:string,base:string,writer:boolean,sender:boolean,socket?:any,received:Set<string>,lastSeq:number,lastMessageId?:string}>} */
let clients = [];
let byRoom = new Map();
let live = freshStats();
const { connectOne, send } = chatDriver({ genId: GEN, stats: () => live });

function freshStats() {
  return { deliver: newHistogram(), deliverPrivate: newHistogram(), ack: newHistogram(), delivered: 0, duplicates: 0, unexpectedDisconnects: 0, ackErrors: {}, ackTimeouts: 0 };
}

const deliveryAccounting = (sent) => accountFor(sent, byRoom);

function report(extra = {}) {
  return {
    ...extra,
    deliver: encode(live.deliver),
    deliverPrivate: encode(live.deliverPrivate),
    ack: encode(live.ack),
    delivered: live.delivered,
    duplicates: live.duplicates,
    unexpectedDisconnects: live.unexpectedDisconnects,
    ackErrors: live.ackErrors,
    ackTimeouts: live.ackTimeouts,
    connectRetries: live.connectRetries ?? 0,
    joinRetries: live.joinRetries ?? 0,
    truncatedReplays: live.truncatedReplays ?? 0,
    loopP99Ms: loop.percentile(99) / 1e6,
    rssMb: process.memoryUsage().rss / 1048576,
  };
}

let writerRun;

const commands = {
  /** {clients:[{userId,token,roomId,base,writer?,sender?}], concurrency, join} */
  /** `append`: these clients join the ones already connected (a second batch), instead of replacing them. */
  async connect({ clients: list, concurrency = 50, join = true, append = false }) {
    const fresh = list.map((c, i) => ({ i: (append ? clients.length : 0) + i, writer: false, sender: true, ...c, received: new Set(), lastSeq: 0 }));
    clients = append ? [...clients, ...fresh] : fresh;
    byRoom = roomsOf(clients);
    live = freshStats();
    const hist = newHistogram();
    const joinHist = newHistogram();
    const cpu = cpuWindow();
    const errors = await pooled(fresh, concurrency, (c) => connectOne(c, { join, hist, joinHist, retries: 3 }));
    return { connected: clients.filter((c) => c.socket?.connected).length, errors: errors.slice(0, 5), errorCount: errors.length, handshake: encode(hist), join: encode(joinHist), ...cpu(), ...report() };
  },

  /** Joins every connected client to its room (after connect with join: false). */
  async join({ concurrency = 50 }) {
    const joinHist = newHistogram();
    const cpu = cpuWindow();
    const errors = await pooled(clients, concurrency, async (c) => {
      const t1 = now();
      const ack = await emitAck(c.socket, 'chat:join', { roomId: c.roomId }, 60_000);
      if (!ack.ok) throw new Error(`join refused: ${ack.code} ${ack.message ?? ''}`);
      recordMs(joinHist, now() - t1);
      for (const m of ack.messages) remember(c, m);
    });
    return { errors: errors.slice(0, 5), errorCount: errors.length, join: encode(joinHist), ...cpu() };
  },

  /** Each sender sends one message every intervalMs (random phase), warm-up first. */
  async steady({ startAt, intervalMs, warmupMs, durationMs, drainMs }) {
    live = freshStats();
    loop.reset();
    const sent = [];
    const senders = clients.filter((c) => c.sender && !c.writer);
    const measureFrom = startAt + warmupMs;
    const endAt = measureFrom + durationMs;
    await sleep(startAt - now());
    const cpu = cpuWindow();
    let cpuResult;
    for (const c of senders) {
      const offset = Math.random() * intervalMs;
      let k = 0;
      const tick = () => {
        const due = startAt + offset + k * intervalMs;
        if (due >= endAt) return;
        send(c, now() >= measureFrom ? 'm' : 'w', sent);
        k += 1;
        setTimeout(tick, startAt + offset + k * intervalMs - now());
      };
      setTimeout(tick, startAt + offset - now());
    }
    await sleep(endAt - now());
    cpuResult = cpu();
    await sleep(drainMs);
    return { sent: sent.length, measuredSent: sent.filter((s) => s.tag === 'm').length, acked: sent.filter((s) => s.id).length, ...deliveryAccounting(sent), ...cpuResult, ...report() };
  },

  /** Open-loop sending at ratePerSec across this process's senders (fan-out steps). */
  async rate({ startAt, ratePerSec, durationMs, drainMs }) {
    live = freshStats();
    loop.reset();
    const sent = [];
    const senders = clients.filter((c) => c.sender && !c.writer && c.socket?.connected);
    await sleep(startAt - now());
    const cpu = cpuWindow();
    const total = senders.length ? Math.round((ratePerSec * durationMs) / 1000) : 0;
    let k = 0;
    await new Promise((resolve) => {
      const pump = () => {
        const due = Math.min(total, Math.floor(((now() - startAt) * ratePerSec) / 1000) + 1);
        while (k < due) {
          send(senders[k % senders.length], 'm', sent);
          k += 1;
        }
        if (k < total && now() < startAt + durationMs) setTimeout(pump, 1);
        else resolve();
      };
      if (total === 0) return setTimeout(resolve, startAt + durationMs - now());
      pump();
    });
    await sleep(startAt + durationMs - now());
    const cpuResult = cpu();
    await sleep(drainMs);
    return { sent: sent.length, acked: sent.filter((s) => s.id).length, ...cpuResult, ...report() };
  },

  /** Writers (kept connected) send at ratePerSec until writers-stop. */
  async 'writers-start'({ ratePerSec }) {
    const writers = clients.filter((c) => c.writer);
    writerRun = { sent: [], stop: false };
    const run = writerRun;
    const start = now();
    let k = 0;
    const pump = () => {
      if (run.stop) return;
      const due = Math.floor(((now() - start) * ratePerSec) / 1000) + 1;
      while (k < due) {
        send(writers[k % writers.length], 'x', run.sent);
        k += 1;
      }
      setTimeout(pump, 5);
    };
    if (writers.length) pump();
    return { writers: writers.length };
  },

  async 'writers-stop'({ drainMs = 2_000 }) {
    if (!writerRun) return { messages: [] };
    writerRun.stop = true;
    await sleep(drainMs);
    const messages = writerRun.sent.filter((s) => s.id).map((s) => ({ id: s.id, roomId: s.roomId }));
    return { sent: writerRun.sent.length, acked: messages.length, messages, ackErrors: live.ackErrors, ackTimeouts: live.ackTimeouts };
  },

  /** Drops every non-writer socket at once, then all reconnect and rejoin with replay. */
  async storm({ startAt, concurrency = 1_000_000 }) {
    const members = clients.filter((c) => !c.writer);
    const hist = newHistogram();
    const back = newHistogram();
    await sleep(startAt - now());
    const cpu = cpuWindow();
    const t0 = now();
    for (const c of members) {
      c.socket.benchDropped = true;
      c.socket.io.engine.close();
    }
    let lastBack = 0;
    const errors = await pooled(members, concurrency, async (c) => {
      await connectOne(c, { join: true, hist, retries: 60 });
      const t = now() - t0;
      recordMs(back, t);
      lastBack = Math.max(lastBack, t);
    });
    return { members: members.length, allBackMs: lastBack, back: encode(back), handshake: encode(hist), errors: errors.slice(0, 5), errorCount: errors.length, ...cpu(), ...report() };
  },

  /** After a storm: does every member hold every writer message of its room? */
  async verify({ messages }) {
    let expected = 0;
    let missing = 0;
    for (const m of messages) {
      for (const r of byRoom.get(m.roomId) ?? []) {
        expected += 1;
        if (!r.received.has(m.id)) missing += 1;
      }
    }
    return { expected, missing };
  },

  async close() {
    for (const c of clients) c.socket?.close();
    setTimeout(() => process.exit(0), 200);
    return {};
  },
};

serveCommands(commands);
