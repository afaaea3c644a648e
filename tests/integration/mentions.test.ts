import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NotificationView } from '@kindred/contracts';
import { MENTION_CANDIDATES_SQL } from '../../apps/api/src/mentions/mention-candidates.repository.js';
import { PostMentionNotices } from '../../apps/api/src/posts/post-mention-notices.js';
import { MentionNoticesService } from '../../apps/api/src/mentions/mention-notices.service.js';
import { ReplyNoticesService } from '../../apps/api/src/posts/reply-notices.service.js';
import { registerMember, uniqueHandle } from '../support/accounts.js';
import { expectApiError } from '../support/error-shape.js';
import { createRoom, createThread, join, memberWithRole, reply, type Agent } from '../support/forum.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Issue 14: @handle in a post tells the mentioned member, once, live; never across a block
// (either way), never someone who cannot read the room or would never be shown the words,
// never against their "who can mention me" setting, and the author learns nothing either way.

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

/** Notices fan out after the commit; wait for every one in flight. */
const settled = async () => {
  await t.get(ReplyNoticesService).settled();
  await t.get(MentionNoticesService).settled();
};

const noticesOf = async (agent: Agent, kind: string) => ((await agent.get('/api/me/notifications').expect(200)).body as NotificationView[]).filter((n) => n.kind === kind);
const mentions = (m: Member) => noticesOf(m.agent, 'mention');

async function memberOf(roomId: string, prefix?: string): Promise<Member> {
  const member = await registerMember(t, prefix ? uniqueHandle(prefix) : undefined);
  await join(member.agent, roomId).expect(200);
  return member;
}

async function roomWithAuthor(settings: Record<string, unknown> = {}) {
  const room = await createRoom(admin, settings);
  const author = await memberOf(room.id);
  const thread = await createThread(author.agent, room.id, { title: 'Small wins' });
  return { room, author, thread };
}

describe('mention notices on posts', () => {
  it('a reply tells each mentioned member once, with a link to the post in its thread', async () => {
    const { room, author, thread } = await roomWithAuthor();
    const [ana, ben] = [await memberOf(room.id), await memberOf(room.id)];
    const post = await reply(author.agent, thread.id, { body: `Thank you @${ana.handle} and @${ben.handle.toUpperCase()}, and again @${ana.handle}.` });
    await settled();
    for (const told of [ana, ben]) {
      const [notice, ...more] = await mentions(told);
      expect(more).toEqual([]);
      expect(notice).toMatchObject({ code: 'mention.post', params: { threadTitle: 'Small wins', authorHandle: author.handle }, link: `/threads/${thread.id}#post-${post.id}`, read: false });
    }
    // Mentioning yourself tells no one.
    await reply(author.agent, thread.id, { body: `Note to self, @${author.handle}.` });
    await settled();
    expect(await mentions(author)).toEqual([]);
  });

  it('a new thread mentions too', async () => {
    const room = await createRoom(admin);
    const [author, ana] = [await memberOf(room.id), await memberOf(room.id)];
    const thread = await createThread(author.agent, room.id, { title: 'Hello', body: `Hi @${ana.handle}, this is for you.` });
    await settled();
    expect((await mentions(ana)).map((n) => n.link)).toEqual([`/threads/${thread.id}#post-${thread.firstPost.id}`]);
  });

  it('an edit tells only the members it names anew', async () => {
    const { room, author, thread } = await roomWithAuthor();
    const [ana, ben] = [await memberOf(room.id), await memberOf(room.id)];
    const post = await reply(author.agent, thread.id, { body: `Hi @${ana.handle}.` });
    await settled();
    await author.agent.patch(`/api/posts/${post.id}`).send({ body: `Hi @${ana.handle} and @${ben.handle}.` }).expect(200);
    await author.agent.patch(`/api/posts/${post.id}`).send({ body: `Hi @${ana.handle} and @${ben.handle}, typo fixed.` }).expect(200);
    await settled();
    expect(await mentions(ana)).toHaveLength(1);
    expect(await mentions(ben)).toHaveLength(1);
  });

  it('never across a block, either way; the author gets the same answer whether a mention reached someone or not', async () => {
    const { room, author, thread } = await roomWithAuthor();
    const [blocker, blockedByAuthor, plain] = [await memberOf(room.id), await memberOf(room.id), await memberOf(room.id)];
    await blocker.agent.post('/api/me/blocks').send({ handle: author.handle }).expect(201);
    await author.agent.post('/api/me/blocks').send({ handle: blockedByAuthor.handle }).expect(201);

    const answers = [];
    for (const who of [blocker, blockedByAuthor, plain]) {
      const res = await author.agent.post(`/api/threads/${thread.id}/posts`).send({ body: `Thinking of you, @${who.handle}.` });
      answers.push({ status: res.status, keys: Object.keys(res.body as object).sort() });
    }
    await settled();
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(await mentions(blocker)).toEqual([]);
    expect(await mentions(blockedByAuthor)).toEqual([]);
    expect(await mentions(plain)).toHaveLength(1);
  });

  it('never someone who cannot read the room: a hidden room, a member who left; staff read every room', async () => {
    const hidden = await createRoom(admin, { visibility: 'hidden', joinPolicy: 'invite' });
    const outsider = await registerMember(t);
    const moderator = await memberWithRole(t, 'moderator');
    // They share no room with the writer: only their own choice lets the mention through.
    for (const m of [outsider, moderator]) await m.agent.patch('/api/me/settings').send({ mentionsFrom: 'everyone' }).expect(200);
    await createThread(admin, hidden.id, { title: 'Behind closed doors', body: `Hello @${outsider.handle} and @${moderator.handle}.` });
    await settled();
    expect(await mentions(outsider)).toEqual([]);
    expect(await mentions(moderator)).toHaveLength(1);

    // A room one joins by request: readable by its members only.
    const byRequest = await createRoom(admin, { visibility: 'listed', joinPolicy: 'request' });
    const thread = await createThread(admin, byRequest.id);
    const leaver = await registerMember(t);
    await t.query(`INSERT INTO room_memberships (room_id, user_id, role, guidelines_accepted_at) VALUES ($1, $2, 'member', now())`, [byRequest.id, leaver.user.id]);
    await leaver.agent.post(`/api/rooms/${byRequest.id}/leave`).expect(204);
    await reply(admin, thread.id, { body: `Miss you, @${leaver.handle}.` });
    await settled();
    expect(await mentions(leaver)).toEqual([]);
  });

  it('never about words the member would not be shown: a hidden warning category, a personal filter, a filtered title', async () => {
    const { room, author, thread } = await roomWithAuthor();
    const [hider, filterer, titleFilterer, reader] = [await memberOf(room.id), await memberOf(room.id), await memberOf(room.id), await memberOf(room.id)];
    await hider.agent.put('/api/me/warning-preferences').send({ 'self-harm': 'hide' }).expect(200);
    await filterer.agent.post('/api/me/filters').send({ phrase: 'bridge', mode: 'hide' }).expect(201);
    await titleFilterer.agent.post('/api/me/filters').send({ phrase: 'wins', mode: 'warn' }).expect(201);
    await reply(author.agent, thread.id, { body: `@${hider.handle} @${reader.handle} it was hard.`, warning: { categories: ['self-harm'] } });
    await reply(author.agent, thread.id, { body: `@${filterer.handle} @${titleFilterer.handle} the bridge again.` });
    await settled();
    for (const untold of [hider, filterer, titleFilterer]) expect(await mentions(untold)).toEqual([]);
    expect(await mentions(reader)).toHaveLength(1);
  });

  it('"who can mention me": nobody is never told; people in my rooms only by someone sharing a room', async () => {
    // An open listed room: anyone signed in may read it, so a non-member is in reach of the gate.
    const { room, author, thread } = await roomWithAuthor();
    const nobody = await memberOf(room.id);
    await nobody.agent.patch('/api/me/settings').send({ mentionsFrom: 'nobody' }).expect(200);
    const roomsInRoom = await memberOf(room.id);
    await roomsInRoom.agent.patch('/api/me/settings').send({ mentionsFrom: 'rooms' }).expect(200);
    const roomsElsewhere = await registerMember(t);
    await roomsElsewhere.agent.patch('/api/me/settings').send({ mentionsFrom: 'rooms' }).expect(200);
    const everyoneElsewhere = await registerMember(t);
    await everyoneElsewhere.agent.patch('/api/me/settings').send({ mentionsFrom: 'everyone' }).expect(200);
    await reply(author.agent, thread.id, { body: `@${nobody.handle} @${roomsInRoom.handle} @${roomsElsewhere.handle} @${everyoneElsewhere.handle} hello.` });
    await settled();
    expect(await mentions(nobody)).toEqual([]);
    expect(await mentions(roomsInRoom)).toHaveLength(1);
    expect(await mentions(roomsElsewhere)).toEqual([]);
    expect(await mentions(everyoneElsewhere)).toHaveLength(1);
  });

  it('never for a removed thread, even a moderator\'s reply in it', async () => {
    const { room, thread } = await roomWithAuthor();
    const ana = await memberOf(room.id);
    await admin.post(`/api/moderation/thread/${thread.id}/actions`).send({ action: 'remove', reason: 'Off topic' }).expect(200);
    await reply(admin, thread.id, { body: `@${ana.handle} a note about this thread.` });
    await settled();
    expect(await mentions(ana)).toEqual([]);
  });

  it('a post removed before its notices go out tells no one', async () => {
    const { room, author, thread } = await roomWithAuthor();
    const ana = await memberOf(room.id);
    const post = await reply(author.agent, thread.id, { body: `Quiet words, @${ana.handle}.` });
    await settled();
    expect(await mentions(ana)).toHaveLength(1);
    await admin.post(`/api/moderation/post/${post.id}/actions`).send({ action: 'remove', reason: 'Harmful' }).expect(200);
    // The removal takes the notice back; a fan-out that starts only now (a slow instance, an
    // approval racing a removal) reads the post afresh and sends none again.
    expect(await mentions(ana)).toEqual([]);
    t.get(PostMentionNotices).announce(post.id);
    await settled();
    expect(await mentions(ana)).toEqual([]);
  });
});

describe('held posts', () => {
  it('a held reply tells no one; once approved, followers get the reply notice and mentioned members the mention', async () => {
    const room = await createRoom(admin, { premoderateFirstPosts: 1 });
    const starter = await memberOf(room.id);
    const thread = await createThread(admin, room.id, { title: 'Waiting room' });
    await starter.agent.put(`/api/threads/${thread.id}/follow`).expect(204);
    await admin.delete(`/api/threads/${thread.id}/follow`).expect(204);
    const newcomer = await memberOf(room.id);
    const held = await reply(newcomer.agent, thread.id, { body: `First words here, @${starter.handle}.` });
    await settled();
    expect(await noticesOf(starter.agent, 'reply')).toEqual([]);
    expect(await mentions(starter)).toEqual([]);

    await admin.post(`/api/moderation/post/${held.id}/actions`).send({ action: 'approve', reason: 'Welcome' }).expect(200);
    await settled();
    expect((await noticesOf(starter.agent, 'reply')).map((n) => n.params)).toEqual([{ threadTitle: 'Waiting room', count: 1 }]);
    expect((await mentions(starter)).map((n) => n.link)).toEqual([`/threads/${thread.id}#post-${held.id}`]);
  });

  it('an approved held thread tells the members its opening post mentions', async () => {
    const room = await createRoom(admin, { premoderateFirstPosts: 1 });
    const [newcomer, ana] = [await memberOf(room.id), await memberOf(room.id)];
    const thread = await createThread(newcomer.agent, room.id, { body: `Hello @${ana.handle}.` });
    await settled();
    expect(await mentions(ana)).toEqual([]);
    await admin.post(`/api/moderation/thread/${thread.id}/actions`).send({ action: 'approve', reason: 'Welcome' }).expect(200);
    await settled();
    expect(await mentions(ana)).toHaveLength(1);
  });
});

describe('mention autocomplete', () => {
  const candidates = (agent: Agent, roomId: string, q: string) => agent.get(`/api/rooms/${roomId}/mention-candidates`).query({ q });

  it("offers up to 8 of the room's members by handle start, any case, minus the asker, blocks either way and those who refuse", async () => {
    const room = await createRoom(admin);
    const prefix = `zq${Date.now().toString(36).slice(-4)}`;
    const asker = await memberOf(room.id, `${prefix}_asker`);
    const members: Member[] = [];
    for (let i = 0; i < 10; i += 1) members.push(await memberOf(room.id, `${prefix}_m${i}`));
    const [blocker, blocked, nobody] = members;
    await blocker!.agent.post('/api/me/blocks').send({ handle: asker.handle }).expect(201);
    await asker.agent.post('/api/me/blocks').send({ handle: blocked!.handle }).expect(201);
    await nobody!.agent.patch('/api/me/settings').send({ mentionsFrom: 'nobody' }).expect(200);
    await registerMember(t, uniqueHandle(`${prefix}_outside`));

    const found = (await candidates(asker.agent, room.id, prefix.toUpperCase()).expect(200)).body as { handle: string }[];
    const expected = members
      .slice(3)
      .map((m) => m.handle)
      .sort();
    expect(found.map((c) => c.handle)).toEqual(expected.slice(0, 8));
    expect(found.length).toBeLessThanOrEqual(8);
    // "_" is a letter of a handle here, not a wildcard.
    expect((await candidates(asker.agent, room.id, `${prefix}_m1`).expect(200)).body).toEqual([]);
    expect((await candidates(asker.agent, room.id, `${prefix}_m3`).expect(200)).body).toEqual([{ handle: members[3]!.handle }]);
  });

  it('a private room answers as reading it would; bad input is a 400', async () => {
    const hidden = await createRoom(admin, { visibility: 'hidden', joinPolicy: 'invite' });
    const listed = await createRoom(admin, { visibility: 'listed', joinPolicy: 'invite' });
    const stranger = await registerMember(t);
    const [readHidden, askHidden] = [await stranger.agent.get(`/api/rooms/${hidden.id}/threads`), await candidates(stranger.agent, hidden.id, 'ab')];
    expect(askHidden.status).toBe(readHidden.status);
    expectApiError(askHidden, 404);
    expectApiError(await candidates(stranger.agent, listed.id, 'ab'), 404);
    const room = await createRoom(admin);
    const member = await memberOf(room.id);
    expectApiError(await candidates(member.agent, room.id, ''), 400);
    expectApiError(await candidates(member.agent, room.id, 'a%'), 400);
    expectApiError(await member.agent.get(`/api/rooms/${room.id}/mention-candidates`), 400);
  });
});

describe('mention autocomplete at scale', () => {
  it('20k members in one room: the handle prefix is read through its index, never a sequential scan of users', async () => {
    const room = await createRoom(admin);
    const asker = await memberOf(room.id);
    await t.query(
      `INSERT INTO users (handle, handle_key, password_hash) SELECT 'bulk_' || g, 'bulk_' || g, 'x' FROM generate_series(1, 20000) g`,
    );
    await t.query(
      `INSERT INTO room_memberships (room_id, user_id, guidelines_accepted_at) SELECT $1, id, now() FROM users WHERE handle_key LIKE 'bulk\\_%'`,
      [room.id],
    );
    await t.query('ANALYZE users');
    await t.query('ANALYZE room_memberships');
    const rows = await t.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${MENTION_CANDIDATES_SQL}`, [room.id, 'bulk\\_1234%', asker.user.id]);
    const text = rows.map((r) => r['QUERY PLAN']).join('\n');
    expect(text).toMatch(/IDX_users_handle_prefix/);
    expect(text).not.toMatch(/Seq Scan on users/);
    const found = (await asker.agent.get(`/api/rooms/${room.id}/mention-candidates`).query({ q: 'BULK_1234' }).expect(200)).body as { handle: string }[];
    expect(found.map((c) => c.handle)).toEqual(['bulk_1234', 'bulk_12340', 'bulk_12341', 'bulk_12342', 'bulk_12343', 'bulk_12344', 'bulk_12345', 'bulk_12346']);
  });
});
