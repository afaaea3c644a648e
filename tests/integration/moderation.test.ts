import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Clock } from '../../apps/api/src/common/clock.js';
import { GOOD_PASSWORD, registerMember, signIn, signedInHandle } from '../support/accounts.js';
import { expectApiError } from '../support/error-shape.js';
import { createRoom, createThread, join, memberWithRole, reply, type Agent } from '../support/forum.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Awaited<ReturnType<typeof memberWithRole>>;
let globalMod: Awaited<ReturnType<typeof memberWithRole>>;

beforeAll(async () => {
  t = await startTestApp({ REPORT_LIMIT_PER_HOUR: '5' });
  admin = await memberWithRole(t, 'admin');
  globalMod = await memberWithRole(t, 'moderator', 'globalmod');
});
afterAll(async () => {
  await t?.close();
});

async function roomWith(settings: Record<string, unknown> = {}) {
  const room = await createRoom(admin.agent, settings);
  const moderator = await registerMember(t);
  await admin.agent.put(`/api/rooms/${room.id}/moderators`).send({ userId: moderator.user.id }).expect(204);
  const author = await registerMember(t);
  const reporter = await registerMember(t);
  const other = await registerMember(t);
  for (const m of [author, reporter, other]) await join(m.agent, room.id).expect(200);
  return { room, moderator, author, reporter, other };
}

const act = (agent: Agent, type: string, id: string, body: Record<string, unknown>) => agent.post(`/api/moderation/${type}/${id}/actions`).send(body);
const notices = async (agent: Agent) => (await agent.get('/api/me/notifications').expect(200)).body as { kind: string; body: string; logEntryId: string | null; appealable: boolean }[];

describe('reports and the queue', () => {
  it('report → merged item → claim → action → author notified → reporters told the outcome', async () => {
    const { room, moderator, author, reporter, other } = await roomWith();
    const thread = await createThread(author.agent, room.id, { body: 'you are all pathetic' });
    const first = await reporter.agent.post('/api/reports').send({ targetType: 'post', targetId: thread.firstPost.id, category: 'harassment', note: 'insulting everyone' }).expect(201);
    await other.agent.post('/api/reports').send({ targetType: 'post', targetId: thread.firstPost.id, category: 'other' }).expect(201);
    expect(first.body).toMatchObject({ status: 'open', outcome: null });

    const queue = (await moderator.agent.get('/api/moderation/queue').expect(200)).body as { id: string; reports: unknown[]; target: { body: string; threadTitle: string }; severity: number }[];
    expect(queue).toHaveLength(1);
    const item = queue[0]!;
    expect(item.reports).toHaveLength(2);
    expect(item.severity).toBe(2);
    expect(item.target).toMatchObject({ body: 'you are all pathetic', threadTitle: 'A thread' });

    expect((await moderator.agent.post(`/api/moderation/queue/${item.id}/claim`).expect(200)).body.claimedBy.id).toBe(moderator.user.id);
    expectApiError(await globalMod.agent.post(`/api/moderation/queue/${item.id}/claim`), 409);
    await moderator.agent.post(`/api/moderation/queue/${item.id}/notes`).send({ body: 'Second time this week; private note.' }).expect(200);
    await act(moderator.agent, 'post', thread.firstPost.id, { action: 'remove', reason: 'Insults break the guidelines.', queueItemId: item.id, outcomeForReporters: 'We removed the post. Thank you.' }).expect(200);

    expectApiError(await reporter.agent.get(`/api/posts/${thread.firstPost.id}`), 404);
    const authorNotices = await notices(author.agent);
    expect(authorNotices[0]).toMatchObject({ kind: 'moderation-action', appealable: true });
    expect(authorNotices[0]!.body).toMatch(/removed your post.*Insults break the guidelines.*appeal/);
    expect(authorNotices[0]!.body).not.toContain('..');
    const reporterView = (await reporter.agent.get('/api/me/reports').expect(200)).body;
    expect(reporterView[0]).toMatchObject({ status: 'resolved', outcome: 'We removed the post. Thank you.' });
    expect(JSON.stringify(reporterView)).not.toContain('private note');
    expect((await notices(other.agent))[0]).toMatchObject({ kind: 'report-outcome', body: 'We removed the post. Thank you.' });
    const memberLog = (await author.agent.get('/api/me/moderation-log').expect(200)).body;
    expect(memberLog[0]).toMatchObject({ action: 'post.remove', reason: 'Insults break the guidelines.', actor: { handle: 'a moderator' } });
    // Soft: the text is still there for review and restoring.
    await act(moderator.agent, 'post', thread.firstPost.id, { action: 'restore', reason: 'On reflection, a heated but fair post' }).expect(200);
    await reporter.agent.get(`/api/posts/${thread.firstPost.id}`).expect(200);
  });

  it('shows each reported post amid its thread: the three posts before and after, oldest first, on one page', async () => {
    const { room, moderator, author, reporter } = await roomWith();
    const threadOf = async (label: string) => {
      const thread = await createThread(author.agent, room.id, { title: `${label} thread`, body: `${label} 0` });
      const replies = [];
      for (let i = 1; i <= 8; i += 1) replies.push(await reply(author.agent, thread.id, { body: `${label} ${i}` }));
      return replies;
    };
    const [first, second] = [await threadOf('first'), await threadOf('second')];
    await reporter.agent.post('/api/reports').send({ targetType: 'post', targetId: first[4]!.id, category: 'other' }).expect(201);
    await reporter.agent.post('/api/reports').send({ targetType: 'post', targetId: second[0]!.id, category: 'other' }).expect(201);

    const queue = (await moderator.agent.get('/api/moderation/queue').expect(200)).body as { target: { body: string; threadTitle: string; context: { body: string }[] } }[];
    const byBody = new Map(queue.map((item) => [item.target.body, item.target]));
    expect(byBody.get('first 5')).toMatchObject({ threadTitle: 'first thread' });
    expect(byBody.get('first 5')!.context.map((p) => p.body)).toEqual(['first 2', 'first 3', 'first 4', 'first 6', 'first 7', 'first 8']);
    expect(byBody.get('second 1')).toMatchObject({ threadTitle: 'second thread' });
    expect(byBody.get('second 1')!.context.map((p) => p.body)).toEqual(['second 0', 'second 2', 'second 3', 'second 4']);
  });

  it('orders by severity (crisis first), then by age', async () => {
    const { room, moderator, author, reporter } = await roomWith();
    const posts = [];
    for (let i = 0; i < 3; i += 1) posts.push((await createThread(author.agent, room.id, { title: `t${i}` })).firstPost.id);
    await reporter.agent.post('/api/reports').send({ targetType: 'post', targetId: posts[0], category: 'spam' }).expect(201);
    await reporter.agent.post('/api/reports').send({ targetType: 'post', targetId: posts[1], category: 'harassment' }).expect(201);
    await reporter.agent.post('/api/reports').send({ targetType: 'post', targetId: posts[2], category: 'crisis' }).expect(201);
    const queue = (await moderator.agent.get('/api/moderation/queue')).body as { target: { id: string }; severity: number }[];
    expect(queue.map((q) => q.severity)).toEqual([3, 2, 1]);
    expect(queue.map((q) => q.target.id)).toEqual([posts[2], posts[1], posts[0]]);
  });

  it('limits how many reports one member can send per hour', async () => {
    const { room, author } = await roomWith();
    const eager = await registerMember(t);
    await join(eager.agent, room.id).expect(200);
    const thread = await createThread(author.agent, room.id);
    for (let i = 0; i < 5; i += 1) await eager.agent.post('/api/reports').send({ targetType: 'post', targetId: thread.firstPost.id, category: 'other' }).expect(201);
    expectApiError(await eager.agent.post('/api/reports').send({ targetType: 'post', targetId: thread.firstPost.id, category: 'other' }), 429, 'REPORT_LIMIT');
  });

  it('only reports what the reporter can see', async () => {
    const privateRoom = await createRoom(admin.agent, { joinPolicy: 'invite' });
    const thread = await createThread(admin.agent, privateRoom.id);
    const outsider = await registerMember(t);
    expectApiError(await outsider.agent.post('/api/reports').send({ targetType: 'post', targetId: thread.firstPost.id, category: 'spam' }), 404);
  });
});

describe('actions', () => {
  it('every action requires a reason (400 without)', async () => {
    const { room, moderator, author } = await roomWith();
    const thread = await createThread(author.agent, room.id);
    for (const action of ['hide', 'remove', 'lock', 'pin', 'set-warning']) {
      expectApiError(await act(moderator.agent, action === 'hide' || action === 'remove' || action === 'set-warning' ? 'post' : 'thread', action === 'lock' || action === 'pin' ? thread.id : thread.firstPost.id, { action }), 400);
    }
    expectApiError(await act(moderator.agent, 'member', author.user.id, { action: 'mute', roomId: room.id, durationMinutes: 5 }), 400);
    expectApiError(await act(moderator.agent, 'post', thread.firstPost.id, { action: 'remove', reason: '' }), 400);
    const [{ n }] = await t.query<{ n: number }>('SELECT count(*)::int AS n FROM moderation_log WHERE subject_user_id = $1', [author.user.id]);
    expect(n).toBe(0);
  });

  it('locks, pins with expiry, moves threads and sets warnings; all logged', async () => {
    const { room, moderator, author, other } = await roomWith();
    const thread = await createThread(author.agent, room.id);
    await createThread(author.agent, room.id, { title: 'newer' });
    await act(moderator.agent, 'thread', thread.id, { action: 'pin', reason: 'Helpful resources', durationMinutes: 60 }).expect(200);
    expect((await other.agent.get(`/api/rooms/${room.id}/threads`)).body.items[0]).toMatchObject({ id: thread.id, pinned: true });
    t.get(Clock).advance(61 * 60_000);
    try {
      expect((await other.agent.get(`/api/rooms/${room.id}/threads`)).body.items[0].pinned).toBe(false);
    } finally {
      t.get(Clock).advance(-61 * 60_000);
    }
    await act(moderator.agent, 'thread', thread.id, { action: 'lock', reason: 'Conversation has run its course' }).expect(200);
    expectApiError(await other.agent.post(`/api/threads/${thread.id}/posts`).send({ body: 'one more' }), 403, 'THREAD_LOCKED');
    await act(moderator.agent, 'thread', thread.id, { action: 'set-warning', reason: 'Mentions self-harm', warning: { categories: ['self-harm'] } }).expect(200);
    expect((await other.agent.get(`/api/threads/${thread.id}`)).body.warning.categories).toEqual(['self-harm']);
    const destination = await createRoom(admin.agent);
    expectApiError(await act(moderator.agent, 'thread', thread.id, { action: 'move', reason: 'Fits better there', toRoomId: destination.id }), 403);
    await admin.agent.put(`/api/rooms/${destination.id}/moderators`).send({ userId: moderator.user.id }).expect(204);
    await act(moderator.agent, 'thread', thread.id, { action: 'move', reason: 'Fits better there', toRoomId: destination.id }).expect(200);
    expect((await admin.agent.get(`/api/threads/${thread.id}`)).body.roomId).toBe(destination.id);
    const actions = (await t.query<{ action: string }>('SELECT action FROM moderation_log WHERE target_id = $1 ORDER BY created_at', [thread.id])).map((r) => r.action);
    expect(actions).toEqual(['thread.pin', 'thread.lock', 'thread.set-warning', 'thread.move']);
  });

  it('mutes, suspensions and bans expire at the right time (controllable clock)', async () => {
    const { room, moderator, author } = await roomWith();
    await act(moderator.agent, 'member', author.user.id, { action: 'mute', reason: 'Cooling off', roomId: room.id, durationMinutes: 30 }).expect(200);
    expectApiError(await author.agent.post(`/api/rooms/${room.id}/threads`).send({ title: 'x', body: 'y' }), 403, 'MUTED');
    t.get(Clock).advance(29 * 60_000);
    try {
      expectApiError(await author.agent.post(`/api/rooms/${room.id}/threads`).send({ title: 'x', body: 'y' }), 403, 'MUTED');
      t.get(Clock).advance(2 * 60_000);
      await author.agent.post(`/api/rooms/${room.id}/threads`).send({ title: 'x', body: 'y' }).expect(201);
    } finally {
      t.get(Clock).advance(-31 * 60_000);
    }
    // Room moderators cannot suspend site-wide; global moderators can.
    expectApiError(await act(moderator.agent, 'member', author.user.id, { action: 'suspend', reason: 'Repeated harassment', durationMinutes: 60 }), 403);
    await act(globalMod.agent, 'member', author.user.id, { action: 'suspend', reason: 'Repeated harassment', durationMinutes: 60 }).expect(200);
    const other = await createRoom(admin.agent);
    await join(author.agent, other.id).expect(200);
    expectApiError(await author.agent.post(`/api/rooms/${other.id}/threads`).send({ title: 'x', body: 'y' }), 403, 'MUTED');
    await author.agent.get(`/api/rooms/${other.id}/threads`).expect(200);
    t.get(Clock).advance(61 * 60_000);
    try {
      await author.agent.post(`/api/rooms/${other.id}/threads`).send({ title: 'x', body: 'y' }).expect(201);
    } finally {
      t.get(Clock).advance(-61 * 60_000);
    }
  });

  it('a ban is permanent, ends every session at once, refuses sign-in, and can be lifted', async () => {
    const { author } = await roomWith();
    const phone = await signIn(t, author.handle);
    const res = await act(globalMod.agent, 'member', author.user.id, { action: 'ban', reason: 'Threats against members' }).expect(200);
    expect(res.body.logEntryId).toBeDefined();
    await new Promise((r) => setTimeout(r, 100));
    expect(signedInHandle(await author.agent.get('/api/auth/me'))).toBeNull();
    expect(signedInHandle(await phone.get('/api/auth/me'))).toBeNull();
    const login = await t.http.post('/api/auth/login').send({ handle: author.handle, password: GOOD_PASSWORD });
    expectApiError(login, 403, 'ACCOUNT_SUSPENDED');
    expect(login.body.message).toMatch(/Threats against members/);
    t.get(Clock).advance(365 * 24 * 3_600_000);
    try {
      expectApiError(await t.http.post('/api/auth/login').send({ handle: author.handle, password: GOOD_PASSWORD }), 403);
    } finally {
      t.get(Clock).advance(-365 * 24 * 3_600_000);
    }
    const appeal = await t.http.post('/api/appeals/banned').send({ handle: author.handle, password: GOOD_PASSWORD, message: 'That was my ex using my phone.' }).expect(201);
    expect(appeal.body.queueItemId).toBeDefined();
    expectApiError(await t.http.post('/api/appeals/banned').send({ handle: author.handle, password: 'wrong-password-1', message: 'please' }), 401);
    const sanctions = (await admin.agent.get(`/api/moderation/members/${author.user.id}/sanctions`).expect(200)).body;
    await act(admin.agent, 'member', author.user.id, { action: 'lift', reason: 'Appeal upheld', sanctionId: sanctions[0].id, queueItemId: appeal.body.queueItemId }).expect(200);
    await t.http.post('/api/auth/login').send({ handle: author.handle, password: GOOD_PASSWORD }).expect(200);
  });

  it('members cannot reach moderator routes; room moderators cannot act in other rooms', async () => {
    const { room, moderator, author, other } = await roomWith();
    const thread = await createThread(author.agent, room.id);
    expectApiError(await other.agent.get('/api/moderation/queue'), 403);
    expectApiError(await other.agent.get('/api/moderation/log'), 403);
    expectApiError(await act(other.agent, 'post', thread.firstPost.id, { action: 'remove', reason: 'I do not like it' }), 403);
    expectApiError(await act(other.agent, 'member', author.user.id, { action: 'mute', reason: 'nope', roomId: room.id, durationMinutes: 5 }), 403);
    expectApiError(await act(other.agent, 'member', author.user.id, { action: 'ban', reason: 'nope' }), 403);
    const elsewhere = await roomWith();
    const foreign = await createThread(elsewhere.author.agent, elsewhere.room.id);
    expectApiError(await act(moderator.agent, 'post', foreign.firstPost.id, { action: 'remove', reason: 'Not my room' }), 403);
    await elsewhere.reporter.agent.post('/api/reports').send({ targetType: 'post', targetId: foreign.firstPost.id, category: 'spam' }).expect(201);
    const foreignItem = (await elsewhere.moderator.agent.get('/api/moderation/queue')).body[0];
    expect((await moderator.agent.get('/api/moderation/queue')).body.map((i: { id: string }) => i.id)).not.toContain(foreignItem.id);
    expectApiError(await moderator.agent.get(`/api/moderation/queue/${foreignItem.id}`), 404);
    expectApiError(await moderator.agent.post(`/api/moderation/queue/${foreignItem.id}/claim`), 404);
  });
});

describe('appeals', () => {
  it('must be decided by a different moderator than the one who acted', async () => {
    const { room, moderator, author } = await roomWith();
    const second = await registerMember(t);
    await admin.agent.put(`/api/rooms/${room.id}/moderators`).send({ userId: second.user.id }).expect(204);
    const thread = await createThread(author.agent, room.id);
    await act(moderator.agent, 'post', thread.firstPost.id, { action: 'hide', reason: 'Needs a look' }).expect(200);
    const notice = (await notices(author.agent)).find((n) => n.kind === 'moderation-action')!;
    const appeal = await author.agent.post('/api/appeals').send({ logEntryId: notice.logEntryId, message: 'I was sharing my own story.' }).expect(201);
    expectApiError(await author.agent.post('/api/appeals').send({ logEntryId: notice.logEntryId, message: 'again' }), 409);
    expectApiError(await registerMember(t).then((m) => m.agent.post('/api/appeals').send({ logEntryId: notice.logEntryId, message: 'not mine' })), 404);
    const itemId = appeal.body.queueItemId as string;
    expectApiError(await moderator.agent.post(`/api/moderation/queue/${itemId}/dismiss`).send({ reason: 'I stand by it' }), 403, 'SAME_MODERATOR');
    expectApiError(await act(moderator.agent, 'post', thread.firstPost.id, { action: 'restore', reason: 'Changed my mind', queueItemId: itemId }), 403, 'SAME_MODERATOR');
    await act(second.agent, 'post', thread.firstPost.id, { action: 'restore', reason: 'It is the author’s own story', queueItemId: itemId }).expect(200);
    expect((await notices(author.agent)).some((n) => n.kind === 'appeal-outcome')).toBe(true);
  });

  it('are only for sanctions: a restore is news without an appeal, and an appeal against it is refused', async () => {
    const { room, moderator, author } = await roomWith();
    const thread = await createThread(author.agent, room.id);
    await act(moderator.agent, 'post', thread.firstPost.id, { action: 'hide', reason: 'Needs a look' }).expect(200);
    const restored = (await act(moderator.agent, 'post', thread.firstPost.id, { action: 'restore', reason: 'All fine' }).expect(200)).body.logEntryId as string;
    const [restoreNotice, hideNotice] = await notices(author.agent);
    expect(restoreNotice).toMatchObject({ kind: 'moderation-update', appealable: false, logEntryId: restored });
    expect(restoreNotice!.body).not.toMatch(/appeal/);
    expect(hideNotice).toMatchObject({ kind: 'moderation-action', appealable: true });
    const mine = (await author.agent.get('/api/me/moderation-log').expect(200)).body as { action: string; appealable: boolean }[];
    expect(mine.map((e) => [e.action, e.appealable])).toEqual([
      ['post.restore', false],
      ['post.hide', true],
    ]);
    expectApiError(await author.agent.post('/api/appeals').send({ logEntryId: restored, message: 'Why?' }), 400, 'NOT_APPEALABLE');
  });
});

describe('pre-moderation', () => {
  it('holds exactly the first N posts, queues them, and tells the author the decision', async () => {
    const { room, moderator, author, other } = await roomWith({ premoderateFirstPosts: 2 });
    const held = await createThread(author.agent, room.id, { title: 'first' });
    expect(held.status).toBe('pending');
    const opener = await createThread(moderator.agent, room.id);
    const heldReply = await reply(author.agent, opener.id);
    expect(heldReply.status).toBe('pending');
    const queue = (await moderator.agent.get('/api/moderation/queue')).body as { id: string; kind: string; target: { id: string } }[];
    expect(queue.filter((q) => q.kind === 'held-post').map((q) => q.target.id).sort()).toEqual([held.id, heldReply.id].sort());
    const replyItem = queue.find((q) => q.target.id === heldReply.id)!;
    await act(moderator.agent, 'post', heldReply.id, { action: 'reject', reason: 'Please add a content warning and post again', queueItemId: replyItem.id }).expect(200);
    const threadItem = queue.find((q) => q.target.id === held.id)!;
    await act(moderator.agent, 'thread', held.id, { action: 'approve', reason: 'Welcome', queueItemId: threadItem.id }).expect(200);
    expectApiError(await act(moderator.agent, 'thread', held.id, { action: 'approve', reason: 'again' }), 409);
    await other.agent.get(`/api/threads/${held.id}`).expect(200);
    expect((await other.agent.get(`/api/threads/${opener.id}/posts`)).body.items).toHaveLength(1);
    const kinds = (await notices(author.agent)).map((n) => n.kind);
    expect(kinds).toEqual(expect.arrayContaining(['held-post-decision', 'moderation-action']));
    // One approved post so far: the next is still held; after the second approval, posts go straight out.
    expect((await reply(author.agent, opener.id)).status).toBe('pending');
    await t.query(`UPDATE posts SET status = 'published' WHERE author_id = $1 AND status = 'pending'`, [author.user.id]);
    expect((await reply(author.agent, opener.id)).status).toBe('published');
  });
});

describe('the moderation log', () => {
  it('cannot be altered, even directly in the database', async () => {
    const { room, moderator, author } = await roomWith();
    const thread = await createThread(author.agent, room.id);
    await act(moderator.agent, 'post', thread.firstPost.id, { action: 'hide', reason: 'Review' }).expect(200);
    const [entry] = await t.query<{ id: string }>('SELECT id FROM moderation_log WHERE target_id = $1', [thread.firstPost.id]);
    await expect(t.query(`UPDATE moderation_log SET reason = 'rewritten' WHERE id = $1`, [entry!.id])).rejects.toThrow(/append-only/);
    await expect(t.query('DELETE FROM moderation_log WHERE id = $1', [entry!.id])).rejects.toThrow(/append-only/);
    await expect(t.query('TRUNCATE moderation_log')).rejects.toThrow(/append-only/);
    expect((await t.query('SELECT reason FROM moderation_log WHERE id = $1', [entry!.id]))[0]).toEqual({ reason: 'Review' });
  });

  it('is filterable by room, moderator, member and action', async () => {
    const { room, moderator, author } = await roomWith();
    const thread = await createThread(author.agent, room.id);
    await act(moderator.agent, 'thread', thread.id, { action: 'lock', reason: 'Closing' }).expect(200);
    await act(moderator.agent, 'member', author.user.id, { action: 'warn', reason: 'Gentle reminder', roomId: room.id }).expect(200);
    const byAction = (await moderator.agent.get(`/api/moderation/log?action=thread.lock&room=${room.id}`).expect(200)).body.entries;
    expect(byAction.map((e: { action: string }) => e.action)).toEqual(['thread.lock']);
    const byMember = (await admin.agent.get(`/api/moderation/log?member=${author.user.id}&moderator=${moderator.user.id}`).expect(200)).body.entries;
    expect(byMember.map((e: { action: string }) => e.action).sort()).toEqual(['member.warn', 'thread.lock']);
    expectApiError(await admin.agent.get('/api/moderation/log?from=yesterday'), 400);
  });
});

describe('crisis language', () => {
  it('never blocks posting: the author privately gets resources and a crisis item goes to the top of the queue', async () => {
    const { room, moderator, author, other } = await roomWith();
    const calm = await createThread(author.agent, room.id, { title: 'Gardening helps', body: 'Planting tomatoes calmed me today.' });
    expect(calm.support).toBeUndefined();
    await other.agent.post('/api/reports').send({ targetType: 'post', targetId: calm.firstPost.id, category: 'spam' }).expect(201);
    const thread = await createThread(author.agent, room.id, { title: 'Tonight', body: 'I want to kill myself tonight, I have the pills ready.' });
    expect(thread.status).toBe('published');
    expect(thread.support?.length).toBeGreaterThan(0);
    const seenByOther = (await other.agent.get(`/api/threads/${thread.id}`)).body;
    expect(seenByOther.support).toBeUndefined();
    const queue = (await moderator.agent.get('/api/moderation/queue')).body as { kind: string; severity: number; target: { id: string } }[];
    expect(queue[0]).toMatchObject({ kind: 'crisis', severity: 3, target: { id: thread.id } });
    const [{ n }] = await t.query<{ n: number }>('SELECT count(*)::int AS n FROM member_sanctions WHERE user_id = $1', [author.user.id]);
    expect(n).toBe(0);
  });
});

describe('data rights', () => {
  it('export contains my data and nobody else’s', async () => {
    const { room, author, other } = await roomWith();
    await createThread(author.agent, room.id, { body: 'my own words' });
    await createThread(other.agent, room.id, { body: 'somebody else entirely' });
    await author.agent.put('/api/me/warning-preferences').send({ 'death-grief': 'hide' }).expect(200);
    const res = await author.agent.get('/api/me/export').expect(200);
    expect(res.headers['content-disposition']).toMatch(/attachment/);
    const text = JSON.stringify(res.body);
    expect(res.body.profile.handle).toBe(author.handle);
    expect(res.body.posts.map((p: { body: string }) => p.body)).toEqual(['my own words']);
    expect(res.body.warningPreferences).toEqual([{ category: 'death-grief', preference: 'hide' }]);
    expect(text).not.toContain('somebody else entirely');
    expect(text).not.toContain(other.handle);
    expect(text).not.toMatch(/password|token_hash|argon/i);
  });

  it('the export also holds the sanctions a member was given, labels on their words and invites they made, never who acted or an invite code', async () => {
    const { room, moderator, author } = await roomWith();
    const thread = await createThread(author.agent, room.id, { body: 'words a moderator will label' });
    await act(moderator.agent, 'member', author.user.id, { action: 'mute', reason: 'Cooling off', roomId: room.id, durationMinutes: 30 }).expect(200);
    await globalMod.agent.post('/api/moderation/crisis-labels').send({ sourceType: 'post', sourceId: thread.firstPost.id, label: 'crisis', note: 'A private moderator note.' }).expect(201);
    const mine = (await author.agent.get('/api/me/export').expect(200)).body;
    expect(mine.sanctions).toEqual([{ kind: 'mute', roomId: room.id, reason: 'Cooling off', createdAt: expect.any(String), expiresAt: expect.any(String), liftedAt: null }]);
    expect(mine.crisisLabels).toEqual([{ sourceType: 'post', label: 'crisis', status: expect.any(String), text: 'words a moderator will label', createdAt: expect.any(String) }]);
    const text = JSON.stringify(mine);
    for (const secret of [moderator.user.id, moderator.handle, globalMod.user.id, 'A private moderator note.']) expect(text).not.toContain(secret);

    const invite = (await admin.agent.post('/api/admin/site-invites').send({ maxUses: 3, expiresInHours: 24 }).expect(201)).body as { code: string };
    const made = (await admin.agent.get('/api/me/export').expect(200)).body;
    expect(made.invitesMade).toContainEqual({ createdAt: expect.any(String), expiresAt: expect.any(String), maxUses: 3, uses: 0, revokedAt: null });
    expect(invite.code.length).toBeGreaterThan(8);
    expect(JSON.stringify(made)).not.toContain(invite.code);
  });

  it('deleting an account anonymises kept content, or erases it on request', async () => {
    const { room, author, other } = await roomWith();
    const thread = await createThread(author.agent, room.id, { body: 'kept for context' });
    await author.agent.delete('/api/me').send({ password: 'wrong-password-1', eraseContent: false }).expect(400);
    await author.agent.delete('/api/me').send({ password: GOOD_PASSWORD, eraseContent: false }).expect(204);
    expect(signedInHandle(await author.agent.get('/api/auth/me'))).toBeNull();
    expectApiError(await t.http.post('/api/auth/login').send({ handle: author.handle, password: GOOD_PASSWORD }), 401);
    const post = (await other.agent.get(`/api/posts/${thread.firstPost.id}`)).body;
    expect(post).toMatchObject({ body: 'kept for context', author: { handle: 'former member' } });
    // The handle is free again and nothing identifying is left on the row.
    const [row] = await t.query<{ handle: string; email: string | null; password_hash: string }>('SELECT handle, email, password_hash FROM users WHERE id = $1', [author.user.id]);
    expect(row).toEqual({ handle: 'former member', email: null, password_hash: '' });
    await t.http.post('/api/auth/register').send({ handle: author.handle, password: GOOD_PASSWORD }).expect(201);

    const eraser = await registerMember(t);
    await join(eraser.agent, room.id).expect(200);
    const gone = await createThread(eraser.agent, room.id, { body: 'please erase me' });
    await eraser.agent.delete('/api/me').send({ password: GOOD_PASSWORD, eraseContent: true }).expect(204);
    expectApiError(await other.agent.get(`/api/threads/${gone.id}`), 404);
    expect((await t.query('SELECT body FROM posts WHERE id = $1', [gone.firstPost.id]))[0]).toEqual({ body: '' });
  });

  it('settings: presence, typing and who may mention me', async () => {
    const { room, author, other } = await roomWith();
    expect((await other.agent.get('/api/me/settings').expect(200)).body).toEqual({ showPresence: true, showTyping: true, mentionsFrom: 'rooms', whoCanMessageMe: 'rooms', readReceipts: false, language: null, country: null });
    await other.agent.patch('/api/me/settings').send({ mentionsFrom: 'nobody', showTyping: false }).expect(200);
    expectApiError(await other.agent.patch('/api/me/settings').send({ mentionsFrom: 'friends' }), 400);
    const thread = await createThread(author.agent, room.id, { body: `hello @${other.handle}` });
    expect((await t.query('SELECT mentioned_user_ids FROM posts WHERE id = $1', [thread.firstPost.id]))[0]).toEqual({ mentioned_user_ids: [] });
  });
});
