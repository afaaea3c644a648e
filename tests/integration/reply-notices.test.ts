import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NotificationView } from '@kindred/contracts';
import { MentionNoticesService } from '../../apps/api/src/mentions/mention-notices.service.js';
import { ReplyNoticesService } from '../../apps/api/src/posts/reply-notices.service.js';
import { registerMember } from '../support/accounts.js';
import { createRoom, createThread, join, memberWithRole, reply, type Agent } from '../support/forum.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Issue 14: followers hear of new replies, batched per thread, never from a blocked author,
// never about words they hide, never once they left the room, never for a muted thread.

type Member = Awaited<ReturnType<typeof registerMember>>;

let t: TestApp;
let admin: Agent;

beforeAll(async () => {
  t = await startTestApp();
  admin = (await memberWithRole(t, 'admin')).agent;
});
afterAll(async () => {
  await t?.close();
});

/** Replies fan out after their commit; wait for every one in flight. */
const settled = () => t.get(ReplyNoticesService).settled();

async function replyAndSettle(agent: Agent, threadId: string, body: Record<string, unknown> = {}) {
  const post = await reply(agent, threadId, body);
  await settled();
  return post;
}

const replyNotices = async (agent: Agent) => ((await agent.get('/api/me/notifications').expect(200)).body as NotificationView[]).filter((n) => n.kind === 'reply');

async function follower(roomId: string, threadId: string): Promise<Member> {
  const member = await registerMember(t);
  await join(member.agent, roomId).expect(200);
  await member.agent.put(`/api/threads/${threadId}/follow`).expect(204);
  return member;
}

async function roomAndThread(settings: Record<string, unknown> = {}) {
  const room = await createRoom(admin, settings);
  const starter = await registerMember(t);
  const replier = await registerMember(t);
  for (const m of [starter, replier]) await join(m.agent, room.id).expect(200);
  const thread = await createThread(starter.agent, room.id, { title: 'Sleeping again' });
  return { room, starter, replier, thread };
}

describe('reply notices: who hears of a reply', () => {
  it('followers who can read the room, minus the author, a mute, a block, a hidden warning, a member who left', async () => {
    const { room, starter, replier, thread } = await roomAndThread();
    const plain = await follower(room.id, thread.id);
    const muted = await follower(room.id, thread.id);
    await muted.agent.put(`/api/threads/${thread.id}/mute`).expect(204);
    const blocker = await follower(room.id, thread.id);
    await blocker.agent.post('/api/me/blocks').send({ handle: replier.handle }).expect(201);
    const hider = await follower(room.id, thread.id);
    await hider.agent.put('/api/me/warning-preferences').send({ 'self-harm': 'hide' }).expect(200);
    const leaver = await follower(room.id, thread.id);
    await leaver.agent.post(`/api/rooms/${room.id}/leave`).expect(204);
    // Staff read every room: a global moderator who follows hears without being a member.
    const staff = await memberWithRole(t, 'moderator');
    await staff.agent.put(`/api/threads/${thread.id}/follow`).expect(204);
    await replier.agent.put(`/api/threads/${thread.id}/follow`).expect(204);

    await replyAndSettle(replier.agent, thread.id, { body: 'It got better slowly.', warning: { categories: ['self-harm'] } });

    for (const told of [starter, plain, staff]) {
      const [notice, ...more] = await replyNotices(told.agent);
      expect(more).toHaveLength(0);
      expect(notice).toMatchObject({ code: 'reply.new', params: { threadTitle: 'Sleeping again', count: 1 }, link: `/threads/${thread.id}`, read: false });
    }
    for (const untold of [replier, muted, blocker, hider, leaver]) expect(await replyNotices(untold.agent)).toEqual([]);
  });

  it('a reply without the hidden warning still reaches the member who hides it', async () => {
    const { room, replier, thread } = await roomAndThread();
    const hider = await follower(room.id, thread.id);
    await hider.agent.put('/api/me/warning-preferences').send({ 'self-harm': 'hide' }).expect(200);
    await replyAndSettle(replier.agent, thread.id);
    expect((await replyNotices(hider.agent)).map((n) => n.params)).toEqual([{ threadTitle: 'Sleeping again', count: 1 }]);
  });

  it('a thread whose warning the member hides never notifies them, whatever the reply says', async () => {
    const room = await createRoom(admin);
    const [starter, replier] = [await registerMember(t), await registerMember(t)];
    for (const m of [starter, replier]) await join(m.agent, room.id).expect(200);
    const thread = await createThread(starter.agent, room.id, { warning: { categories: ['self-harm'] } });
    await starter.agent.put('/api/me/warning-preferences').send({ 'self-harm': 'hide' }).expect(200);
    await replyAndSettle(replier.agent, thread.id, { body: 'No warning on this reply.' });
    expect(await replyNotices(starter.agent)).toEqual([]);
  });

  it('a reply that crisis detection warns about automatically never reaches a member who hides that category', async () => {
    const { room, replier, thread } = await roomAndThread();
    const hider = await follower(room.id, thread.id);
    await hider.agent.put('/api/me/warning-preferences').send({ suicide: 'hide' }).expect(200);
    const reader = await follower(room.id, thread.id);
    await replyAndSettle(replier.agent, thread.id, { body: 'I want to end my life tonight.' });
    expect(await replyNotices(hider.agent)).toEqual([]);
    expect(await replyNotices(reader.agent)).toHaveLength(1);
  });

  it('a held (pre-moderated) reply tells no one', async () => {
    const room = await createRoom(admin, { premoderateFirstPosts: 1 });
    const starter = await registerMember(t);
    await join(starter.agent, room.id).expect(200);
    // The admin starts the thread (exempt from holding), so the starter's follow is the only one.
    const thread = await createThread(admin, room.id);
    await starter.agent.put(`/api/threads/${thread.id}/follow`).expect(204);
    await admin.delete(`/api/threads/${thread.id}/follow`).expect(204);
    const newcomer = await registerMember(t);
    await join(newcomer.agent, room.id).expect(200);
    await replyAndSettle(newcomer.agent, thread.id);
    expect(await replyNotices(starter.agent)).toEqual([]);
  });
});

describe('reply notices: batching', () => {
  it('one unread notice per thread whose count grows; reading it ends the batch', async () => {
    const { starter, replier, thread } = await roomAndThread();
    await replyAndSettle(replier.agent, thread.id);
    await replyAndSettle(replier.agent, thread.id);
    const [first, ...rest] = await replyNotices(starter.agent);
    expect(rest).toHaveLength(0);
    expect(first!.params).toEqual({ threadTitle: 'Sleeping again', count: 2 });

    await starter.agent.post(`/api/me/notifications/${first!.id}/read`).expect(204);
    await replyAndSettle(replier.agent, thread.id);
    const [next, old] = await replyNotices(starter.agent);
    expect(next).toMatchObject({ read: false, params: { count: 1 } });
    expect(next!.id).not.toBe(first!.id);
    expect(old).toMatchObject({ id: first!.id, read: true, params: { count: 2 } });
  });

  it('reading the thread past the notice ends the batch: the next reply starts a new one', async () => {
    const { starter, replier, thread } = await roomAndThread();
    await replyAndSettle(replier.agent, thread.id);
    const [first] = await replyNotices(starter.agent);
    // The thread page moves the reader's marker to the last post it showed.
    await starter.agent.get(`/api/threads/${thread.id}/posts?limit=50`).expect(200);
    await replyAndSettle(replier.agent, thread.id);
    const [next, old] = await replyNotices(starter.agent);
    expect(next).toMatchObject({ read: false, params: { count: 1 } });
    expect(next!.id).not.toBe(first!.id);
    expect(old).toMatchObject({ id: first!.id, read: true });
  });

  it('concurrent replies never make two unread notices for one thread', async () => {
    const { room, starter, thread } = await roomAndThread();
    const repliers = [await registerMember(t), await registerMember(t), await registerMember(t)];
    for (const m of repliers) await join(m.agent, room.id).expect(200);
    await Promise.all(repliers.map((m) => reply(m.agent, thread.id)));
    await settled();
    const notices = await replyNotices(starter.agent);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.params).toMatchObject({ count: 3 });
  });
});

describe('reply notices: failure', () => {
  // A hidden thread's title kept reaching its followers through their notices (found in a walkthrough).
  it("a thread a moderator hides takes its reply and mention notices with it, read or not; another thread's stay", async () => {
    const { room, starter, replier, thread } = await roomAndThread();
    const other = await createThread(starter.agent, room.id, { title: 'Another evening' });
    await replyAndSettle(replier.agent, thread.id, { body: `Same for me, @${starter.handle}.` });
    await replyAndSettle(replier.agent, other.id);
    await t.get(MentionNoticesService).settled();
    const notices = async () => ((await starter.agent.get('/api/me/notifications').expect(200)).body as NotificationView[]).filter((n) => n.kind === 'reply' || n.kind === 'mention');
    const before = await notices();
    expect(before.map((n) => [n.kind, n.link?.split('#')[0]]).sort()).toEqual([['mention', `/threads/${thread.id}`], ['reply', `/threads/${other.id}`], ['reply', `/threads/${thread.id}`]].sort());
    await starter.agent.post(`/api/me/notifications/${before.find((n) => n.kind === 'mention')!.id}/read`).expect(204);

    await admin.post(`/api/moderation/thread/${thread.id}/actions`).send({ action: 'hide', reason: 'Graphic detail' }).expect(200);
    expect((await notices()).map((n) => n.link)).toEqual([`/threads/${other.id}`]);
    expect(JSON.stringify((await starter.agent.get('/api/me/notifications').expect(200)).body)).not.toContain('Sleeping again');
  });

  it('a reply is kept and answered when notifying its followers fails', async () => {
    const { starter, replier, thread } = await roomAndThread();
    // A real refusal from the database for every reply notice, for the length of this test.
    await t.query(`ALTER TABLE notifications ADD CONSTRAINT test_no_reply_notices CHECK (kind <> 'reply') NOT VALID`);
    try {
      const post = await replyAndSettle(replier.agent, thread.id, { body: 'Still here.' });
      const [kept] = (await t.query('SELECT status FROM posts WHERE id = $1', [post.id])) as { status: string }[];
      expect(kept).toEqual({ status: 'published' });
      expect(await replyNotices(starter.agent)).toEqual([]);
    } finally {
      await t.query('ALTER TABLE notifications DROP CONSTRAINT test_no_reply_notices');
    }
    // Nothing stuck: the next reply notifies as usual.
    await replyAndSettle(replier.agent, thread.id);
    expect((await replyNotices(starter.agent)).map((n) => n.params)).toEqual([{ threadTitle: 'Sleeping again', count: 1 }]);
  });
});
