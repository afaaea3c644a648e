import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Clock } from '../../apps/api/src/common/clock.js';
import { registerMember } from '../support/accounts.js';
import { expectApiError } from '../support/error-shape.js';
import { collectPages, createRoom, createThread, join, memberWithRole, reply, type Agent } from '../support/forum.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Agent;

beforeAll(async () => {
  t = await startTestApp();
  admin = (await memberWithRole(t, 'admin')).agent;
});
afterAll(async () => {
  await t?.close();
});

async function roomWithMembers(settings: Record<string, unknown> = {}, members = 2) {
  const room = await createRoom(admin, settings);
  const people = [];
  for (let i = 0; i < members; i += 1) {
    const member = await registerMember(t);
    await join(member.agent, room.id).expect(200);
    people.push(member);
  }
  return { room, people };
}

describe('threads and replies', () => {
  it('creates a thread with its opening post, replies, and keeps counts and activity', async () => {
    const { room, people } = await roomWithMembers();
    const [alice, bob] = people;
    const thread = await createThread(alice!.agent, room.id, { title: 'Sleeping after leaving', body: 'Does it **get** easier?' });
    expect(thread).toMatchObject({ title: 'Sleeping after leaving', postCount: 1, status: 'published' });
    expect(thread.firstPost).toMatchObject({ body: 'Does it **get** easier?', bodyHtml: expect.stringContaining('<strong>get</strong>') });
    const r = await reply(bob!.agent, thread.id, { body: 'It did for me, slowly.', replyToPostId: thread.firstPost.id });
    expect(r.status).toBe('published');
    const detail = (await alice!.agent.get(`/api/threads/${thread.id}`).expect(200)).body;
    expect(detail.postCount).toBe(2);
    expect(Date.parse(detail.lastActivityAt)).toBeGreaterThanOrEqual(Date.parse(thread.lastActivityAt));
    const page = (await bob!.agent.get(`/api/threads/${thread.id}/posts`).expect(200)).body;
    expect(page.items.map((p: { id: string }) => p.id)).toEqual([thread.firstPost.id, r.id]);
    expect(page.items[1].replyToPostId).toBe(thread.firstPost.id);
    const roomDetail = (await alice!.agent.get(`/api/rooms/${room.id}`)).body;
    expect(roomDetail.threadCount).toBe(1);
  });

  it('pages through posts oldest first while new replies arrive: no duplicates, no gaps', async () => {
    const { room, people } = await roomWithMembers();
    const thread = await createThread(people[0]!.agent, room.id);
    const expected = [thread.firstPost.id];
    for (let i = 0; i < 20; i += 1) expected.push((await reply(people[i % 2]!.agent, thread.id, { body: `reply ${i}` })).id);
    const seen = await collectPages<{ id: string }>(people[1]!.agent, `/api/threads/${thread.id}/posts?limit=6`, async () => {
      // Two people reply concurrently between every page.
      const [a, b] = await Promise.all([reply(people[0]!.agent, thread.id), reply(people[1]!.agent, thread.id)]);
      expected.push(...[a.id, b.id]);
    });
    expect(new Set(seen.map((p) => p.id)).size).toBe(seen.length);
    const ordered = (await t.query<{ id: string }>('SELECT id FROM posts WHERE thread_id = $1 ORDER BY created_at, id', [thread.id])).map((r) => r.id);
    expect(seen.map((p) => p.id)).toEqual(ordered);
    expect(new Set(ordered)).toEqual(new Set(expected));
  });

  it('pages through threads (pinned first, latest activity first) while threads are bumped and created', async () => {
    const { room, people } = await roomWithMembers();
    const originals: string[] = [];
    for (let i = 0; i < 13; i += 1) originals.push((await createThread(people[i % 2]!.agent, room.id, { title: `thread ${i}` })).id);
    await t.query('UPDATE threads SET pinned = true WHERE id = $1', [originals[3]]);
    const seen = await collectPages<{ id: string; pinned: boolean }>(people[0]!.agent, `/api/rooms/${room.id}/threads?limit=4`, async (page) => {
      // Bump the oldest thread (it would jump to the top) and start a new one.
      await reply(people[1]!.agent, originals[page]!);
      await createThread(people[0]!.agent, room.id, { title: `new during paging ${page}` });
    });
    const ids = seen.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(originals));
    expect(seen[0]!.id).toBe(originals[3]);
    expect(seen[0]!.pinned).toBe(true);
    // A fresh first page shows the newest activity on top.
    const fresh = (await people[0]!.agent.get(`/api/rooms/${room.id}/threads?limit=3`)).body.items;
    expect(fresh[0].id).toBe(originals[3]);
    expect(fresh[1].title).toMatch(/new during paging|thread/);
  });

  it('keeps edit history for moderators only', async () => {
    const { room, people } = await roomWithMembers();
    const thread = await createThread(people[0]!.agent, room.id, { body: 'first words' });
    await people[0]!.agent.patch(`/api/posts/${thread.firstPost.id}`).send({ body: 'second words' }).expect(200);
    const edited = (await people[0]!.agent.patch(`/api/posts/${thread.firstPost.id}`).send({ body: 'third words' }).expect(200)).body;
    expect(edited).toMatchObject({ body: 'third words', editedAt: expect.any(String) });
    expectApiError(await people[1]!.agent.patch(`/api/posts/${thread.firstPost.id}`).send({ body: 'not mine' }), 403);
    expectApiError(await people[0]!.agent.get(`/api/posts/${thread.firstPost.id}/revisions`), 403);
    const revisions = (await admin.get(`/api/posts/${thread.firstPost.id}/revisions`).expect(200)).body;
    expect(revisions.map((r: { body: string }) => r.body)).toEqual(['second words', 'first words']);
  });

  // Found by the soak: a reply saved just before the database stalled was answered 503, and
  // sending it again made a second copy. A resend now gets the saved post back.
  it('a reply or thread sent again (its answer lost) is saved once; other words still make new posts', async () => {
    const { room, people } = await roomWithMembers();
    const author = people[0]!.agent;
    const thread = await createThread(author, room.id, { title: 'Sent twice', body: 'The same opening words.' });
    const again = await createThread(author, room.id, { title: 'Sent twice', body: 'The same opening words.' });
    expect(again.id).toBe(thread.id);
    const first = await reply(author, thread.id, { body: 'Thank you, this helped.' });
    // Two resends racing each other still leave one copy (the thread row lock orders them).
    const [second, third] = await Promise.all([reply(author, thread.id, { body: 'Thank you, this helped.' }), reply(author, thread.id, { body: 'Thank you, this helped.' })]);
    expect([second.id, third.id]).toEqual([first.id, first.id]);
    // Someone else saying the same thing, or the author saying something else, is a new post.
    const other = await reply(people[1]!.agent, thread.id, { body: 'Thank you, this helped.' });
    const different = await reply(author, thread.id, { body: 'Thank you, this helped a lot.' });
    expect(new Set([first.id, other.id, different.id]).size).toBe(3);
    const rows = await t.query<{ n: number }>('SELECT count(*)::int AS n FROM posts WHERE thread_id = $1', [thread.id]);
    expect(rows[0]!.n).toBe(4);
    const threads = await t.query<{ n: number }>(`SELECT count(*)::int AS n FROM threads WHERE room_id = $1 AND title = 'Sent twice'`, [room.id]);
    expect(threads[0]!.n).toBe(1);
    // A resend's insert and count roll back together: the thread counts each post once.
    const [counted] = await t.query<{ post_count: number }>('SELECT post_count FROM threads WHERE id = $1', [thread.id]);
    expect(counted!.post_count).toBe(4);
  });

  // The answer to a reply is built from the row its insert returned, not read back: it must say
  // exactly what reading the post says (its excerpt, warning, mentions and rendering included).
  it('answers a new reply exactly as the post reads back', async () => {
    const { room, people } = await roomWithMembers();
    const [alice, bob] = people;
    const thread = await createThread(alice!.agent, room.id);
    const answer = await reply(bob!.agent, thread.id, {
      body: `Same here, @${alice!.handle}. It **does** ease.`,
      replyToPostId: thread.firstPost.id,
      warning: { categories: ['violence'], note: 'mentions a fight' },
    });
    expect(answer).toMatchObject({ author: { handle: bob!.handle }, replyToPostId: thread.firstPost.id, replyTo: { postId: thread.firstPost.id, state: 'shown' }, status: 'published' });
    expect(answer).toEqual((await bob!.agent.get(`/api/posts/${answer.id}`).expect(200)).body);
    // A resend is answered with the saved post as it is now, reactions included.
    await alice!.agent.put(`/api/posts/${answer.id}/reactions/hug`).expect(204);
    const again = await reply(bob!.agent, thread.id, { body: `Same here, @${alice!.handle}. It **does** ease.`, replyToPostId: thread.firstPost.id, warning: { categories: ['violence'], note: 'mentions a fight' } });
    expect(again).toEqual((await bob!.agent.get(`/api/posts/${answer.id}`).expect(200)).body);
  });

  // Slow mode and pre-moderation judge new words: a resend is answered with the saved post,
  // never refused for coming too soon, and never held a second time.
  it('answers a resend in a slow-mode room, and in a pre-moderated one, with the saved post', async () => {
    const slow = await roomWithMembers({ threadSlowModeSeconds: 600 });
    const slowThread = await createThread(admin, slow.room.id);
    const member = slow.people[0]!.agent;
    const first = await reply(member, slowThread.id, { body: 'Words sent once, answer lost.' });
    expect((await reply(member, slowThread.id, { body: 'Words sent once, answer lost.' })).id).toBe(first.id);
    expectApiError(await member.post(`/api/threads/${slowThread.id}/posts`).send({ body: 'New words, too soon.' }), 429, 'SLOW_MODE');

    const held = await roomWithMembers({ premoderateFirstPosts: 1 });
    const heldThread = await createThread(admin, held.room.id);
    const newcomer = held.people[0]!.agent;
    const waiting = await reply(newcomer, heldThread.id, { body: 'My first words here.' });
    expect(waiting.status).toBe('pending');
    expect(await reply(newcomer, heldThread.id, { body: 'My first words here.' })).toMatchObject({ id: waiting.id, status: 'pending' });
    const rows = await t.query<{ n: number }>('SELECT count(*)::int AS n FROM posts WHERE thread_id = $1', [heldThread.id]);
    expect(rows[0]!.n).toBe(2);
  });

  it('search finds a post by its words after an edit, and no longer by the words it lost', async () => {
    const { room, people } = await roomWithMembers();
    const thread = await createThread(people[0]!.agent, room.id, { body: 'a lighthousekeeper story' });
    const found = async (word: string) =>
      (await people[1]!.agent.get(`/api/search?q=${word}&room=${room.id}`).expect(200)).body.items.map((i: { post: { id: string } }) => i.post.id);
    expect(await found('lighthousekeeper')).toEqual([thread.firstPost.id]);
    await people[0]!.agent.patch(`/api/posts/${thread.firstPost.id}`).send({ body: 'a marshwiggle story' }).expect(200);
    expect(await found('marshwiggle')).toEqual([thread.firstPost.id]);
    expect(await found('lighthousekeeper')).toEqual([]);
  });

  it('soft-deletes: gone for members, counted out, kept for moderators', async () => {
    const { room, people } = await roomWithMembers();
    const thread = await createThread(people[0]!.agent, room.id);
    const r = await reply(people[1]!.agent, thread.id, { body: 'I regret sharing this' });
    await people[1]!.agent.delete(`/api/posts/${r.id}`).expect(204);
    const memberView = (await people[0]!.agent.get(`/api/threads/${thread.id}/posts`)).body.items;
    expect(memberView.map((p: { id: string }) => p.id)).toEqual([thread.firstPost.id]);
    expect((await people[0]!.agent.get(`/api/threads/${thread.id}`)).body.postCount).toBe(1);
    expectApiError(await people[0]!.agent.get(`/api/posts/${r.id}`), 404);
    const modView = (await admin.get(`/api/threads/${thread.id}/posts`)).body.items;
    expect(modView.find((p: { id: string }) => p.id === r.id)).toMatchObject({ status: 'deleted', body: 'I regret sharing this' });
    expect((await t.query('SELECT status FROM posts WHERE id = $1', [r.id]))[0]).toEqual({ status: 'deleted' });
    // Deleting the opening post withdraws the thread.
    await people[0]!.agent.delete(`/api/posts/${thread.firstPost.id}`).expect(204);
    expectApiError(await people[1]!.agent.get(`/api/threads/${thread.id}`), 404);
  });

  it('supportive reactions are idempotent, one of each kind per member, and there is no downvote', async () => {
    const { room, people } = await roomWithMembers();
    const thread = await createThread(people[0]!.agent, room.id);
    const post = thread.firstPost.id;
    await people[1]!.agent.put(`/api/posts/${post}/reactions/hug`).expect(204);
    await people[1]!.agent.put(`/api/posts/${post}/reactions/hug`).expect(204);
    await people[1]!.agent.put(`/api/posts/${post}/reactions/strength`).expect(204);
    await people[0]!.agent.put(`/api/posts/${post}/reactions/hug`).expect(204);
    let view = (await people[1]!.agent.get(`/api/posts/${post}`)).body;
    expect(view.reactions).toEqual({ strength: 1, relate: 0, 'thank-you': 0, hug: 2 });
    expect(view.myReactions.sort()).toEqual(['hug', 'strength']);
    await people[1]!.agent.delete(`/api/posts/${post}/reactions/hug`).expect(204);
    await people[1]!.agent.delete(`/api/posts/${post}/reactions/hug`).expect(204);
    view = (await people[1]!.agent.get(`/api/posts/${post}`)).body;
    expect(view.reactions.hug).toBe(1);
    expectApiError(await people[1]!.agent.put(`/api/posts/${post}/reactions/downvote`), 400);
  });
});

describe('room rules', () => {
  it('requires an explicit warning choice when the room asks for one', async () => {
    const { room, people } = await roomWithMembers({ requireContentWarning: true });
    const agent = people[0]!.agent;
    expectApiError(await agent.post(`/api/rooms/${room.id}/threads`).send({ title: 'x', body: 'y' }), 400, 'WARNING_REQUIRED');
    expectApiError(await agent.post(`/api/rooms/${room.id}/threads`).send({ title: 'x', body: 'y', warning: { categories: [] } }), 400, 'WARNING_REQUIRED');
    expectApiError(await agent.post(`/api/rooms/${room.id}/threads`).send({ title: 'x', body: 'y', warning: { categories: ['violence'], noneApply: true } }), 400);
    expectApiError(await agent.post(`/api/rooms/${room.id}/threads`).send({ title: 'x', body: 'y', warning: { categories: ['not-a-category'] } }), 400);
    await agent.post(`/api/rooms/${room.id}/threads`).send({ title: 'x', body: 'y', warning: { categories: [], noneApply: true } }).expect(201);
    const warned = (await agent.post(`/api/rooms/${room.id}/threads`).send({ title: 'x', body: 'y', warning: { categories: ['domestic-abuse'], note: 'mentions a court date' } }).expect(201)).body;
    expect(warned.warning).toEqual({ categories: ['domestic-abuse'], note: 'mentions a court date' });
    expect((await t.query<{ n: number }>('SELECT count(*)::int AS n FROM threads WHERE room_id = $1', [room.id]))[0]!.n).toBe(2);
  });

  it('requires the same explicit choice on replies in such a room, and only there', async () => {
    const { room, people } = await roomWithMembers({ requireContentWarning: true });
    const agent = people[0]!.agent;
    const thread = (await agent.post(`/api/rooms/${room.id}/threads`).send({ title: 'x', body: 'y', warning: { categories: [], noneApply: true } }).expect(201)).body;
    const replies = `/api/threads/${thread.id}/posts`;
    const refused = await agent.post(replies).send({ body: 'a reply with no choice' });
    expectApiError(refused, 400, 'WARNING_REQUIRED');
    expect(refused.body.details).toEqual([{ field: 'warning', code: 'warning.required', problem: expect.any(String) }]);
    expectApiError(await agent.post(replies).send({ body: 'a note alone', warning: { categories: [], note: 'just a note' } }), 400, 'WARNING_REQUIRED');
    await agent.post(replies).send({ body: 'none apply', warning: { categories: [], noneApply: true } }).expect(201);
    await agent.post(replies).send({ body: 'a warned reply', warning: { categories: ['violence'] } }).expect(201);
    expect((await t.query<{ n: number }>('SELECT count(*)::int AS n FROM posts WHERE thread_id = $1', [thread.id]))[0]!.n).toBe(3);

    // An edit cannot drop the choice either: an empty one is refused and nothing changes.
    const reply = (await agent.post(replies).send({ body: 'to be edited', warning: { categories: ['violence'] } }).expect(201)).body;
    expectApiError(await agent.patch(`/api/posts/${reply.id}`).send({ body: 'reworded', warning: { categories: [] } }), 400, 'WARNING_REQUIRED');
    expectApiError(await agent.patch(`/api/posts/${reply.id}`).send({ body: 'reworded', warning: { categories: [], note: 'a note alone' } }), 400, 'WARNING_REQUIRED');
    expect(await t.query('SELECT body, content_warnings FROM posts WHERE id = $1', [reply.id])).toEqual([{ body: 'to be edited', content_warnings: ['violence'] }]);
    await agent.patch(`/api/posts/${reply.id}`).send({ body: 'reworded, warning kept' }).expect(200);
    await agent.patch(`/api/posts/${reply.id}`).send({ body: 'reworded, none apply', warning: { categories: [], noneApply: true } }).expect(200);

    const open = await roomWithMembers();
    const elsewhere = (await open.people[0]!.agent.post(`/api/rooms/${open.room.id}/threads`).send({ title: 'x', body: 'y' }).expect(201)).body;
    await open.people[0]!.agent.post(`/api/threads/${elsewhere.id}/posts`).send({ body: 'no choice needed here' }).expect(201);
  });

  it('holds a new member\'s first posts for review under pre-moderation ("waiting for review")', async () => {
    const { room, people } = await roomWithMembers({ premoderateFirstPosts: 2 });
    const [newcomer, other] = people;
    const held = await createThread(newcomer!.agent, room.id, { title: 'My first post' });
    expect(held.status).toBe('pending');
    expect((await newcomer!.agent.get(`/api/threads/${held.id}`).expect(200)).body.firstPost.status).toBe('pending');
    expectApiError(await other!.agent.get(`/api/threads/${held.id}`), 404);
    expect((await other!.agent.get(`/api/rooms/${room.id}/threads`)).body.items).toEqual([]);
    expect((await newcomer!.agent.get(`/api/rooms/${room.id}/threads`)).body.items.map((x: { id: string }) => x.id)).toEqual([held.id]);
    expect((await admin.get(`/api/rooms/${room.id}/threads`)).body.items.map((x: { id: string }) => x.id)).toEqual([held.id]);
    // A moderator's thread is never held; the newcomer's reply there is.
    const open = await createThread(admin, room.id);
    const heldReply = await reply(newcomer!.agent, open.id);
    expect(heldReply.status).toBe('pending');
    expect((await other!.agent.get(`/api/threads/${open.id}/posts`)).body.items).toHaveLength(1);
    expect((await other!.agent.get(`/api/threads/${open.id}`)).body.postCount).toBe(1);
    // Once posts are approved (moderation issue), later ones publish directly.
    await t.query(`UPDATE posts SET status = 'published' WHERE author_id = $1`, [newcomer!.user.id]);
    expect((await reply(newcomer!.agent, open.id)).status).toBe('published');
  });

  it('enforces slow mode between posts (moderators exempt)', async () => {
    const { room, people } = await roomWithMembers({ threadSlowModeSeconds: 30 });
    const thread = await createThread(people[0]!.agent, room.id);
    const slow = await people[0]!.agent.post(`/api/threads/${thread.id}/posts`).send({ body: 'too soon' });
    expectApiError(slow, 429, 'SLOW_MODE');
    expect(Number(slow.headers['retry-after'])).toBeGreaterThan(0);
    await reply(admin, thread.id);
    await reply(admin, thread.id);
    t.get(Clock).advance(31_000);
    try {
      await reply(people[0]!.agent, thread.id, { body: 'now it is fine' });
    } finally {
      t.get(Clock).advance(-31_000);
    }
  });

  // A reply's lock, draft removal, insert and count go to the database together (PostWriterService
  // `replyInOneGo`): a refusal read from the lock's answer must roll the others back with it.
  it('a reply refused for its thread leaves nothing behind: no post, the same count and activity, the draft kept', async () => {
    const { room, people } = await roomWithMembers();
    const thread = await createThread(people[0]!.agent, room.id);
    const writer = people[1]!;
    await writer.agent.put(`/api/me/drafts/reply/${thread.id}`).send({ body: 'Words I am still shaping' }).expect(200);
    const state = () =>
      t.query(
        `SELECT t.post_count, t.last_activity_at, (SELECT count(*)::int FROM posts p WHERE p.thread_id = t.id) AS posts,
                (SELECT count(*)::int FROM drafts d WHERE d.user_id = $2 AND d.target_id = t.id) AS drafts,
                (SELECT count(*)::int FROM thread_follows f WHERE f.user_id = $2 AND f.thread_id = t.id) AS follows
           FROM threads t WHERE t.id = $1`,
        [thread.id, writer.user.id],
      );
    const before = await state();
    expect(before[0]).toMatchObject({ posts: 1, drafts: 1, follows: 0 });
    await t.query('UPDATE threads SET locked = true WHERE id = $1', [thread.id]);
    expectApiError(await writer.agent.post(`/api/threads/${thread.id}/posts`).send({ body: 'Sent to a locked thread' }), 403, 'THREAD_LOCKED');
    await t.query(`UPDATE threads SET locked = false, status = 'hidden' WHERE id = $1`, [thread.id]);
    expectApiError(await writer.agent.post(`/api/threads/${thread.id}/posts`).send({ body: 'Sent to a hidden thread' }), 404);
    expect(await state()).toEqual(before);
  });

  it('refuses replies to a locked thread', async () => {
    const { room, people } = await roomWithMembers();
    const thread = await createThread(people[0]!.agent, room.id);
    await t.query('UPDATE threads SET locked = true WHERE id = $1', [thread.id]);
    expectApiError(await people[1]!.agent.post(`/api/threads/${thread.id}/posts`).send({ body: 'hello' }), 403, 'THREAD_LOCKED');
  });

  it('lets moderators add a warning without removing the post, logged with a reason', async () => {
    const { room, people } = await roomWithMembers();
    const thread = await createThread(people[0]!.agent, room.id, { body: 'a heavy story' });
    const url = `/api/posts/${thread.firstPost.id}/warning`;
    expectApiError(await people[1]!.agent.put(url).send({ categories: ['violence'], reason: 'Graphic detail' }), 403);
    expectApiError(await admin.put(url).send({ categories: ['violence'] }), 400);
    await admin.put(url).send({ categories: ['violence'], note: 'describes an assault', reason: 'Graphic detail' }).expect(204);
    const post = (await people[1]!.agent.get(`/api/posts/${thread.firstPost.id}`)).body;
    expect(post).toMatchObject({ body: 'a heavy story', warning: { categories: ['violence'], note: 'describes an assault' }, presentation: 'warn' });
    expect((await people[1]!.agent.get(`/api/threads/${thread.id}`)).body.warning.categories).toEqual(['violence']);
    const [entry] = await t.query<{ action: string; reason: string; subject_user_id: string }>(
      `SELECT action, reason, subject_user_id FROM moderation_log WHERE target_id = $1`,
      [thread.firstPost.id],
    );
    expect(entry).toMatchObject({ action: 'post.set-warning', reason: 'Graphic detail', subject_user_id: people[0]!.user.id });
  });

  it('members can mute a thread', async () => {
    const { room, people } = await roomWithMembers();
    const thread = await createThread(people[0]!.agent, room.id);
    await people[1]!.agent.put(`/api/threads/${thread.id}/mute`).expect(204);
    expect((await people[1]!.agent.get(`/api/threads/${thread.id}`)).body.muted).toBe(true);
    expect((await people[0]!.agent.get(`/api/threads/${thread.id}`)).body.muted).toBe(false);
    await people[1]!.agent.delete(`/api/threads/${thread.id}/mute`).expect(204);
    expect((await people[1]!.agent.get(`/api/threads/${thread.id}`)).body.muted).toBe(false);
  });
});
