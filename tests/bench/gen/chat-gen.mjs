/**
 * Chat load generator: a separate process holding many socket.io-client sockets, driven by
 * the harness over IPC. Latencies use an epoch clock with sub-millisecond resolution
 * (performance.timeOrigin + performance.now()), and the send time travels in the message
 * body, so a sender and a receiver in different generator processes still measure
 * send→deliver. Every command reports this process's CPU use, so the harness can tell when
 * the generator, not the server, was the bottleneck.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { io } from 'socket.io-client';
import { encode, newHistogram, recordMs } from '../lib/hist.mjs';

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
const GEN = process.env.BENCH_GEN_ID ?? '0';
const PAD = ' I hear you, and what you are feeling makes sense. Take the time you need; we are here with you.';

const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();

/** @type {Array<{i:number,userId:string,token:string,roomId:string,base:string,writer:boolean,sender:boolean,socket?:any,received:Set<string>,lastSeq:number,lastMessageId?:string}>} */
let clients = [];
let byRoom = new Map();
let counter = 0;
let live = freshStats();

function freshStats() {
  return { deliver: newHistogram(), ack: newHistogram(), delivered: 0, duplicates: 0, unexpectedDisconnects: 0, ackErrors: {}, ackTimeouts: 0 };
}

function makeSocket(c) {
  return io(`${c.base}/chat`, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: 60_000,
    extraHeaders: { cookie: `kindred_session=${c.token}` },
    // Only the bare baseline reads this (it has no sessions); Kindred ignores it.
    auth: { benchUser: c.userId },
  });
}

function remember(c, m) {
  c.received.add(m.id);
  if (m.seq > c.lastSeq) {
    c.lastSeq = m.seq;
    c.lastMessageId = m.id;
  }
}

function attach(c, socket) {
  socket.on('message:new', (m) => {
    const t = now();
    if (c.received.has(m.id)) {
      live.duplicates += 1;
      return;
    }
    remember(c, m);
    live.delivered += 1;
    // Body: "b|<send time>|<tag>|…"; tag m = measured, w = warm-up.
    if (m.body.startsWith('b|')) {
      const second = m.body.indexOf('|', 2);
      if (m.body[second + 1] === 'm' && m.author.id !== c.userId) recordMs(live.deliver, t - Number(m.body.slice(2, second)));
    }
  });
  socket.on('disconnect', (reason) => {
    if (reason !== 'io client disconnect' && !socket.benchDropped) live.unexpectedDisconnects += 1;
  });
}

function emitAck(socket, event, payload, timeoutMs = 30_000) {
  return new Promise((resolve) => {
    socket.timeout(timeoutMs).emit(event, payload, (err, ack) => resolve(err ? { ok: false, code: 'ACK_TIMEOUT' } : ack));
  });
}

/** Connects (and joins) one client; retries like the web app does when refused for load. */
async function connectOne(c, { join, hist, joinHist, retries = 20 }) {
  for (let attempt = 0; ; attempt += 1) {
    // A failed attempt must not move the replay point: live messages it saw before the join
    // was refused (or timed out) do not mean the replay in its lost ack arrived.
    const replayFrom = { lastSeq: c.lastSeq, lastMessageId: c.lastMessageId };
    const t0 = now();
    const socket = makeSocket(c);
    try {
      await new Promise((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('connect_error', reject);
      });
    } catch (error) {
      socket.close();
      if (attempt >= retries) throw error;
      live.connectRetries = (live.connectRetries ?? 0) + 1;
      await sleep(250 + Math.random() * 750);
      continue;
    }
    if (hist) recordMs(hist, now() - t0);
    c.socket = socket;
    attach(c, socket);
    if (!join) return;
    const t1 = now();
    const ack = await emitAck(socket, 'chat:join', { roomId: c.roomId, ...(c.lastMessageId ? { lastMessageId: c.lastMessageId } : {}) }, 60_000);
    if (!ack.ok) {
      socket.benchDropped = true;
      socket.close();
      Object.assign(c, replayFrom);
      if (attempt >= retries) throw new Error(`join refused: ${ack.code} ${ack.message ?? ''}`);
      live.joinRetries = (live.joinRetries ?? 0) + 1;
      await sleep(250 + Math.random() * 750);
      continue;
    }
    if (joinHist) recordMs(joinHist, now() - t1);
    if (ack.truncated) live.truncatedReplays = (live.truncatedReplays ?? 0) + 1;
    for (const m of ack.messages) remember(c, m);
    return;
  }
}

async function pooled(items, concurrency, fn) {
  let next = 0;
  const errors = [];
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, async () => {
      while (next < items.length) {
        const item = items[next++];
        try {
          await fn(item);
        } catch (error) {
          errors.push(String(error?.message ?? error));
        }
      }
    }),
  );
  return errors;
}

function cpuWindow() {
  const cpu0 = process.cpuUsage();
  const t0 = now();
  return () => {
    const cpu = process.cpuUsage(cpu0);
    const wall = now() - t0;
    return { cpuShare: (cpu.user + cpu.system) / 1000 / wall, wallMs: wall };
  };
}

function send(c, tag, sent) {
  counter += 1;
  const t = now();
  const clientId = `bench-${GEN}-${c.i}-${counter}`;
  const record = { roomId: c.roomId, sender: c, t, tag, id: undefined };
  sent.push(record);
  c.socket.timeout(30_000).emit('message:send', { roomId: c.roomId, clientId, body: `b|${t.toFixed(3)}|${tag}|${PAD}` }, (err, ack) => {
    if (err) {
      live.ackTimeouts += 1;
      return;
    }
    if (!ack.ok) {
      live.ackErrors[ack.code] = (live.ackErrors[ack.code] ?? 0) + 1;
      return;
    }
    record.id = ack.message.id;
    record.ackAt = now();
    if (tag === 'm') recordMs(live.ack, record.ackAt - t);
  });
}

/** Counts, for messages acked here, which local room members got them (live or by replay). */
function deliveryAccounting(sent) {
  let expected = 0;
  let received = 0;
  let crossExpected = 0;
  let crossReceived = 0;
  let selfExpected = 0;
  let selfReceived = 0;
  for (const s of sent) {
    if (!s.id) continue;
    for (const r of byRoom.get(s.roomId) ?? []) {
      const got = r.received.has(s.id);
      expected += 1;
      if (got) received += 1;
      if (r === s.sender) {
        selfExpected += 1;
        if (got) selfReceived += 1;
      } else if (r.base !== s.sender.base) {
        crossExpected += 1;
        if (got) crossReceived += 1;
      }
    }
  }
  return { expected, received, lost: expected - received, crossExpected, crossReceived, selfExpected, selfReceived };
}

function report(extra = {}) {
  return {
    ...extra,
    deliver: encode(live.deliver),
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
  async connect({ clients: list, concurrency = 50, join = true }) {
    clients = list.map((c, i) => ({ i, writer: false, sender: true, ...c, received: new Set(), lastSeq: 0 }));
    byRoom = new Map();
    for (const c of clients) {
      if (c.writer) continue;
      if (!byRoom.has(c.roomId)) byRoom.set(c.roomId, []);
      byRoom.get(c.roomId).push(c);
    }
    live = freshStats();
    const hist = newHistogram();
    const joinHist = newHistogram();
    const cpu = cpuWindow();
    const errors = await pooled(clients, concurrency, (c) => connectOne(c, { join, hist, joinHist, retries: 3 }));
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

process.on('message', (message) => {
  const handler = commands[message?.cmd];
  if (!handler) return process.send({ id: message?.id, result: { error: `unknown command ${message?.cmd}` } });
  handler(message)
    .then((result) => process.send({ id: message.id, result }))
    .catch((error) => process.send({ id: message.id, result: { error: String(error?.stack ?? error) } }));
});
process.on('disconnect', () => process.exit(0));
