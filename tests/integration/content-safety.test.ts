import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { registerMember } from '../support/accounts.js';
import { expectApiError } from '../support/error-shape.js';
import { createRoom, createThread, join, memberWithRole, reply, type Agent } from '../support/forum.js';
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

async function setting() {
  const room = await createRoom(admin);
  const author = await registerMember(t);
  const reader = await registerMember(t);
  await join(author.agent, room.id).expect(200);
  await join(reader.agent, room.id).expect(200);
  return { room, author, reader };
}

const search = (agent: Agent, q: string) => agent.get(`/api/search?q=${encodeURIComponent(q)}`).expect(200).then((r) => r.body.items as { post: { id: string } }[]);

describe('content-warning preferences', () => {
  it('default to warn for every category', async () => {
    const { reader } = await setting();
    const prefs = (await reader.agent.get('/api/me/warning-preferences').expect(200)).body;
    expect(Object.keys(prefs)).toHaveLength(13);
    expect(new Set(Object.values(prefs))).toEqual(new Set(['warn']));
  });

  it('`warn` returns the content flagged for collapse; `show` does not collapse it', async () => {
    const { room, author, reader } = await setting();
    const thread = await createThread(author.agent, room.id, { title: 'After the hospital', body: 'medical story', warning: { categories: ['medical-trauma'] } });
    const list = (await reader.agent.get(`/api/rooms/${room.id}/threads`)).body.items;
    expect(list[0]).toMatchObject({ id: thread.id, presentation: 'warn', warning: { categories: ['medical-trauma'] } });
    const post = (await reader.agent.get(`/api/posts/${thread.firstPost.id}`)).body;
    expect(post).toMatchObject({ presentation: 'warn', body: 'medical story' });
    await reader.agent.put('/api/me/warning-preferences').send({ 'medical-trauma': 'show' }).expect(200);
    expect((await reader.agent.get(`/api/posts/${thread.firstPost.id}`)).body.presentation).toBe('show');
    // Authors are never asked to unfold their own words.
    expect((await author.agent.get(`/api/posts/${thread.firstPost.id}`)).body.presentation).toBe('show');
    expect((await author.agent.get(`/api/rooms/${room.id}/threads`)).body.items[0].presentation).toBe('show');
    // Posts without warnings are simply shown.
    const plain = await reply(author.agent, thread.id, { body: 'no warning here' });
    expect((await reader.agent.get(`/api/posts/${plain.id}`)).body.presentation).toBe('show');
  });

  it('`hide` removes content from lists, thread pages, search and counts — server-side', async () => {
    const { room, author, reader } = await setting();
    const hiddenThread = await createThread(author.agent, room.id, { title: 'Hidden topic title', body: 'zebracrossing selfharm story', warning: { categories: ['self-harm'] } });
    const openThread = await createThread(author.agent, room.id, { title: 'Open topic', body: 'gentle words' });
    const hiddenReply = await reply(author.agent, openThread.id, { body: 'zebracrossing reply text', warning: { categories: ['self-harm', 'violence'] } });
    const visibleReply = await reply(author.agent, openThread.id, { body: 'zebracrossing visible reply' });

    expect((await search(reader.agent, 'zebracrossing')).map((r) => r.post.id).sort()).toEqual([hiddenReply.id, hiddenThread.firstPost.id, visibleReply.id].sort());
    await reader.agent.put('/api/me/warning-preferences').send({ 'self-harm': 'hide' }).expect(200);

    const list = (await reader.agent.get(`/api/rooms/${room.id}/threads`)).body;
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([openThread.id]);
    expect(list.hiddenCount).toBe(1);
    expect(JSON.stringify(list)).not.toContain('Hidden topic title');
    expect(list.items[0].postCount).toBe(2);
    expect((await reader.agent.get(`/api/threads/${openThread.id}`)).body.postCount).toBe(2);

    expectApiError(await reader.agent.get(`/api/threads/${hiddenThread.id}`), 404, 'HIDDEN_BY_SETTINGS');
    const page = (await reader.agent.get(`/api/threads/${openThread.id}/posts`)).body;
    expect(page.hiddenCount).toBe(1);
    const placeholder = page.items.find((i: { id: string }) => i.id === hiddenReply.id);
    expect(placeholder).toEqual({ kind: 'hidden', id: hiddenReply.id, createdAt: expect.any(String), reason: 'your-settings' });
    expect(JSON.stringify(page)).not.toContain('zebracrossing reply text');

    expect((await search(reader.agent, 'zebracrossing')).map((r) => r.post.id)).toEqual([visibleReply.id]);
    const [result] = (await reader.agent.get('/api/search?q=zebracrossing')).body.items;
    expect(result.thread).toEqual({ id: openThread.id, title: 'Open topic', warning: { categories: [], note: null }, presentation: 'show' });
    // The author is unaffected; another member with defaults sees everything.
    expect((await author.agent.get(`/api/threads/${openThread.id}`)).body.postCount).toBe(3);
  });

  it('rejects unknown categories and values', async () => {
    const { reader } = await setting();
    expectApiError(await reader.agent.put('/api/me/warning-preferences').send({ 'made-up': 'hide' }), 400);
    expectApiError(await reader.agent.put('/api/me/warning-preferences').send({ suicide: 'banish' }), 400);
  });
});

describe('blocking', () => {
  it('hides the blocked member\'s threads and posts from the blocker in lists, pages and search; private to the blocker', async () => {
    const { room, author, reader } = await setting();
    const theirThread = await createThread(author.agent, room.id, { title: 'Their thread', body: 'quokkaword opening' });
    const readerThread = await createThread(reader.agent, room.id, { title: 'Reader thread' });
    const theirReply = await reply(author.agent, readerThread.id, { body: 'quokkaword reply' });

    await reader.agent.post('/api/me/blocks').send({ handle: author.handle.toUpperCase() }).expect(201);
    expect((await reader.agent.get('/api/me/blocks')).body.map((b: { id: string }) => b.id)).toEqual([author.user.id]);

    const list = (await reader.agent.get(`/api/rooms/${room.id}/threads`)).body;
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([readerThread.id]);
    expect(list.items[0].postCount).toBe(1);
    expectApiError(await reader.agent.get(`/api/threads/${theirThread.id}`), 404);
    const page = (await reader.agent.get(`/api/threads/${readerThread.id}/posts`)).body.items;
    expect(page.find((p: { id: string }) => p.id === theirReply.id).kind).toBe('hidden');
    expect(await search(reader.agent, 'quokkaword')).toEqual([]);

    // The blocked member notices nothing: they still see everything, and the block list is not theirs to read.
    expect((await author.agent.get(`/api/rooms/${room.id}/threads`)).body.items).toHaveLength(2);
    expect((await author.agent.get('/api/me/blocks')).body).toEqual([]);

    await reader.agent.delete(`/api/me/blocks/${author.user.id}`).expect(204);
    expect((await reader.agent.get(`/api/rooms/${room.id}/threads`)).body.items).toHaveLength(2);
  });

  it('a blocked member cannot reply-mention the blocker: mentions and reply links to them are dropped', async () => {
    const { room, author, reader } = await setting();
    const readerThread = await createThread(reader.agent, room.id);
    const friend = await registerMember(t);
    // A roommate: "who can mention me" starts at people in my rooms.
    await join(friend.agent, room.id).expect(200);
    await reader.agent.post('/api/me/blocks').send({ handle: author.handle }).expect(201);
    const mention = await reply(author.agent, readerThread.id, {
      body: `@${reader.handle} and @${friend.handle} please read`,
      replyToPostId: readerThread.firstPost.id,
    });
    const [row] = await t.query<{ mentioned_user_ids: string[]; reply_to_post_id: string | null }>(
      'SELECT mentioned_user_ids, reply_to_post_id FROM posts WHERE id = $1',
      [mention.id],
    );
    expect(row!.mentioned_user_ids).toEqual([friend.user.id]);
    expect(row!.reply_to_post_id).toBeNull();
  });

  it('cannot block yourself or an unknown handle', async () => {
    const { reader } = await setting();
    expectApiError(await reader.agent.post('/api/me/blocks').send({ handle: reader.handle }), 400);
    expectApiError(await reader.agent.post('/api/me/blocks').send({ handle: 'nobody-by-this-name' }), 404);
  });
});
