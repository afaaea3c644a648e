/**
 * The socket side of a load generator, shared by chat-gen (benchmarks) and soak-gen (soak):
 * one socket.io-client per member, joins with replay, sends that carry their send time, and
 * the bookkeeping that tells a lost or duplicated message from a delivered one.
 */
import { randomBytes } from 'node:crypto';
import { io } from 'socket.io-client';
import { recordMs } from '../lib/hist.mjs';

export const now = () => performance.timeOrigin + performance.now();
export const sleep = (ms) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
const PAD = ' I hear you, and what you are feeling makes sense. Take the time you need; we are here with you.';

export function makeSocket(c) {
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

export function emitAck(socket, event, payload, timeoutMs = 30_000) {
  return new Promise((resolve) => {
    socket.timeout(timeoutMs).emit(event, payload, (err, ack) => resolve(err ? { ok: false, code: 'ACK_TIMEOUT' } : ack));
  });
}

export async function pooled(items, concurrency, fn) {
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

/** This process's CPU share (of one core) from now until the returned function is called. */
export function cpuWindow() {
  const cpu0 = process.cpuUsage();
  const t0 = now();
  return () => {
    const cpu = process.cpuUsage(cpu0);
    const wall = now() - t0;
    return { cpuShare: (cpu.user + cpu.system) / 1000 / wall, wallMs: wall };
  };
}

export function remember(c, m) {
  c.received.add(m.id);
  // The replay point is the room's; a private conversation numbers its messages on its own.
  if (m.roomId === c.roomId && m.seq > c.lastSeq) {
    c.lastSeq = m.seq;
    c.lastMessageId = m.id;
  }
}

/** Groups members by room (and private conversation); writers (senders only) are not expected to receive. */
export function roomsOf(clients) {
  const byRoom = new Map();
  const add = (key, c) => {
    if (!byRoom.has(key)) byRoom.set(key, []);
    byRoom.get(key).push(c);
  };
  for (const c of clients) {
    if (c.writer) continue;
    add(c.roomId, c);
    // A private conversation's messages go to its participants, under its id.
    if (c.conversationId) add(c.conversationId, c);
  }
  return byRoom;
}

/**
 * Counts, for messages acked here, which local room members got them (live or by replay).
 * `sent` holds send records; a record without an id was never acked.
 */
export function deliveryAccounting(sent, byRoom) {
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

/**
 * Socket operations that record into whatever `stats()` returns at the time (the caller
 * swaps in fresh stats per phase or window): deliver/ack histograms and error counters.
 */
export function chatDriver({ genId, stats }) {
  let counter = 0;
  // Client ids are unique per author on the server, for good: the benchmarks of one run share a
  // database and the same first users, and every generator process starts its counter at 0
  // again, so without this tag a member (fanout-ratio's bu0 and chat-latency's bu0 are both
  // generator 0's client 0) reused an earlier benchmark's id and was refused as a different message.
  const run = randomBytes(4).toString('hex');

  function attach(c, socket) {
    socket.on('message:new', (m) => {
      const t = now();
      const live = stats();
      if (c.received.has(m.id)) {
        live.duplicates += 1;
        return;
      }
      remember(c, m);
      live.delivered += 1;
      // Body: "b|<send time>|<tag>|…"; tag m = measured, w = warm-up.
      if (m.body.startsWith('b|')) {
        const second = m.body.indexOf('|', 2);
        if (m.body[second + 1] === 'm' && m.author.id !== c.userId) recordMs(m.roomId === c.roomId ? live.deliver : live.deliverPrivate, t - Number(m.body.slice(2, second)));
      }
    });
    socket.on('disconnect', (reason) => {
      if (reason !== 'io client disconnect' && !socket.benchDropped) stats().unexpectedDisconnects += 1;
    });
  }

  const bump = (key) => {
    const live = stats();
    live[key] = (live[key] ?? 0) + 1;
  };

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
        bump('connectRetries');
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
        bump('joinRetries');
        await sleep(250 + Math.random() * 750);
        continue;
      }
      if (joinHist) recordMs(joinHist, now() - t1);
      if (ack.truncated) bump('truncatedReplays');
      for (const m of ack.messages) remember(c, m);
      if (c.conversationId) {
        const heard = await emitAck(socket, 'conversation:join', { conversationId: c.conversationId }, 60_000);
        if (!heard.ok) throw new Error(`conversation join refused: ${heard.code} ${heard.message ?? ''}`);
        for (const m of heard.messages) if (m.kind === 'message') c.received.add(m.id);
      }
      return;
    }
  }

  /** Sends one message; the record gets its id when the ack says it was committed. */
  function send(c, tag, sent) {
    counter += 1;
    const t = now();
    const clientId = `bench-${genId}-${run}-${c.i}-${counter}`;
    // Members paired in a private conversation write there instead of to their room.
    const where = c.conversationId ?? c.roomId;
    const record = { roomId: where, sender: c, t, tag, id: undefined };
    sent.push(record);
    c.inFlight = (c.inFlight ?? 0) + 1;
    const body = `b|${t.toFixed(3)}|${tag}|${PAD}`;
    const [event, payload] = c.conversationId ? ['conversation:send', { conversationId: where, clientId, body }] : ['message:send', { roomId: where, clientId, body }];
    c.socket.timeout(30_000).emit(event, payload, (err, ack) => {
      c.inFlight -= 1;
      const live = stats();
      if (err) {
        live.ackTimeouts += 1;
        return;
      }
      if (!ack.ok) {
        live.ackErrors[ack.code] = (live.ackErrors[ack.code] ?? 0) + 1;
        // What the server said, once per kind of refusal (the counts alone do not say why).
        live.ackErrors[`${ack.code}: ${event} ${ack.message ?? ''}`.slice(0, 200)] ??= 0;
        return;
      }
      record.id = ack.message.id;
      record.ackAt = now();
      if (tag === 'm') recordMs(live.ack, record.ackAt - t);
    });
  }

  return { attach, connectOne, send };
}

/** Answers the harness's IPC commands ({cmd, id, …} → {id, result}); exits with the harness. */
export function serveCommands(commands) {
  process.on('message', (message) => {
    const handler = commands[message?.cmd];
    if (!handler) return process.send({ id: message?.id, result: { error: `unknown command ${message?.cmd}` } });
    handler(message)
      .then((result) => process.send({ id: message.id, result }))
      .catch((error) => process.send({ id: message.id, result: { error: String(error?.stack ?? error) } }));
  });
  process.on('disconnect', () => process.exit(0));
}
