import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { expectApiError } from '../support/error-shape.js';
import { createRoom, createThread, memberWithRole, type Agent } from '../support/forum.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Agent;
let roomId: string;
let threadId: string;
let postId: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = (await memberWithRole(t, 'admin')).agent;
  roomId = (await createRoom(admin)).id;
  const thread = await createThread(admin, roomId);
  threadId = thread.id;
  postId = thread.firstPost.id;
});
afterAll(async () => {
  await t?.close();
});

async function counts() {
  const [row] = await t.query<{ threads: number; posts: number }>('SELECT (SELECT count(*)::int FROM threads) AS threads, (SELECT count(*)::int FROM posts) AS posts');
  return row!;
}

describe('bad input on content routes is a 4xx in the one error shape, and writes nothing', () => {
  it.each([
    ['a 100 KB title', () => ({ title: 'x'.repeat(100_000), body: 'ok' }), 400],
    ['an empty title', () => ({ title: '', body: 'ok' }), 400],
    ['a body over 20,000 characters', () => ({ title: 'ok', body: 'y'.repeat(20_001) }), 400],
    ['an unknown field', () => ({ title: 'ok', body: 'ok', pinned: true }), 400],
    ['a number for the title', () => ({ title: 42, body: 'ok' }), 400],
    ['warnings as a string', () => ({ title: 'ok', body: 'ok', warning: 'suicide' }), 400],
    ['a warning note over 100 characters', () => ({ title: 'ok', body: 'ok', warning: { categories: [], note: 'n'.repeat(101) } }), 400],
    ['an unknown field inside the warning', () => ({ title: 'ok', body: 'ok', warning: { categories: [], extra: 1 } }), 400],
  ])('new thread with %s → %d', async (_, body, status) => {
    const before = await counts();
    expectApiError(await admin.post(`/api/rooms/${roomId}/threads`).send(body()), status);
    expect(await counts()).toEqual(before);
  });

  it('a 2 MB body → 413', async () => {
    const before = await counts();
    expectApiError(await admin.post(`/api/threads/${threadId}/posts`).send({ body: 'z'.repeat(2 * 1024 * 1024) }), 413, 'PAYLOAD_TOO_LARGE');
    expect(await counts()).toEqual(before);
  });

  it('a reply to a post in another thread → 400, nothing written', async () => {
    const other = await createThread(admin, roomId);
    const before = await counts();
    expectApiError(await admin.post(`/api/threads/${threadId}/posts`).send({ body: 'hi', replyToPostId: other.firstPost.id }), 400);
    expectApiError(await admin.post(`/api/threads/${threadId}/posts`).send({ body: 'hi', replyToPostId: 'not-a-uuid' }), 400);
    expect(await counts()).toEqual(before);
  });

  it.each(['garbage', 'eyJub3QiOiJhIGN1cnNvciJ9', 'eyJhdCI6Im5vdC1hLWRhdGUiLCJpZCI6IngifQ', '%00%ff', 'A'.repeat(600)])('bad cursor %s → 400', async (cursor) => {
    const threads = await admin.get(`/api/rooms/${roomId}/threads?cursor=${cursor}`);
    const posts = await admin.get(`/api/threads/${threadId}/posts?cursor=${cursor}`);
    expect([threads.status, posts.status]).toEqual([400, 400]);
    expectApiError(threads, 400);
    expectApiError(posts, 400);
  });

  it.each([
    ['limit=0'],
    ['limit=101'],
    ['limit=ten'],
    ['limit=-5'],
    ['unknown=1'],
  ])('bad page query %s → 400', async (query) => {
    expectApiError(await admin.get(`/api/threads/${threadId}/posts?${query}`), 400);
  });

  it('unknown ids → 404; malformed ids → 400', async () => {
    expectApiError(await admin.get(`/api/threads/${randomUUID()}`), 404);
    expectApiError(await admin.get(`/api/threads/${randomUUID()}/posts`), 404);
    expectApiError(await admin.get(`/api/posts/${randomUUID()}`), 404);
    expectApiError(await admin.get(`/api/rooms/${randomUUID()}/threads`), 404);
    expectApiError(await admin.get('/api/rooms/no-such-room/threads'), 404);
    expectApiError(await admin.get('/api/threads/12345'), 400);
    expectApiError(await admin.patch('/api/posts/not-a-uuid').send({ body: 'x' }), 400);
    expectApiError(await admin.put(`/api/posts/${postId}/reactions/%27%3B--`), 400);
  });

  it('search: too short, too long, or unknown room → 4xx', async () => {
    expectApiError(await admin.get('/api/search?q=a'), 400);
    expectApiError(await admin.get(`/api/search?q=${'w'.repeat(201)}`), 400);
    expectApiError(await admin.get('/api/search'), 400);
    expectApiError(await admin.get('/api/search?q=hello&room=nowhere-room'), 404);
    // Query syntax a member might type never breaks the parser.
    await admin.get(`/api/search?q=${encodeURIComponent('"unclosed OR -( ) & | !')}`).expect(200);
  });
});
