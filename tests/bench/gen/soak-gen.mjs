/**
 * Soak load generator: members who chat and browse the forum at the same time, for as long
 * as the harness lets them. Each member holds one socket in its chat room and sends a
 * message every chat interval, makes one HTTP request every HTTP interval (a weighted mix of
 * what members do: read threads, reply, react, search, check notifications…), and now and
 * then drops its socket and comes back with replay, as phones do. The harness collects
 * figures per window (`window`), so drift over time shows; `stop` ends the load and checks
 * that every acknowledged chat message reached every member of its room.
 */
import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { encode, newHistogram, recordMs } from '../lib/hist.mjs';
import { chatDriver, cpuWindow, deliveryAccounting, now, pooled, roomsOf, serveCommands, sleep } from './chat-client.mjs';

const GEN = process.env.BENCH_GEN_ID ?? '0';
const REPLY = 'Thank you for sharing this. Reading it tonight helped me feel less alone with my own.';
const SEARCH_WORDS = ['alone', 'thread', 'helps', 'writing', 'reply', 'thank'];
const REACTIONS = ['strength', 'relate', 'thank-you', 'hug'];

const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();

let clients = [];
let byRoom = new Map();
let moderators = [];
let forum;
let agent;
let running = false;
const timers = new Set();
/** Every chat send of the run, for the final delivery check. */
const sent = [];
/** Created rows by kind (HTTP 201s), for the harness's row-count check. */
const created = { reply: 0, 'new-thread': 0, report: 0 };
let win = freshWindow();
const { connectOne, send } = chatDriver({ genId: `soak-${GEN}`, stats: () => win });

function freshWindow() {
  return {
    deliver: newHistogram(),
    ack: newHistogram(),
    http: new Map(),
    httpErrors: {},
    delivered: 0,
    duplicates: 0,
    unexpectedDisconnects: 0,
    ackErrors: {},
    ackTimeouts: 0,
    chatSent: 0,
    reconnects: 0,
    reconnectErrors: 0,
    resends: 0,
    cpu: cpuWindow(),
  };
}

const pick = (list) => list[Math.floor(Math.random() * list.length)];
let written = 0;
const words = (text) => `${text} (${GEN}-${(written += 1)})`;

function later(fn, ms) {
  const timer = setTimeout(() => {
    timers.delete(timer);
    if (running) fn();
  }, Math.max(0, ms));
  timers.add(timer);
}

/** One HTTP request as a browser would send it (session cookie, same Origin). Never rejects. */
function request(c, method, path, body) {
  return new Promise((resolve) => {
    const payload = body ? JSON.stringify(body) : undefined;
    const headers = { cookie: `kindred_session=${c.token}`, origin: c.base };
    if (payload) Object.assign(headers, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
    const req = http.request(`${c.base}${path}`, { method, agent, headers, timeout: 30_000 }, (res) => {
      const chunks = [];
      res.on('data', (d) => chunks.push(d));
      res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString() }));
      res.on('error', (e) => resolve({ status: 0, error: e.code ?? e.message }));
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.on('error', (e) => resolve({ status: 0, error: e.code ?? e.message }));
    req.end(payload);
  });
}

/** Post ids seen on a thread page, so later reactions and reports aim at real posts. */
function rememberPosts(c, text) {
  const page = JSON.parse(text);
  c.postIds = page.items.filter((p) => p.kind === 'post').map((p) => p.id).slice(0, 20);
}

/** What a member does, with how often (weights) — reading dominates, as on any forum. */
const ACTIONS = [
  ['thread-page', 35, () => ['GET', `/api/threads/${pick(forum.threadIds)}/posts?limit=50`, undefined, rememberPosts]],
  ['thread-list', 18, () => ['GET', `/api/rooms/${forum.slug}/threads?limit=20`]],
  ['notifications', 10, () => ['GET', '/api/me/notifications']],
  // Every post's words differ, as people's do: the same words twice within minutes are a resend.
  ['reply', 8, () => ['POST', `/api/threads/${pick(forum.threadIds)}/posts`, { body: words(REPLY) }]],
  // Alternating put/delete keeps the reactions table from only growing.
  ['react', 8, (c) => (c.postIds?.length ? [Math.random() < 0.5 ? 'PUT' : 'DELETE', `/api/posts/${pick(c.postIds)}/reactions/${pick(REACTIONS)}`] : null)],
  ['search', 6, () => ['GET', `/api/search?q=${pick(SEARCH_WORDS)}&room=${forum.slug}`]],
  ['rooms', 5, () => ['GET', '/api/rooms']],
  ['me', 5, () => ['GET', '/api/auth/me']],
  ['new-thread', 2, (c) => ['POST', `/api/rooms/${forum.slug}/threads`, { title: `Soak thread from ${c.userId.slice(0, 8)}`, body: words(REPLY) }]],
  ['report', 1, (c) => (c.postIds?.length ? ['POST', '/api/reports', { targetType: 'post', targetId: pick(c.postIds), category: 'other', note: 'soak' }] : null)],
];
const TOTAL_WEIGHT = ACTIONS.reduce((a, [, w]) => a + w, 0);

function chooseAction() {
  let r = Math.random() * TOTAL_WEIGHT;
  for (const action of ACTIONS) {
    r -= action[1];
    if (r < 0) return action;
  }
  return ACTIONS[0];
}

function httpHistogram(kind) {
  if (!win.http.has(kind)) win.http.set(kind, newHistogram());
  return win.http.get(kind);
}

/** Requests sent and not yet answered: `stop` waits for them, so every 201 is counted. */
let httpInFlight = 0;

/** Writes a member would send again after an error (the server treats a resend as the same post). */
const RESENT_ON_FAILURE = new Set(['reply', 'new-thread']);

async function timed(c, kind, call, resend = RESENT_ON_FAILURE.has(kind)) {
  const [method, path, body, onOk] = call;
  const t0 = now();
  httpInFlight += 1;
  const res = await request(c, method, path, body).finally(() => {
    httpInFlight -= 1;
  });
  recordMs(httpHistogram(kind), now() - t0);
  if (res.status >= 200 && res.status < 300) {
    if (kind in created && res.status === 201) created[kind] += 1;
    onOk?.(c, res.text);
    return;
  }
  const key = `${kind} ${method} ${res.status || res.error}`;
  win.httpErrors[key] = (win.httpErrors[key] ?? 0) + 1;
  // The failure stays counted (the member saw it); the resend is what they do next.
  if (resend) {
    await sleep(1000);
    win.resends += 1;
    await timed(c, kind, call, false);
  }
}

async function browse(c) {
  const [kind, , build] = chooseAction();
  const call = build(c);
  if (call) return timed(c, kind, call);
  // Nothing to react to or report yet: read a thread first, as a person would.
  const [readKind, , read] = ACTIONS[0];
  return timed(c, readKind, read(c));
}

/** Drops the socket (as a phone switching networks does) and rejoins with replay. */
async function reconnect(c) {
  c.reconnecting = true;
  // Let sends in flight get their acks first: an ack lost to our own hang-up is not the server's error.
  for (let waited = 0; c.inFlight > 0 && waited < 10_000; waited += 50) await sleep(50);
  c.socket.benchDropped = true;
  c.socket.close();
  try {
    await connectOne(c, { join: true, retries: 20 });
    win.reconnects += 1;
  } catch {
    win.reconnectErrors += 1;
  } finally {
    c.reconnecting = false;
  }
}

function scheduleMember(c, { chatIntervalMs, httpIntervalMs }) {
  const chatTick = () => {
    if (!c.reconnecting && c.socket?.connected) {
      send(c, 'm', sent);
      win.chatSent += 1;
    }
    later(chatTick, chatIntervalMs);
  };
  // Think times vary (0.5–1.5 × the interval), so requests do not march in step.
  const httpTick = () => {
    void browse(c).finally(() => later(httpTick, httpIntervalMs * (0.5 + Math.random())));
  };
  later(chatTick, Math.random() * chatIntervalMs);
  later(httpTick, Math.random() * httpIntervalMs);
}

function scheduleChurn(churnPerMinute) {
  // Expected reconnects per second, carried over so fractions add up.
  const perSecond = (churnPerMinute * clients.length) / 60;
  let owed = 0;
  const tick = () => {
    owed += perSecond;
    while (owed >= 1) {
      owed -= 1;
      const c = pick(clients);
      if (!c.reconnecting) void reconnect(c);
    }
    later(tick, 1000);
  };
  if (perSecond > 0) later(tick, 1000);
}

function scheduleModerators(intervalMs) {
  for (const m of moderators) {
    const tick = () => {
      const [kind, path] = Math.random() < 0.7 ? ['mod-queue', '/api/moderation/queue'] : ['mod-log', '/api/moderation/log'];
      void timed(m, kind, ['GET', path]).finally(() => later(tick, intervalMs));
    };
    later(tick, Math.random() * intervalMs);
  }
}

function windowReport() {
  const w = win;
  win = freshWindow();
  const loopP99Ms = loop.percentile(99) / 1e6;
  loop.reset();
  return {
    deliver: encode(w.deliver),
    ack: encode(w.ack),
    http: Object.fromEntries([...w.http].map(([k, h]) => [k, encode(h)])),
    httpErrors: w.httpErrors,
    delivered: w.delivered,
    duplicates: w.duplicates,
    unexpectedDisconnects: w.unexpectedDisconnects,
    ackErrors: w.ackErrors,
    ackTimeouts: w.ackTimeouts,
    chatSent: w.chatSent,
    reconnects: w.reconnects,
    reconnectErrors: w.reconnectErrors,
    resends: w.resends,
    connectRetries: w.connectRetries ?? 0,
    joinRetries: w.joinRetries ?? 0,
    truncatedReplays: w.truncatedReplays ?? 0,
    loopP99Ms,
    rssMb: process.memoryUsage().rss / 1048576,
    ...w.cpu(),
  };
}

const commands = {
  /** {clients:[{userId,token,roomId,base}], moderators:[{token,base}], forum:{slug,threadIds}} */
  async connect({ clients: list, moderators: mods = [], forum: f, concurrency = 50, maxSockets = 64 }) {
    // Idle sockets close before the server's keep-alive timeout (Fastify: 72 s), so a request
    // never goes out on a socket the server is closing (ECONNRESET; browsers retry those).
    agent = new http.Agent({ keepAlive: true, maxSockets, timeout: 50_000 });
    forum = f;
    moderators = mods;
    clients = list.map((c, i) => ({ i, writer: false, ...c, received: new Set(), lastSeq: 0 }));
    byRoom = roomsOf(clients);
    const errors = await pooled(clients, concurrency, (c) => connectOne(c, { join: true, retries: 3 }));
    win = freshWindow();
    return { connected: clients.filter((c) => c.socket?.connected).length, errors: errors.slice(0, 5), errorCount: errors.length };
  },

  async start({ startAt, chatIntervalMs, httpIntervalMs, churnPerMinute, moderatorIntervalMs }) {
    await sleep(startAt - now());
    running = true;
    win = freshWindow();
    loop.reset();
    for (const c of clients) scheduleMember(c, { chatIntervalMs, httpIntervalMs });
    scheduleChurn(churnPerMinute);
    scheduleModerators(moderatorIntervalMs);
    return { members: clients.length, moderators: moderators.length };
  },

  async window() {
    return windowReport();
  },

  /** Ends the load, lets acks and deliveries drain, then accounts for every message. */
  async stop({ drainMs = 5_000 }) {
    running = false;
    for (const t of timers) clearTimeout(t);
    timers.clear();
    await sleep(drainMs);
    // A member still rejoining gets the rest by replay, and a request still out may still
    // write a row: wait for both (requests time out after 30 s) before accounting.
    for (let waited = 0; (httpInFlight > 0 || clients.some((c) => c.reconnecting)) && waited < 60_000; waited += 200) await sleep(200);
    return {
      last: windowReport(),
      chatSent: sent.length,
      chatAcked: sent.filter((s) => s.id).length,
      created,
      ...deliveryAccounting(sent, byRoom),
    };
  },

  async close() {
    for (const c of clients) c.socket?.close();
    agent?.destroy();
    setTimeout(() => process.exit(0), 200);
    return {};
  },
};

serveCommands(commands);
