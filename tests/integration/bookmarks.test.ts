import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BOOKMARK_NOTE_MAX_LENGTH, type BookmarkView, type Page } from '@kindred/contracts';
import { GOOD_PASSWORD, registerMember } from '../support/accounts.js';
import { expectApiError } from '../support/error-shape.js';
import { createRoom, createThread, join, memberWithRole, reply, type Agent } from '../support/forum.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Awaited<ReturnType<typeof memberWithRole>>;

beforeAll(async () => {
  t = await startTestApp();
  admin = await memberWithRole(t, 'admin');
});
afterAll(async () => {
  await t?.close();
});

const list = async (agent: Agent) => ((await agent.get('/api/me/bookmarks').expect(200)).body as Page<BookmarkView>).items;
const save = (agent: Agent, postId: string, note?: string | null) => agent.put(`/api/posts/${postId}/bookmark`).send(note === undefined ? {} : { note });

/** A room with an author's thread and reply, and a reader who belongs to it. */
async function readerWithPost(roomSettings: Record<string, unknown> = {}, words = 'A reply worth keeping close.') {
  const room = await createRoom(admin.agent, roomSettings);
  const author = await registerMember(t);
  const reader = await registerMember(t);
  const invite = roomSettings.joinPolicy === 'invite' ? (await admin.agent.post(`/api/rooms/${room.id}/invites`).send({ expiresInHours: 1, maxUses: 2 }).expect(201)).body as { code: string } : undefined;
  for (const m of [author, reader]) await join(m.agent, room.id, invite ? { inviteCode: invite.code } : {}).expect(200);
  const thread = await createThread(author.agent, room.id, { title: 'Kept thread' });
  const post = await reply(author.agent, thread.id, { body: words });
  return { room, author, reader, thread, post };
}

describe('bookmarks: private saved posts with a note', () => {
  it('saves, lists newest first with the note and where the post lives, changes the note, and removes', async () => {
    const { room, reader, thread, post } = await readerWithPost();
    await save(reader.agent, post.id, '  for hard evenings  ').expect(204);
    await save(reader.agent, thread.firstPost.id).expect(204);

    let items = await list(reader.agent);
    expect(items.map((b) => b.postId)).toEqual([thread.firstPost.id, post.id]);
    expect(items[1]).toMatchObject({ note: 'for hard evenings', saved: { post: { id: post.id, body: 'A reply worth keeping close.' }, thread: { id: thread.id, title: 'Kept thread' }, room: { id: room.id } } });
    const savedAt = items[1]!.savedAt;

    await save(reader.agent, post.id, 'a new note').expect(204);
    items = await list(reader.agent);
    expect(items.find((b) => b.postId === post.id)).toMatchObject({ note: 'a new note', savedAt });

    await reader.agent.delete(`/api/posts/${post.id}/bookmark`).expect(204);
    expect((await list(reader.agent)).map((b) => b.postId)).toEqual([thread.firstPost.id]);
    expectApiError(await reader.agent.delete(`/api/posts/${post.id}/bookmark`), 404);
  });

  it('pages with a cursor', async () => {
    const { reader, thread } = await readerWithPost();
    const posts = [];
    for (let i = 0; i < 5; i += 1) posts.push(await reply(reader.agent, thread.id, { body: `Reply ${i}` }));
    for (const p of posts) await save(reader.agent, p.id).expect(204);
    const first = (await reader.agent.get('/api/me/bookmarks?limit=2').expect(200)).body as Page<BookmarkView>;
    const second = (await reader.agent.get(`/api/me/bookmarks?limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`).expect(200)).body as Page<BookmarkView>;
    expect([...first.items, ...second.items].map((b) => b.postId)).toEqual([posts[4]!.id, posts[3]!.id, posts[2]!.id, posts[1]!.id]);
  });

  it('is nobody else\'s: another member sees none of it, and the export of the saver holds it', async () => {
    const { author, reader, post } = await readerWithPost();
    await save(reader.agent, post.id, 'mine alone').expect(204);
    expect(await list(author.agent)).toEqual([]);
    const exported = (await reader.agent.get('/api/me/export').expect(200)).body as { bookmarks: { post_id: string; note: string }[] };
    expect(exported.bookmarks).toEqual([expect.objectContaining({ post_id: post.id, note: 'mine alone' })]);
    const authorExport = JSON.stringify((await author.agent.get('/api/me/export').expect(200)).body);
    expect(authorExport).not.toContain('mine alone');
  });

  it('cannot save what the member cannot read, and refuses bad input in the error shape', async () => {
    const { post } = await readerWithPost({ visibility: 'listed', joinPolicy: 'invite' });
    const outsider = await registerMember(t);
    expectApiError(await save(outsider.agent, post.id), 404);
    expectApiError(await save(outsider.agent, '00000000-0000-4000-8000-000000000000'), 404);
    expectApiError(await save(outsider.agent, 'not-a-uuid'), 400);
    const { reader, post: readable } = await readerWithPost();
    expectApiError(await save(reader.agent, readable.id, 'x'.repeat(BOOKMARK_NOTE_MAX_LENGTH + 1)), 400);
    expectApiError(await reader.agent.put(`/api/posts/${readable.id}/bookmark`).send({ note: 42 }), 400);
    expect(await list(reader.agent)).toEqual([]);
    expectApiError(await t.agent().get('/api/me/bookmarks'), 401);
  });

  it.each([
    ['removed by a moderator', async (c: Awaited<ReturnType<typeof readerWithPost>>) => {
      await admin.agent.post(`/api/moderation/post/${c.post.id}/actions`).send({ action: 'remove', reason: 'Breaks the room guidelines.' }).expect(200);
    }],
    ['written by someone the member blocked', async (c: Awaited<ReturnType<typeof readerWithPost>>) => {
      await c.reader.agent.post('/api/me/blocks').send({ handle: c.author.handle }).expect(201);
    }],
    ['in a room the member left (invite-only)', async (c: Awaited<ReturnType<typeof readerWithPost>>) => {
      await c.reader.agent.post(`/api/rooms/${c.room.id}/leave`).expect(204);
    }],
    ['holding words the member now filters out (personal filter, hide)', async (c: Awaited<ReturnType<typeof readerWithPost>>) => {
      await c.reader.agent.post('/api/me/filters').send({ phrase: 'leak', mode: 'hide' }).expect(201);
    }],
    ['deleted by its author', async (c: Awaited<ReturnType<typeof readerWithPost>>) => {
      await c.author.agent.delete(`/api/posts/${c.post.id}`).expect(204);
    }],
  ])('a saved post later %s shows a placeholder without its words', async (_what, change) => {
    const words = `Words that must not leak ${Math.random().toString(36).slice(2)}`;
    const c = await readerWithPost({ visibility: 'listed', joinPolicy: 'invite' }, words);
    await save(c.reader.agent, c.post.id, 'kept').expect(204);
    await change(c);
    const res = await c.reader.agent.get('/api/me/bookmarks').expect(200);
    expect((res.body as Page<BookmarkView>).items).toEqual([expect.objectContaining({ postId: c.post.id, note: 'kept', saved: null })]);
    expect(JSON.stringify(res.body)).not.toContain(words);
  });

  it('a saved post in a category the member now hides shows a placeholder', async () => {
    const { author, reader, thread } = await readerWithPost();
    const post = await reply(author.agent, thread.id, { body: 'Folded words about grief.', warning: { categories: ['death-grief'] } });
    await save(reader.agent, post.id).expect(204);
    expect((await list(reader.agent))[0]!.saved).not.toBeNull();
    await reader.agent.put('/api/me/warning-preferences').send({ 'death-grief': 'hide' }).expect(200);
    const res = await reader.agent.get('/api/me/bookmarks').expect(200);
    expect((res.body as Page<BookmarkView>).items[0]!.saved).toBeNull();
    expect(JSON.stringify(res.body)).not.toContain('Folded words about grief.');
  });

  it('account deletion leaves nothing of what the member saved', async () => {
    const { reader, post } = await readerWithPost();
    await save(reader.agent, post.id, 'gone with me').expect(204);
    const [row] = (await t.query('SELECT id FROM users WHERE handle = $1', [reader.handle])) as { id: string }[];
    await reader.agent.delete('/api/me').send({ password: GOOD_PASSWORD, eraseContent: false }).expect(204);
    const left = (await t.query('SELECT count(*)::int AS n FROM bookmarks WHERE user_id = $1', [row!.id])) as { n: number }[];
    expect(left[0]!.n).toBe(0);
  });
});
