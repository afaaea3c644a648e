import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { POST_BODY_MAX_LENGTH, THREAD_TITLE_MAX_LENGTH, type DraftLookup, type DraftView } from '@kindred/contracts';
import { GOOD_PASSWORD, registerMember, signIn } from '../support/accounts.js';
import { expectApiError } from '../support/error-shape.js';
import { createRoom, createThread, join, memberWithRole, type Agent } from '../support/forum.js';
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

const draftOf = async (agent: Agent, url: string) => ((await agent.get(url).expect(200)).body as DraftLookup).draft;
const draftCount = async (userId: string) => ((await t.query('SELECT count(*)::int AS n FROM drafts WHERE user_id = $1', [userId])) as { n: number }[])[0]!.n;

/** A room with a thread, and a member who belongs to it. */
async function writerInRoom(roomSettings: Record<string, unknown> = {}) {
  const room = await createRoom(admin.agent, roomSettings);
  const writer = await registerMember(t);
  if (roomSettings.joinPolicy !== 'invite') await join(writer.agent, room.id).expect(200);
  const thread = await createThread(admin.agent, room.id, { title: 'Where we talk' });
  return { room, writer, thread, replyUrl: `/api/me/drafts/reply/${thread.id}`, threadUrl: `/api/me/drafts/thread/${room.id}` };
}

describe('drafts: unsent words kept on the server for the member alone', () => {
  it('saves a reply draft as it stands, restores it on another device, and replaces it with newer words', async () => {
    const { writer, thread, replyUrl } = await writerInRoom();
    expect(await draftOf(writer.agent, replyUrl)).toBeNull();
    const saved = (await writer.agent.put(replyUrl).send({ body: 'Half a thought', warning: { categories: ['death-grief'], note: ' loss ' }, replyToPostId: thread.firstPost.id }).expect(200)).body as DraftView;
    expect(saved).toMatchObject({ kind: 'reply', targetId: thread.id, title: null, body: 'Half a thought', warning: { categories: ['death-grief'], note: 'loss' }, replyToPostId: thread.firstPost.id });

    const otherDevice = await signIn(t, writer.handle);
    expect(await draftOf(otherDevice, replyUrl)).toMatchObject({ body: 'Half a thought', replyToPostId: thread.firstPost.id });
    await otherDevice.put(replyUrl).send({ body: 'A whole thought now', warning: { categories: [], noneApply: true } }).expect(200);
    expect(await draftOf(writer.agent, replyUrl)).toMatchObject({ body: 'A whole thought now', warning: { categories: [], noneApply: true }, replyToPostId: null });
  });

  it('keeps a new-thread draft per room with its title, and discarding it leaves nothing', async () => {
    const { writer, threadUrl } = await writerInRoom();
    await writer.agent.put(threadUrl).send({ title: 'Starting somewhere', body: '' }).expect(200);
    expect(await draftOf(writer.agent, threadUrl)).toMatchObject({ kind: 'thread', title: 'Starting somewhere', body: '' });
    await writer.agent.delete(threadUrl).expect(204);
    expect(await draftOf(writer.agent, threadUrl)).toBeNull();
    await writer.agent.delete(threadUrl).expect(204);
    expect(await draftCount(writer.user.id)).toBe(0);
  });

  it('is never seen by anyone else, moderators and admins included', async () => {
    const { room, writer, replyUrl, threadUrl } = await writerInRoom();
    const neighbour = await registerMember(t);
    await join(neighbour.agent, room.id).expect(200);
    await writer.agent.put(replyUrl).send({ body: 'Only mine to read' }).expect(200);
    await writer.agent.put(threadUrl).send({ title: 'Mine too', body: 'Only mine as well' }).expect(200);
    for (const other of [neighbour.agent, admin.agent]) {
      expect(await draftOf(other, replyUrl)).toBeNull();
      expect(await draftOf(other, threadUrl)).toBeNull();
      // Discarding "theirs" touches only their own (none): the writer's stays.
      await other.delete(replyUrl).expect(204);
    }
    expect(await draftOf(writer.agent, replyUrl)).toMatchObject({ body: 'Only mine to read' });
    expect(JSON.stringify((await admin.agent.get('/api/me/export').expect(200)).body)).not.toContain('Only mine');
  });

  it('is only for a place the member may post in: an outsider learns nothing about a hidden room', async () => {
    const { replyUrl, threadUrl } = await writerInRoom({ visibility: 'hidden', joinPolicy: 'invite' });
    const outsider = await registerMember(t);
    for (const url of [replyUrl, threadUrl]) {
      expectApiError(await outsider.agent.get(url), 404);
      expectApiError(await outsider.agent.put(url).send({ body: 'x' }), 404);
    }
    const missing = '00000000-0000-4000-8000-000000000000';
    expectApiError(await outsider.agent.get(`/api/me/drafts/reply/${missing}`), 404);
    expectApiError(await outsider.agent.get(`/api/me/drafts/thread/${missing}`), 404);
    expect(await draftCount(outsider.user.id)).toBe(0);
    // Reading is not enough in a room where the member cannot post (not a member of an open room yet).
    const open = await createRoom(admin.agent);
    const visitor = await registerMember(t);
    expectApiError(await visitor.agent.put(`/api/me/drafts/thread/${open.id}`).send({ body: 'x' }), 403);
    expectApiError(await t.agent().get(replyUrl), 401);
  });

  it('refuses bad input in the one error shape and writes nothing', async () => {
    const { writer, thread, replyUrl, threadUrl } = await writerInRoom();
    expectApiError(await writer.agent.put(replyUrl).send({ body: 'x'.repeat(POST_BODY_MAX_LENGTH + 1) }), 400);
    expectApiError(await writer.agent.put(threadUrl).send({ title: 'x'.repeat(THREAD_TITLE_MAX_LENGTH + 1), body: '' }), 400);
    expectApiError(await writer.agent.put(replyUrl).send({}), 400);
    expectApiError(await writer.agent.put(replyUrl).send({ body: 'x', warning: { categories: ['not-a-topic'] } }), 400);
    expectApiError(await writer.agent.put(replyUrl).send({ body: 'x', title: 'a reply has none' }), 400);
    expectApiError(await writer.agent.put(threadUrl).send({ body: 'x', replyToPostId: thread.firstPost.id }), 400);
    expectApiError(await writer.agent.put(replyUrl).send({ body: 'x', replyToPostId: 'nope' }), 400);
    expectApiError(await writer.agent.put(replyUrl).send({ body: 'x', extra: 1 }), 400);
    expectApiError(await writer.agent.get(`/api/me/drafts/story/${thread.id}`), 400);
    expectApiError(await writer.agent.get('/api/me/drafts/reply/not-a-uuid'), 400);
    expect(await draftCount(writer.user.id)).toBe(0);
  });

  it('goes when the words are posted (reply and new thread), and stays when posting is refused', async () => {
    const { room, writer, thread, replyUrl, threadUrl } = await writerInRoom();
    await writer.agent.put(replyUrl).send({ body: 'Soon to be posted' }).expect(200);
    await writer.agent.put(threadUrl).send({ title: 'Soon a thread', body: 'Its words' }).expect(200);
    // A refused reply (a missing warning choice is fine here; a locked thread refuses) keeps the draft.
    await admin.agent.post(`/api/moderation/thread/${thread.id}/actions`).send({ action: 'lock', reason: 'Cooling down for a while.' }).expect(200);
    expectApiError(await writer.agent.post(`/api/threads/${thread.id}/posts`).send({ body: 'Soon to be posted' }), 403);
    expect(await draftOf(writer.agent, replyUrl)).not.toBeNull();
    await admin.agent.post(`/api/moderation/thread/${thread.id}/actions`).send({ action: 'unlock', reason: 'Open again now.' }).expect(200);
    await writer.agent.post(`/api/threads/${thread.id}/posts`).send({ body: 'Soon to be posted' }).expect(201);
    expect(await draftOf(writer.agent, replyUrl)).toBeNull();
    await writer.agent.post(`/api/rooms/${room.id}/threads`).send({ title: 'Soon a thread', body: 'Its words' }).expect(201);
    expect(await draftOf(writer.agent, threadUrl)).toBeNull();
  });

  it('quick exit forgets every draft of the member, on every device', async () => {
    const { writer, replyUrl, threadUrl } = await writerInRoom();
    const otherDevice = await signIn(t, writer.handle);
    await writer.agent.put(replyUrl).send({ body: 'Nobody should find this' }).expect(200);
    await otherDevice.put(threadUrl).send({ title: 'Nor this', body: '' }).expect(200);
    await writer.agent.post('/api/auth/exit').expect(204);
    expect(await draftCount(writer.user.id)).toBe(0);
    const again = await signIn(t, writer.handle);
    expect(await draftOf(again, replyUrl)).toBeNull();
    // A save from the ended session is refused and leaves nothing behind.
    expectApiError(await writer.agent.put(replyUrl).send({ body: 'late' }), 401);
    expect(await draftCount(writer.user.id)).toBe(0);
  });

  it('is in the member\'s export, and account deletion leaves none', async () => {
    const { writer, thread, replyUrl } = await writerInRoom();
    await writer.agent.put(replyUrl).send({ body: 'In my export', replyToPostId: thread.firstPost.id }).expect(200);
    const exported = (await writer.agent.get('/api/me/export').expect(200)).body as { drafts: { kind: string; target_id: string; body: string }[] };
    expect(exported.drafts).toEqual([expect.objectContaining({ kind: 'reply', target_id: thread.id, body: 'In my export' })]);
    await writer.agent.delete('/api/me').send({ password: GOOD_PASSWORD, eraseContent: false }).expect(204);
    expect(await draftCount(writer.user.id)).toBe(0);
  });
});
