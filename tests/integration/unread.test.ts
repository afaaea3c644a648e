import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ROOM_UNREAD_COUNT_CAP, type PostListItem, type RoomSummary, type ThreadDetail, type ThreadSummary } from '@kindred/contracts';
import { GOOD_PASSWORD, registerMember } from '../support/accounts.js';
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

/** A room with a reader and an author in it. */
async function roomWithReader(settings: Record<string, unknown> = {}) {
  const room = await createRoom(admin, settings);
  const reader = await registerMember(t);
  const author = await registerMember(t);
  await join(reader.agent, room.id).expect(200);
  await join(author.agent, room.id).expect(200);
  return { room, reader, author };
}

async function directoryEntry(agent: Agent, roomId: string): Promise<RoomSummary | undefined> {
  return ((await agent.get('/api/rooms').expect(200)).body as RoomSummary[]).find((r) => r.id === roomId);
}

async function listed(agent: Agent, roomId: string, threadId: string): Promise<ThreadSummary | undefined> {
  return ((await agent.get(`/api/rooms/${roomId}/threads`).expect(200)).body.items as ThreadSummary[]).find((i) => i.id === threadId);
}

/** Opens the thread as the app does: its summary, then its first page (which moves the marker). */
async function read(agent: Agent, threadId: string): Promise<ThreadDetail> {
  const detail = (await agent.get(`/api/threads/${threadId}`).expect(200)).body as ThreadDetail;
  await agent.get(`/api/threads/${threadId}/posts?limit=50`).expect(200);
  return detail;
}

const removePost = (postId: string) => admin.post(`/api/moderation/post/${postId}/actions`).send({ action: 'remove', reason: 'Breaks the guidelines.' }).expect(200);

describe('unread and new', () => {
  it('a thread is new until opened; replies after the marker are unread; the page resumes at the first unread post', async () => {
    const { room, reader, author } = await roomWithReader();
    const thread = await createThread(author.agent, room.id);
    expect((await directoryEntry(reader.agent, room.id))?.unread).toEqual({ newThreads: 1, unreadPosts: 0 });
    expect(await listed(reader.agent, room.id, thread.id)).toMatchObject({ isNew: true, unreadPosts: 0 });
    // The author's own thread is not new to them.
    expect(await listed(author.agent, room.id, thread.id)).toMatchObject({ isNew: false });
    expect((await directoryEntry(author.agent, room.id))?.unread).toEqual({ newThreads: 0, unreadPosts: 0 });

    expect((await read(reader.agent, thread.id)).lastRead).toBeNull();
    expect(await listed(reader.agent, room.id, thread.id)).toMatchObject({ isNew: false, unreadPosts: 0 });
    const first = await reply(author.agent, thread.id);
    await reply(author.agent, thread.id);
    expect(await listed(reader.agent, room.id, thread.id)).toMatchObject({ isNew: false, unreadPosts: 2 });
    expect((await directoryEntry(reader.agent, room.id))?.unread).toEqual({ newThreads: 0, unreadPosts: 2 });

    const detail = (await reader.agent.get(`/api/threads/${thread.id}`).expect(200)).body as ThreadDetail;
    expect(detail).toMatchObject({ unreadPosts: 2, lastRead: { postId: thread.firstPost.id } });
    const resumed = (await reader.agent.get(`/api/threads/${thread.id}/posts?cursor=${encodeURIComponent(detail.lastRead!.cursor)}`).expect(200)).body;
    expect((resumed.items as PostListItem[])[0]!.id).toBe(first.id);
    // That page showed both replies: nothing is unread now.
    expect((await directoryEntry(reader.agent, room.id))?.unread).toEqual({ newThreads: 0, unreadPosts: 0 });
    expect((await reader.agent.get(`/api/threads/${thread.id}`).expect(200)).body.unreadPosts).toBe(0);
  });

  it('the marker only moves forward: reading an earlier page again leaves later posts read', async () => {
    const { room, reader, author } = await roomWithReader();
    const thread = await createThread(author.agent, room.id);
    for (let i = 0; i < 3; i += 1) await reply(author.agent, thread.id);
    await read(reader.agent, thread.id);
    await reader.agent.get(`/api/threads/${thread.id}/posts?limit=1`).expect(200);
    expect(await listed(reader.agent, room.id, thread.id)).toMatchObject({ unreadPosts: 0 });
    const detail = (await reader.agent.get(`/api/threads/${thread.id}`).expect(200)).body as ThreadDetail;
    expect(detail.lastRead!.postId).not.toBe(thread.firstPost.id);
  });

  it('counts never include hidden categories, blocked authors, removed posts or the reader’s own words', async () => {
    const { room, reader, author } = await roomWithReader();
    const blocked = await registerMember(t);
    await join(blocked.agent, room.id).expect(200);
    const thread = await createThread(author.agent, room.id);
    await read(reader.agent, thread.id);
    await reader.agent.put('/api/me/warning-preferences').send({ 'self-harm': 'hide' }).expect(200);
    await reader.agent.post('/api/me/blocks').send({ handle: blocked.handle }).expect(201);

    await reply(author.agent, thread.id, { body: 'A hard week, with a warning.', warning: { categories: ['self-harm'] } });
    await reply(blocked.agent, thread.id);
    const removed = await reply(author.agent, thread.id);
    await removePost(removed.id);
    await reply(reader.agent, thread.id);
    // Threads the reader cannot see are not new either: a hidden topic, a blocked author's.
    await createThread(author.agent, room.id, { title: 'Hidden topic', warning: { categories: ['self-harm'] } });
    await createThread(blocked.agent, room.id, { title: 'From someone blocked' });

    expect(await listed(reader.agent, room.id, thread.id)).toMatchObject({ unreadPosts: 0 });
    expect((await directoryEntry(reader.agent, room.id))?.unread).toEqual({ newThreads: 0, unreadPosts: 0 });
    expect((await reader.agent.get(`/api/threads/${thread.id}`).expect(200)).body.unreadPosts).toBe(0);

    // One visible reply is counted, everywhere the same.
    await reply(author.agent, thread.id);
    expect(await listed(reader.agent, room.id, thread.id)).toMatchObject({ unreadPosts: 1 });
    expect((await directoryEntry(reader.agent, room.id))?.unread).toEqual({ newThreads: 0, unreadPosts: 1 });
  });

  it('a muted thread adds nothing to the room’s counts', async () => {
    const { room, reader, author } = await roomWithReader();
    const thread = await createThread(author.agent, room.id);
    await read(reader.agent, thread.id);
    await reader.agent.put(`/api/threads/${thread.id}/mute`).expect(204);
    await reply(author.agent, thread.id);
    await createThread(author.agent, room.id).then((muted) => reader.agent.put(`/api/threads/${muted.id}/mute`).expect(204));
    expect((await directoryEntry(reader.agent, room.id))?.unread).toEqual({ newThreads: 0, unreadPosts: 0 });
  });

  it('mark room read: everything up to now is read and nothing is new; later posts count again', async () => {
    const { room, reader, author } = await roomWithReader();
    const opened = await createThread(author.agent, room.id);
    await read(reader.agent, opened.id);
    await reply(author.agent, opened.id);
    const fresh = await createThread(author.agent, room.id);
    expect((await directoryEntry(reader.agent, room.id))?.unread).toEqual({ newThreads: 1, unreadPosts: 1 });

    await reader.agent.put(`/api/rooms/${room.id}/read`).expect(204);
    expect((await directoryEntry(reader.agent, room.id))?.unread).toEqual({ newThreads: 0, unreadPosts: 0 });
    expect(await listed(reader.agent, room.id, fresh.id)).toMatchObject({ isNew: false, unreadPosts: 0 });
    expect(await listed(reader.agent, room.id, opened.id)).toMatchObject({ unreadPosts: 0 });

    await reply(author.agent, opened.id);
    await createThread(author.agent, room.id);
    expect((await directoryEntry(reader.agent, room.id))?.unread).toEqual({ newThreads: 1, unreadPosts: 1 });
  });

  // Issue 18: the directory skips markers with nothing after them (`behind`, kept by triggers);
  // every way a post becomes visible after the reader caught up must still make it unread.
  it('a post published after the reader caught up counts: approved from the queue, or restored', async () => {
    const { room, reader, author } = await roomWithReader({ premoderateFirstPosts: 1 });
    const thread = await createThread(admin, room.id);
    await read(reader.agent, thread.id);
    const held = await reply(author.agent, thread.id);
    expect(held.status).toBe('pending');
    expect((await directoryEntry(reader.agent, room.id))?.unread).toEqual({ newThreads: 0, unreadPosts: 0 });
    await admin.post(`/api/moderation/post/${held.id}/actions`).send({ action: 'approve', reason: 'Welcome' }).expect(200);
    expect((await directoryEntry(reader.agent, room.id))?.unread).toEqual({ newThreads: 0, unreadPosts: 1 });

    await read(reader.agent, thread.id);
    const later = await reply(author.agent, thread.id);
    await removePost(later.id);
    await read(reader.agent, thread.id);
    expect((await directoryEntry(reader.agent, room.id))?.unread).toEqual({ newThreads: 0, unreadPosts: 0 });
    await admin.post(`/api/moderation/post/${later.id}/actions`).send({ action: 'restore', reason: 'On reflection, fine' }).expect(200);
    expect((await directoryEntry(reader.agent, room.id))?.unread).toEqual({ newThreads: 0, unreadPosts: 1 });
    expect(await listed(reader.agent, room.id, thread.id)).toMatchObject({ unreadPosts: 1 });
  });

  it('the directory agrees with the thread list while replies and reads cross', async () => {
    const { room, reader, author } = await roomWithReader();
    const thread = await createThread(author.agent, room.id);
    for (let round = 0; round < 8; round += 1) {
      await Promise.all([reply(author.agent, thread.id), reader.agent.get(`/api/threads/${thread.id}/posts?limit=50`).expect(200)]);
      const inList = (await listed(reader.agent, room.id, thread.id))!.unreadPosts;
      expect((await directoryEntry(reader.agent, room.id))?.unread).toEqual({ newThreads: 0, unreadPosts: inList });
    }
  });

  it('a reader’s own reply after theirs is not unread, and the next one from someone else is', async () => {
    const { room, reader, author } = await roomWithReader();
    const thread = await createThread(author.agent, room.id);
    await read(reader.agent, thread.id);
    await reply(reader.agent, thread.id);
    expect((await directoryEntry(reader.agent, room.id))?.unread).toEqual({ newThreads: 0, unreadPosts: 0 });
    await read(reader.agent, thread.id);
    await reply(author.agent, thread.id);
    expect((await directoryEntry(reader.agent, room.id))?.unread).toEqual({ newThreads: 0, unreadPosts: 1 });
  });

  it('counts stop at the directory’s cap, which the thread list’s count goes past', async () => {
    const { room, reader, author } = await roomWithReader();
    const thread = await createThread(author.agent, room.id);
    await read(reader.agent, thread.id);
    for (let i = 0; i < ROOM_UNREAD_COUNT_CAP + 2; i += 1) await reply(author.agent, thread.id);
    expect((await directoryEntry(reader.agent, room.id))?.unread).toEqual({ newThreads: 0, unreadPosts: ROOM_UNREAD_COUNT_CAP });
    expect(await listed(reader.agent, room.id, thread.id)).toMatchObject({ unreadPosts: ROOM_UNREAD_COUNT_CAP + 2 });
  });

  it('a moved thread takes its unread posts to its new room', async () => {
    const { room, reader, author } = await roomWithReader();
    const destination = await createRoom(admin);
    await join(reader.agent, destination.id).expect(200);
    const thread = await createThread(author.agent, room.id);
    await read(reader.agent, thread.id);
    await reply(author.agent, thread.id);
    await admin.post(`/api/moderation/thread/${thread.id}/actions`).send({ action: 'move', reason: 'Fits better there', toRoomId: destination.id }).expect(200);
    expect((await directoryEntry(reader.agent, room.id))?.unread).toEqual({ newThreads: 0, unreadPosts: 0 });
    expect((await directoryEntry(reader.agent, destination.id))?.unread).toEqual({ newThreads: 0, unreadPosts: 1 });
  });

  it('counts exist only for the member’s own rooms, and a hidden room stays unknown to outsiders', async () => {
    const { room: listedRoom, author } = await roomWithReader();
    // An invite-only hidden room, joined the way an invite would (the author's membership).
    const hidden = await createRoom(admin, { visibility: 'hidden', joinPolicy: 'invite' });
    await t.query('INSERT INTO room_memberships (room_id, user_id, guidelines_accepted_at) VALUES ($1, $2, now())', [hidden.id, author.user.id]);
    await createThread(author.agent, hidden.id);
    expect((await directoryEntry(author.agent, hidden.id))?.unread).toEqual({ newThreads: 0, unreadPosts: 0 });
    await createThread(author.agent, listedRoom.id);
    const outsider = await registerMember(t);

    const directory = (await outsider.agent.get('/api/rooms').expect(200)).body as RoomSummary[];
    expect(directory.find((r) => r.id === hidden.id)).toBeUndefined();
    expect(directory.find((r) => r.id === listedRoom.id)?.unread).toBeUndefined();
    // Marking a hidden room read answers as a room that does not exist.
    const unknown = await outsider.agent.put(`/api/rooms/${hidden.id}/read`);
    const missing = await outsider.agent.put('/api/rooms/00000000-0000-4000-8000-000000000000/read');
    expectApiError(unknown, 404);
    expect(unknown.body.code).toBe(missing.body.code);
    expectApiError(await t.agent().put(`/api/rooms/${listedRoom.id}/read`), 401);
  });

  it('account deletion takes the member’s read markers with it', async () => {
    const { room, reader, author } = await roomWithReader();
    const thread = await createThread(author.agent, room.id);
    await read(reader.agent, thread.id);
    await reader.agent.put(`/api/rooms/${room.id}/read`).expect(204);
    const markers = async () =>
      (await t.query<{ n: number }>('SELECT (SELECT count(*) FROM thread_read_markers WHERE user_id = $1) + (SELECT count(*) FROM room_read_markers WHERE user_id = $1) AS n', [reader.user.id]))[0]!.n;
    expect(Number(await markers())).toBe(2);
    await reader.agent.delete('/api/me').send({ password: GOOD_PASSWORD, eraseContent: false }).expect(204);
    expect(Number(await markers())).toBe(0);
  });
});
