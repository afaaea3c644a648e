import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { REACTION_KINDS } from '@kindred/contracts';
import pg from 'pg';
import { ReplyNoticesService } from '../../apps/api/src/posts/reply-notices.service.js';
import { createRoom, createThread, join, reply } from '../support/forum.js';
import { connectedChat, memberSession, request, startListeningApp, type ChatClient, type ListeningApp } from '../support/realtime.js';

/**
 * Round trips to PostgreSQL per request on the hot paths (docs/benchmarks.md: the thread page
 * and create-post are bound by the API's per-query work, chat sends by the database). Every
 * statement the app sends goes through `pg.Client#query` (TypeORM's driver and the prepared
 * statements alike), so counting its calls while one request runs counts the request's queries.
 * A budget that grows means a new round trip on a hot path: make it part of an existing query.
 */
const BUDGET = {
  // session+user, the thread with the reader's marker, the page with authors and reactions (room,
  // membership, preferences and blocks come from caches kept by events); the marker is written
  // only when the page shows something newer (tested below)
  threadPage: 3,
  // session+user, the thread (room, membership and sanctions come from the gate's caches; asked
  // before the transaction, see pool-pressure.test.ts), then the transaction: begin, thread lock,
  // the author's draft there deleted, the insert unless it is a resend, thread count with the
  // author's follow, commit. The answer is the row the insert returned. Followers and mentioned
  // members are told after the commit, off the request's path (words that name nobody cost no reads)
  createPost: 8,
  // ...in 5 writes: the session, the thread, begin, then lock, draft, insert and count together
  // (pipelined: none needs another's answer first), then commit. Each write to PostgreSQL is
  // about 0.1 ms of the API's CPU on a small VM, more than the statement itself costs it.
  createPostWrites: 5,
  // the gate (room+membership, sanctions) and the audience (who blocked the author, who hides its
  // categories), read when not cached, then the insert; a retry is found by the insert's unique key
  chatSend: 5,
  // ...and with those cached, as for every message after a member's first: the insert alone
  chatSendCached: 1,
  // the session, the page of items, then one statement per kind of read for the whole page
  // (reveals, reports, notes, history, snapshots, the reported things, their neighbours, names):
  // never one per item
  moderationQueue: 16,
};

let t: ListeningApp;
const seen: string[] = [];
let writes = 0;
let counting = false;
const originalQuery = pg.Client.prototype.query;
type SocketWrite = (this: net.Socket, ...args: unknown[]) => void;
const socketProto = net.Socket.prototype as unknown as { _write: SocketWrite; _writev: SocketWrite };
const originalWrites = { _write: socketProto._write, _writev: socketProto._writev };
const postgresPort = Number(new URL(process.env.TEST_DATABASE_URL ?? 'postgres://localhost/test').port || 5432);

beforeAll(async () => {
  t = await startListeningApp();
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    if (counting) seen.push(statementText(args[0]));
    return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof originalQuery;
  // A corked socket hands Node its buffered chunks in one _writev: one write, one system call.
  for (const name of ['_write', '_writev'] as const) {
    socketProto[name] = function (this: net.Socket, ...args: unknown[]) {
      if (counting && this.remotePort === postgresPort) writes += 1;
      return originalWrites[name].apply(this, args);
    };
  }
});

afterAll(async () => {
  pg.Client.prototype.query = originalQuery;
  Object.assign(socketProto, originalWrites);
  await t?.close();
});

function statementText(query: unknown): string {
  const text = typeof query === 'string' ? query : ((query as { text?: string })?.text ?? '?');
  return text.replace(/\s+/g, ' ').slice(0, 100);
}

/** Fails listing every statement when there are more than `budget`. */
function expectWithin(statements: string[], budget: number): void {
  if (statements.length > budget) throw new Error(`${statements.length} statements, budget ${budget}:\n${statements.join('\n')}`);
  expect(statements.length).toBeGreaterThan(0);
}

/** The statements `work` sent, in order. */
async function statementsOf(work: () => Promise<unknown>): Promise<string[]> {
  seen.length = 0;
  writes = 0;
  counting = true;
  try {
    await work();
  } finally {
    counting = false;
  }
  return [...seen];
}

async function roomWithThread() {
  const admin = await memberSession(t, 'admin');
  await t.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [admin.user.id]);
  const room = await createRoom(admin.agent);
  const member = await memberSession(t);
  await join(member.agent, room.id).expect(200);
  const thread = await createThread(member.agent, room.id);
  for (let i = 0; i < 3; i += 1) await reply(admin.agent, thread.id);
  for (let i = 0; i < 3; i += 1) await reply(member.agent, thread.id);
  await member.agent.put(`/api/posts/${thread.firstPost.id}/reactions/${REACTION_KINDS[0]}`).expect(204);
  return { room, member, thread, admin };
}

describe('queries per request on the hot paths', () => {
  it(`thread page: at most ${BUDGET.threadPage}`, async () => {
    const { member, thread } = await roomWithThread();
    // The first request prepares statements and warms caches; the budget is for the steady state.
    await member.agent.get(`/api/threads/${thread.id}/posts?limit=50`).expect(200);
    const statements = await statementsOf(() => member.agent.get(`/api/threads/${thread.id}/posts?limit=50`).expect(200));
    expectWithin(statements, BUDGET.threadPage);
  });

  it('thread page: the read marker is written only when the page shows something new to the reader', async () => {
    const { member, admin, thread } = await roomWithThread();
    const page = () => member.agent.get(`/api/threads/${thread.id}/posts?limit=50`).expect(200);
    const markerWrites = (statements: string[]) => statements.filter((s) => s.startsWith('INSERT INTO thread_read_markers')).length;
    expect(markerWrites(await statementsOf(page))).toBe(1);
    expect(markerWrites(await statementsOf(page))).toBe(0);
    await reply(admin.agent, thread.id);
    expect(markerWrites(await statementsOf(page))).toBe(1);
    const [marker] = (await t.query(`SELECT read_post_id FROM thread_read_markers WHERE user_id = $1 AND thread_id = $2`, [member.user.id, thread.id])) as { read_post_id: string }[];
    const last = (await page()).body.items.at(-1) as { id: string };
    expect(marker?.read_post_id).toBe(last.id);
  });

  it(`create-post: at most ${BUDGET.createPost} statements in ${BUDGET.createPostWrites} writes`, async () => {
    const { member, thread, admin } = await roomWithThread();
    const notices = t.get(ReplyNoticesService);
    await reply(member.agent, thread.id);
    await notices.settled();
    // The followers' notices start after the commit and run beside the request; held back here
    // until the request's own statements are counted, then let run (they must still arrive).
    const held: (() => void)[] = [];
    const announce = notices.announce.bind(notices);
    notices.announce = (...args) => void held.push(() => announce(...args));
    try {
      const statements = await statementsOf(() => reply(member.agent, thread.id));
      expectWithin(statements, BUDGET.createPost);
      if (writes > BUDGET.createPostWrites) throw new Error(`${writes} writes to PostgreSQL, budget ${BUDGET.createPostWrites}:\n${statements.join('\n')}`);
    } finally {
      notices.announce = announce;
    }
    expect(held).toHaveLength(1);
    held.forEach((run) => run());
    await notices.settled();
    const [told] = (await t.query(`SELECT params FROM notifications WHERE user_id = $1 AND kind = 'reply' AND link = $2 AND read_at IS NULL`, [admin.user.id, `/threads/${thread.id}`])) as { params: { count: number } }[];
    // The admin follows by having replied: told of the member's replies, batched into one notice.
    expect(told?.params.count).toBe(5);
  });

  it(`chat send: at most ${BUDGET.chatSend}, and ${BUDGET.chatSendCached} once the gate and audience are cached`, async () => {
    const { room, member } = await roomWithThread();
    const socket: ChatClient = await connectedChat(t.baseUrl, member.token);
    try {
      expect(await request(socket, 'chat:join', { roomId: room.id })).toMatchObject({ ok: true });
      expectWithin(await statementsOf(() => request(socket, 'message:send', { roomId: room.id, clientId: randomUUID(), body: 'first words' })), BUDGET.chatSend);
      const statements = await statementsOf(() => request(socket, 'message:send', { roomId: room.id, clientId: randomUUID(), body: 'counted' }));
      expectWithin(statements, BUDGET.chatSendCached);
    } finally {
      socket.disconnect();
    }
  });
});

describe('the moderation queue page', () => {
  it(`sends the same statements for 4 items as for 12, at most ${BUDGET.moderationQueue}`, async () => {
    const { room, member, thread, admin } = await roomWithThread();
    const reporter = await memberSession(t);
    await join(reporter.agent, room.id).expect(200);
    const socket: ChatClient = await connectedChat(t.baseUrl, member.token);
    const reportAll = async () => {
      const replyPost = await reply(member.agent, thread.id);
      const other = await createThread(member.agent, room.id);
      expect(await request(socket, 'chat:join', { roomId: room.id })).toMatchObject({ ok: true });
      const sent = await request<{ message: { id: string } }>(socket, 'message:send', { roomId: room.id, clientId: randomUUID(), body: 'reported words' });
      const targets = [
        ['post', replyPost.id],
        ['thread', other.id],
        ['message', sent.message.id],
        ['member', (await memberSession(t)).user.id],
      ];
      for (const [targetType, targetId] of targets) {
        await reporter.agent.post('/api/reports').send({ targetType, targetId, category: 'other', note: 'budget' }).expect(201);
      }
    };
    const queue = () => admin.agent.get('/api/moderation/queue').expect(200);
    try {
      await reportAll();
      await queue();
      const fewer = await statementsOf(queue);
      await reportAll();
      await reportAll();
      const page = await queue();
      const more = await statementsOf(queue);
      // Every kind of target is on the page, with its context read.
      const kinds = new Set((page.body as { target: { type: string; body: string | null } }[]).map((item) => item.target.type));
      expect([...kinds].sort()).toEqual(['member', 'message', 'post', 'thread']);
      expect(more).toHaveLength(fewer.length);
      expectWithin(more, BUDGET.moderationQueue);
    } finally {
      socket.disconnect();
    }
  });
});
