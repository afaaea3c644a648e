import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { REPLY_EXCERPT_MAX_LENGTH, type Page, type PostListItem, type PostView } from '@kindred/contracts';
import { registerMember } from '../support/accounts.js';
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

/** A room where `author` wrote `target` and `replier` answered it; `reader` reads along. */
async function conversation(targetBody: string, targetExtra: Record<string, unknown> = {}) {
  const room = await createRoom(admin.agent);
  const [author, replier, reader] = [await registerMember(t), await registerMember(t), await registerMember(t)];
  for (const m of [author, replier, reader]) await join(m.agent, room.id).expect(200);
  const thread = await createThread(admin.agent, room.id, { title: 'Talking it through' });
  const target = await reply(author.agent, thread.id, { body: targetBody, ...targetExtra });
  const answer = await reply(replier.agent, thread.id, { body: 'I hear you.', replyToPostId: target.id });
  return { room, author, replier, reader, thread, target, answer };
}

/** The answer as `agent` meets it on the thread page, and the whole page as text. */
async function answerOnPage(agent: Agent, threadId: string, answerId: string) {
  const res = await agent.get(`/api/threads/${threadId}/posts`).expect(200);
  const item = (res.body as Page<PostListItem>).items.find((i) => i.id === answerId) as PostView;
  return { item, text: JSON.stringify(res.body) };
}

describe('reply to a specific post: the link back and a quoted excerpt, as the reader may see it', () => {
  it('shows who wrote the answered post and a short plain-text excerpt, on the page, the single post and the create answer', async () => {
    const long = `**Today** was _hard_, but I [walked](https://example.org) to the sea. ${'And I kept walking along the shore. '.repeat(10)}`;
    const { reader, author, thread, target, answer } = await conversation(long);
    expect(answer.replyTo).toMatchObject({ state: 'shown', postId: target.id, author: { handle: author.handle } });
    const { item } = await answerOnPage(reader.agent, thread.id, answer.id);
    expect(item.replyToPostId).toBe(target.id);
    expect(item.replyTo).toMatchObject({ state: 'shown', postId: target.id, author: { id: author.user.id, handle: author.handle } });
    const excerpt = (item.replyTo as { excerpt: string }).excerpt;
    expect(excerpt.startsWith('Today was hard, but I walked to the sea.')).toBe(true);
    expect(excerpt.length).toBeLessThanOrEqual(REPLY_EXCERPT_MAX_LENGTH);
    expect(excerpt.endsWith('…')).toBe(true);
    expect(excerpt).not.toMatch(/[*_[\]<>]/);
    const single = (await reader.agent.get(`/api/posts/${answer.id}`).expect(200)).body as PostView;
    expect(single.replyTo).toEqual(item.replyTo);
  });

  it('a post with no reply target carries no excerpt', async () => {
    const { reader, thread, target } = await conversation('Plain words.');
    const { item } = await answerOnPage(reader.agent, thread.id, target.id);
    expect(item.replyTo).toBeUndefined();
  });

  const secret = () => `Secret words ${Math.random().toString(36).slice(2)}`;

  it.each([
    ['removed by a moderator', async (c: Awaited<ReturnType<typeof conversation>>) => {
      await admin.agent.post(`/api/moderation/post/${c.target.id}/actions`).send({ action: 'remove', reason: 'Breaks the room guidelines.' }).expect(200);
    }],
    ['hidden by a moderator', async (c: Awaited<ReturnType<typeof conversation>>) => {
      await admin.agent.post(`/api/moderation/post/${c.target.id}/actions`).send({ action: 'hide', reason: 'Under review for now.' }).expect(200);
    }],
    ['deleted by its author', async (c: Awaited<ReturnType<typeof conversation>>) => {
      await c.author.agent.delete(`/api/posts/${c.target.id}`).expect(204);
    }],
    ['written by someone the reader blocked', async (c: Awaited<ReturnType<typeof conversation>>) => {
      await c.reader.agent.post('/api/me/blocks').send({ handle: c.author.handle }).expect(201);
    }],
    ['matched by the reader\'s own hide filter', async (c: Awaited<ReturnType<typeof conversation>>) => {
      await c.reader.agent.post('/api/me/filters').send({ phrase: 'secret', mode: 'hide' }).expect(201);
    }],
  ])('answered post %s: a calm placeholder that reveals nothing, not even the author', async (_what, change) => {
    const words = secret();
    const c = await conversation(words);
    await change(c);
    const { item, text } = await answerOnPage(c.reader.agent, c.thread.id, c.answer.id);
    expect(item.replyTo).toEqual({ state: 'unavailable', postId: c.target.id });
    expect(text).not.toContain(words);
    expect(text).not.toContain(c.author.handle);
    const single = JSON.stringify((await c.reader.agent.get(`/api/posts/${c.answer.id}`).expect(200)).body);
    expect(single).not.toContain(words);
    expect(single).not.toContain(c.author.handle);
  });

  it('a topic the reader hides: placeholder; a topic they fold (warn): the author only, never the words', async () => {
    const words = secret();
    const c = await conversation(words, { warning: { categories: ['death-grief'] } });
    // Default preference is warn: the excerpt stays folded.
    let seen = await answerOnPage(c.reader.agent, c.thread.id, c.answer.id);
    expect(seen.item.replyTo).toEqual({ state: 'folded', postId: c.target.id, author: { id: c.author.user.id, handle: c.author.handle } });
    await c.reader.agent.put('/api/me/warning-preferences').send({ 'death-grief': 'hide' }).expect(200);
    seen = await answerOnPage(c.reader.agent, c.thread.id, c.answer.id);
    expect(seen.item.replyTo).toEqual({ state: 'unavailable', postId: c.target.id });
    expect(seen.text).not.toContain(words);
    expect(seen.text).not.toContain(c.author.handle);
    await c.reader.agent.put('/api/me/warning-preferences').send({ 'death-grief': 'show' }).expect(200);
    seen = await answerOnPage(c.reader.agent, c.thread.id, c.answer.id);
    expect(seen.item.replyTo).toMatchObject({ state: 'shown', excerpt: words });
  });

  it('each reader gets their own view of the same reply', async () => {
    const words = secret();
    const c = await conversation(words);
    await c.reader.agent.post('/api/me/blocks').send({ handle: c.author.handle }).expect(201);
    expect((await answerOnPage(c.reader.agent, c.thread.id, c.answer.id)).item.replyTo).toEqual({ state: 'unavailable', postId: c.target.id });
    expect((await answerOnPage(c.replier.agent, c.thread.id, c.answer.id)).item.replyTo).toMatchObject({ state: 'shown', excerpt: words });
  });

  it('the excerpt of an answered post on an earlier page is read too', async () => {
    const c = await conversation('Words from long ago.');
    const later = await reply(c.replier.agent, c.thread.id, { body: 'Coming back to this.', replyToPostId: c.target.id });
    const res = await c.reader.agent.get(`/api/threads/${c.thread.id}/posts?limit=1&cursor=${encodeURIComponent((await c.reader.agent.get(`/api/threads/${c.thread.id}/posts?limit=3`).expect(200)).body.nextCursor as string)}`).expect(200);
    const item = (res.body as Page<PostListItem>).items[0] as PostView;
    expect(item.id).toBe(later.id);
    expect(item.replyTo).toMatchObject({ state: 'shown', excerpt: 'Words from long ago.' });
  });
});
