import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GOOD_PASSWORD, registerMember } from '../support/accounts.js';
import { expectApiError } from '../support/error-shape.js';
import { createRoom, createThread, join, memberWithRole, reply, type Agent } from '../support/forum.js';
import { ReplyNoticesService } from '../../apps/api/src/posts/reply-notices.service.js';
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
  const other = await registerMember(t);
  for (const m of [author, reader, other]) await join(m.agent, room.id).expect(200);
  return { room, author, reader, other };
}

const addFilter = (agent: Agent, body: Record<string, unknown>) => agent.post('/api/me/filters').send(body);

describe('a member’s own filters', () => {
  it('are listed, added, edited and removed by their owner only', async () => {
    const { reader, other } = await setting();
    const added = (await addFilter(reader.agent, { phrase: ' Elm Street ', mode: 'hide', label: 'the old place' }).expect(201)).body;
    expect(added).toEqual({ id: expect.any(String), phrase: 'Elm Street', mode: 'hide', wholeWord: true, label: 'the old place', createdAt: expect.any(String) });
    const edited = (await reader.agent.patch(`/api/me/filters/${added.id}`).send({ mode: 'warn', wholeWord: false, label: '' }).expect(200)).body;
    expect(edited).toMatchObject({ id: added.id, phrase: 'Elm Street', mode: 'warn', wholeWord: false, label: null });
    expect((await reader.agent.get('/api/me/filters').expect(200)).body).toEqual([edited]);
    // Someone else's filter is "not found", for reading, editing and removing alike.
    expect((await other.agent.get('/api/me/filters').expect(200)).body).toEqual([]);
    expectApiError(await other.agent.patch(`/api/me/filters/${added.id}`).send({ mode: 'hide' }), 404, 'NOT_FOUND');
    expectApiError(await other.agent.delete(`/api/me/filters/${added.id}`), 404, 'NOT_FOUND');
    await reader.agent.delete(`/api/me/filters/${added.id}`).expect(204);
    expect((await reader.agent.get('/api/me/filters').expect(200)).body).toEqual([]);
    expectApiError(await reader.agent.delete(`/api/me/filters/${added.id}`), 404, 'NOT_FOUND');
  });

  it('refuse bad input with a clear 4xx in the one error shape', async () => {
    const { reader } = await setting();
    const refused = async (body: Record<string, unknown>, status: number, code: string, reason?: string) => {
      const res = await addFilter(reader.agent, body);
      expectApiError(res, status, code);
      if (reason) expect(res.body.params).toEqual(expect.objectContaining({ reason }));
    };
    await refused({ phrase: '', mode: 'hide' }, 400, 'VALIDATION_FAILED');
    await refused({ phrase: 'x'.repeat(101), mode: 'hide' }, 400, 'VALIDATION_FAILED');
    await refused({ phrase: 'a', mode: 'hide' }, 400, 'VALIDATION_FAILED', 'filter-too-broad');
    await refused({ phrase: '  é  ', mode: 'hide' }, 400, 'VALIDATION_FAILED', 'filter-too-broad');
    await refused({ phrase: '?!…', mode: 'warn' }, 400, 'VALIDATION_FAILED', 'filter-too-broad');
    // 100 characters that NFKD writes out as far more letters.
    await refused({ phrase: '\ufdfa'.repeat(100), mode: 'hide' }, 400, 'VALIDATION_FAILED');
    await refused({ phrase: 'fine words', mode: 'mute' }, 400, 'VALIDATION_FAILED');
    await refused({ phrase: 'fine words', mode: 'hide', label: 'l'.repeat(61) }, 400, 'VALIDATION_FAILED');
    await refused({ phrase: 'fine words', mode: 'hide', wholeWord: null }, 400, 'VALIDATION_FAILED');
    await refused({ phrase: 'fine words', mode: 'hide', extra: 1 }, 400, 'VALIDATION_FAILED');
    await refused({ phrase: 42, mode: 'hide' }, 400, 'VALIDATION_FAILED');
    // The same words after normalisation are one filter.
    await addFilter(reader.agent, { phrase: 'José', mode: 'hide' }).expect(201);
    await refused({ phrase: 'JOSE', mode: 'warn' }, 409, 'CONFLICT', 'already-exists');
    const [mine] = (await reader.agent.get('/api/me/filters')).body;
    expectApiError(await reader.agent.patch(`/api/me/filters/${mine.id}`).send({ phrase: 'b' }), 400, 'VALIDATION_FAILED');
    expectApiError(await reader.agent.patch('/api/me/filters/not-a-uuid').send({ mode: 'hide' }), 400, 'VALIDATION_FAILED');
    expectApiError(await reader.agent.patch('/api/me/filters/00000000-0000-4000-8000-000000000000').send({ mode: 'hide' }), 404, 'NOT_FOUND');
  });

  it('hold at most 200', async () => {
    const { reader } = await setting();
    const [{ id: userId }] = await t.query<{ id: string }>('SELECT id FROM users WHERE handle = $1', [reader.handle]);
    await t.query(
      `INSERT INTO personal_filters (user_id, phrase, words, mode, sql_pattern, fixed_part) SELECT $1, 'word ' || n, 'word ' || n, 'warn', 'word ' || n, 'word' FROM generate_series(1, 199) n`,
      [userId],
    );
    await addFilter(reader.agent, { phrase: 'the last one', mode: 'hide' }).expect(201);
    const res = await addFilter(reader.agent, { phrase: 'one too many', mode: 'hide' });
    expectApiError(res, 400, 'VALIDATION_FAILED');
    expect(res.body.params).toEqual({ reason: 'too-many-filters' });
    expect((await reader.agent.get('/api/me/filters').expect(200)).body).toHaveLength(200);
  });

  it('are in the owner’s export, in nobody else’s, and gone with the account', async () => {
    const { reader, other } = await setting();
    await addFilter(reader.agent, { phrase: 'Maplewood', mode: 'hide', label: 'town' }).expect(201);
    const mine = (await reader.agent.get('/api/me/export').expect(200)).body;
    expect(mine.personalFilters).toEqual([expect.objectContaining({ phrase: 'Maplewood', mode: 'hide', whole_word: true, label: 'town' })]);
    expect(JSON.stringify((await other.agent.get('/api/me/export').expect(200)).body)).not.toContain('Maplewood');
    await reader.agent.delete('/api/me').send({ password: GOOD_PASSWORD, eraseContent: false }).expect(204);
    expect(await t.query('SELECT 1 FROM personal_filters WHERE phrase = $1', ['Maplewood'])).toEqual([]);
  });
});

describe('applied on the server', () => {
  it('`hide` drops matching threads, posts and search results for the member only; counts leave them out', async () => {
    const { room, author, reader, other } = await setting();
    const hiddenThread = await createThread(author.agent, room.id, { title: 'Walking past Elm Street again', body: 'quillfeather story' });
    const openThread = await createThread(author.agent, room.id, { title: 'Open topic', body: 'quillfeather gentle words' });
    const hiddenReply = await reply(author.agent, openThread.id, { body: 'quillfeather: he lived on ELM STREETS, you know' });
    const keptReply = await reply(author.agent, openThread.id, { body: 'quillfeather, elmstreet is one word here' });
    await addFilter(reader.agent, { phrase: 'elm street', mode: 'hide' }).expect(201);

    const list = (await reader.agent.get(`/api/rooms/${room.id}/threads`).expect(200)).body;
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([openThread.id]);
    expect(list.hiddenCount).toBe(1);
    expect(list.items[0].postCount).toBe(2);
    expect((await reader.agent.get(`/api/threads/${openThread.id}`).expect(200)).body.postCount).toBe(2);
    expectApiError(await reader.agent.get(`/api/threads/${hiddenThread.id}`), 404, 'HIDDEN_BY_SETTINGS');

    const page = (await reader.agent.get(`/api/threads/${openThread.id}/posts`).expect(200)).body;
    expect(page.items.find((i: { id: string }) => i.id === hiddenReply.id)).toEqual({ kind: 'hidden', id: hiddenReply.id, createdAt: expect.any(String), reason: 'your-settings' });
    expect(JSON.stringify(page)).not.toMatch(/elm street/i);
    expect(page.items.find((i: { id: string }) => i.id === keptReply.id).body).toContain('elmstreet');

    const found = (await reader.agent.get('/api/search?q=quillfeather').expect(200)).body.items.map((r: { post: { id: string } }) => r.post.id);
    expect(found.sort()).toEqual([openThread.firstPost.id, keptReply.id].sort());

    // Another member, and a moderator, see everything as before.
    const theirs = (await other.agent.get(`/api/rooms/${room.id}/threads`).expect(200)).body;
    expect(theirs.items).toHaveLength(2);
    expect(theirs.hiddenCount).toBe(0);
    expect((await other.agent.get('/api/search?q=quillfeather').expect(200)).body.items).toHaveLength(4);
    expect((await admin.get(`/api/threads/${openThread.id}/posts`).expect(200)).body.items.filter((i: { kind: string }) => i.kind === 'post')).toHaveLength(3);
    // The author's own words are never filtered from them, whatever they keep.
    await addFilter(author.agent, { phrase: 'elm street', mode: 'hide' }).expect(201);
    expect((await author.agent.get(`/api/rooms/${room.id}/threads`).expect(200)).body.items).toHaveLength(2);
  });

  it('`warn` folds matching posts and titles behind the member’s own label, and a change applies at once', async () => {
    const { room, author, reader, other } = await setting();
    const thread = await createThread(author.agent, room.id, { title: 'About Dana', body: 'Dana’s birthday again' });
    const filter = (await addFilter(reader.agent, { phrase: 'dana', mode: 'warn', label: 'that name' }).expect(201)).body;

    const [listed] = (await reader.agent.get(`/api/rooms/${room.id}/threads`).expect(200)).body.items;
    expect(listed.filter).toEqual({ label: 'that name' });
    const opened = (await reader.agent.get(`/api/threads/${thread.id}`).expect(200)).body;
    expect(opened.filter).toEqual({ label: 'that name' });
    expect(opened.firstPost.filter).toEqual({ label: 'that name' });
    const [result] = (await reader.agent.get('/api/search?q=birthday').expect(200)).body.items;
    expect(result.post.filter).toEqual({ label: 'that name' });
    expect(result.thread.filter).toEqual({ label: 'that name' });

    expect((await other.agent.get(`/api/threads/${thread.id}`).expect(200)).body.firstPost.filter).toBeUndefined();
    expect((await author.agent.get(`/api/threads/${thread.id}`).expect(200)).body.firstPost.filter).toBeUndefined();

    // Edited to hide: the cached view of the member is dropped at once.
    await reader.agent.patch(`/api/me/filters/${filter.id}`).send({ mode: 'hide' }).expect(200);
    expectApiError(await reader.agent.get(`/api/threads/${thread.id}`), 404, 'HIDDEN_BY_SETTINGS');
    await reader.agent.delete(`/api/me/filters/${filter.id}`).expect(204);
    expect((await reader.agent.get(`/api/threads/${thread.id}`).expect(200)).body.firstPost.filter).toBeUndefined();
  });

  it('are never in another member’s or a moderator’s responses', async () => {
    const { room, author, reader } = await setting();
    await addFilter(reader.agent, { phrase: 'Ravenscroft Lane', mode: 'hide', label: 'Ravenscroft label' }).expect(201);
    await createThread(author.agent, room.id, { title: 'A quiet thread', body: 'nothing here' });
    const [{ id: readerId }] = await t.query<{ id: string }>('SELECT id FROM users WHERE handle = $1', [reader.handle]);
    const seen = [
      await author.agent.get(`/api/rooms/${room.id}/threads`),
      await author.agent.get('/api/me/export'),
      await author.agent.get('/api/me/filters'),
      await admin.get(`/api/rooms/${room.id}/threads`),
      await admin.get('/api/moderation/queue'),
      await admin.get('/api/moderation/log'),
      await admin.get('/api/me/filters'),
      await admin.get('/api/admin/users'),
      await admin.get(`/api/moderation/members/${readerId}/sanctions`),
    ];
    for (const res of seen) {
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).not.toContain('Ravenscroft');
    }
  });

  it('keep reply notices about filtered words, or a filtered title, from the member', async () => {
    const { room, author, reader, other } = await setting();
    const thread = await createThread(author.agent, room.id, { title: 'Mornings' });
    const titled = await createThread(author.agent, room.id, { title: 'Letters from Corvin' });
    for (const m of [reader, other]) {
      for (const id of [thread.id, titled.id]) await m.agent.put(`/api/threads/${id}/follow`).expect(204);
    }
    await addFilter(reader.agent, { phrase: 'lighthouse', mode: 'hide' }).expect(201);
    await addFilter(reader.agent, { phrase: 'corvin', mode: 'warn' }).expect(201);
    await reply(author.agent, thread.id, { body: 'We walked to the lighthouses.' });
    await reply(author.agent, titled.id, { body: 'Nothing filtered in these words.' });
    await t.get(ReplyNoticesService).settled();
    const notices = async (agent: Agent) => ((await agent.get('/api/me/notifications').expect(200)).body as { kind: string }[]).filter((n) => n.kind === 'reply');
    expect(await notices(reader.agent)).toEqual([]);
    expect(await notices(other.agent)).toHaveLength(2);
  });

  it('leave hidden words out of unread and new counts (thread list and room directory)', async () => {
    const { room, author, reader } = await setting();
    const thread = await createThread(author.agent, room.id, { title: 'Tuesdays' });
    await reader.agent.get(`/api/threads/${thread.id}`).expect(200);
    await reader.agent.get(`/api/threads/${thread.id}/posts?limit=50`).expect(200);
    await addFilter(reader.agent, { phrase: 'Ashbury', mode: 'hide' }).expect(201);
    await reply(author.agent, thread.id, { body: 'Back in Ashbury again.' });
    await reply(author.agent, thread.id, { body: 'A calm one.' });
    await createThread(author.agent, room.id, { title: 'Ashbury memories' });
    await createThread(author.agent, room.id, { title: 'Something new' });
    const listed = (await reader.agent.get(`/api/rooms/${room.id}/threads`).expect(200)).body.items as { id: string; unreadPosts: number; isNew: boolean }[];
    expect(listed.find((i) => i.id === thread.id)!.unreadPosts).toBe(1);
    const entry = ((await reader.agent.get('/api/rooms').expect(200)).body as { id: string; unread: unknown }[]).find((r) => r.id === room.id);
    expect(entry!.unread).toEqual({ newThreads: 1, unreadPosts: 1 });
  });
});
