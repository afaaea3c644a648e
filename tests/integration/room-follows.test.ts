import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NotificationView, RoomDetail, ThreadDetail } from '@kindred/contracts';
import { RoomThreadNoticesService } from '../../apps/api/src/posts/room-thread-notices.service.js';
import { GOOD_PASSWORD, registerMember } from '../support/accounts.js';
import { expectApiError } from '../support/error-shape.js';
import { createRoom, createThread, join, memberWithRole, type Agent } from '../support/forum.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Issue 14: a member follows a whole room and hears of each new thread there, batched one unread
// notice per room; never from a blocked author, never about what they hide, never once they
// cannot read the room. Held threads are announced on approval only.

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

/** New threads fan out after their commit; wait for every one in flight. */
const settled = () => t.get(RoomThreadNoticesService).settled();

async function startAndSettle(agent: Agent, roomId: string, body: Record<string, unknown> = {}): Promise<ThreadDetail> {
  const thread = await createThread(agent, roomId, body);
  await settled();
  return thread;
}

const roomNotices = async (agent: Agent) => ((await agent.get('/api/me/notifications').expect(200)).body as NotificationView[]).filter((n) => n.kind === 'room-thread');
const following = async (agent: Agent, room: string) => ((await agent.get(`/api/rooms/${room}`).expect(200)).body as RoomDetail).viewer.following;

/** A new member of the room: joined directly when it is open, by an invite otherwise. */
async function memberOf(roomId: string, inviteOnly = false): Promise<Member> {
  const member = await registerMember(t);
  if (!inviteOnly) {
    await join(member.agent, roomId).expect(200);
    return member;
  }
  const invite = (await admin.post(`/api/rooms/${roomId}/invites`).send({ expiresInHours: 1, maxUses: 1 }).expect(201)).body;
  await member.agent.post('/api/invites/redeem').send({ code: invite.code, acceptGuidelines: true }).expect(200);
  return member;
}

async function follower(roomId: string, inviteOnly = false): Promise<Member> {
  const member = await memberOf(roomId, inviteOnly);
  await member.agent.put(`/api/rooms/${roomId}/follow`).expect(204);
  return member;
}

async function roomWithAuthor(settings: Record<string, unknown> = {}) {
  const room = await createRoom(admin, settings);
  const author = await registerMember(t);
  await join(author.agent, room.id).expect(200);
  return { room, author };
}

describe('following a room', () => {
  it('follow and unfollow by id or slug, idempotently, shown in the room state for the member', async () => {
    const { room } = await roomWithAuthor();
    const member = await registerMember(t);
    await join(member.agent, room.id).expect(200);
    expect(await following(member.agent, room.id)).toBe(false);
    await member.agent.put(`/api/rooms/${room.id}/follow`).expect(204);
    await member.agent.put(`/api/rooms/${room.slug}/follow`).expect(204);
    expect(await following(member.agent, room.slug)).toBe(true);
    await member.agent.delete(`/api/rooms/${room.id}/follow`).expect(204);
    await member.agent.delete(`/api/rooms/${room.id}/follow`).expect(204);
    expect(await following(member.agent, room.id)).toBe(false);
  });

  it('only someone who can read the room may follow it; a hidden room stays a 404 to outsiders', async () => {
    const open = await createRoom(admin);
    const inviteOnly = await createRoom(admin, { joinPolicy: 'invite' });
    const hidden = await createRoom(admin, { visibility: 'hidden', joinPolicy: 'invite' });
    const outsider = await registerMember(t);
    expectApiError(await t.http.put(`/api/rooms/${open.id}/follow`), 401);
    // A listed, open room is readable by every signed-in member, so they may follow it (and hear of it).
    await outsider.agent.put(`/api/rooms/${open.id}/follow`).expect(204);
    await startAndSettle(admin, open.id);
    expect(await roomNotices(outsider.agent)).toHaveLength(1);
    await outsider.agent.delete(`/api/rooms/${open.id}/follow`).expect(204);
    for (const path of [`/api/rooms/${inviteOnly.id}/follow`, `/api/rooms/${hidden.id}/follow`, `/api/rooms/${hidden.slug}/follow`, '/api/rooms/00000000-0000-4000-8000-000000000000/follow']) {
      expectApiError(await outsider.agent.put(path), 404);
      expectApiError(await outsider.agent.delete(path), 404);
    }
    expect(await t.query('SELECT 1 FROM room_follows WHERE user_id = $1', [outsider.user.id])).toHaveLength(0);
  });
});

describe('room-thread notices: who hears of a new thread', () => {
  it('followers who can read the room, minus the author, a block, a hidden warning, a personal filter, a member who left or was removed', async () => {
    // Invite-only, so that only members (and staff) can read it.
    const room = await createRoom(admin, { joinPolicy: 'invite' });
    const author = await memberOf(room.id, true);
    const plain = await follower(room.id, true);
    const blocker = await follower(room.id, true);
    await blocker.agent.post('/api/me/blocks').send({ handle: author.handle }).expect(201);
    const hider = await follower(room.id, true);
    await hider.agent.put('/api/me/warning-preferences').send({ 'self-harm': 'hide' }).expect(200);
    const filterer = await follower(room.id, true);
    await filterer.agent.post('/api/me/filters').send({ phrase: 'lighthouse', mode: 'hide' }).expect(201);
    const leaver = await follower(room.id, true);
    await leaver.agent.post(`/api/rooms/${room.id}/leave`).expect(204);
    const removed = await follower(room.id, true);
    await t.query('DELETE FROM room_memberships WHERE room_id = $1 AND user_id = $2', [room.id, removed.user.id]);
    const bystander = await memberOf(room.id, true);
    // Staff read every room: a global moderator who follows hears without being a member.
    const staff = await memberWithRole(t, 'moderator');
    await staff.agent.put(`/api/rooms/${room.id}/follow`).expect(204);
    await author.agent.put(`/api/rooms/${room.id}/follow`).expect(204);

    await startAndSettle(author.agent, room.id, { title: 'The lighthouse at night', body: 'It helped me.', warning: { categories: ['self-harm'] } });

    for (const told of [plain, staff]) {
      const [notice, ...more] = await roomNotices(told.agent);
      expect(more).toHaveLength(0);
      expect(notice).toMatchObject({ code: 'room-thread.new', params: { roomName: expect.any(String), count: 1 }, link: `/rooms/${room.slug}`, read: false });
    }
    for (const untold of [author, blocker, hider, filterer, leaver, removed, bystander]) expect(await roomNotices(untold.agent)).toEqual([]);
    // Leaving ended the follow: joining again does not quietly bring notices back.
    const invite = (await admin.post(`/api/rooms/${room.id}/invites`).send({ expiresInHours: 1, maxUses: 1 }).expect(201)).body;
    await leaver.agent.post('/api/invites/redeem').send({ code: invite.code, acceptGuidelines: true }).expect(200);
    expect(await following(leaver.agent, room.id)).toBe(false);
  });

  it('a thread without the hidden warning still reaches the member who hides it; crisis words warned automatically do not', async () => {
    const { room, author } = await roomWithAuthor();
    const hider = await follower(room.id);
    await hider.agent.put('/api/me/warning-preferences').send({ suicide: 'hide' }).expect(200);
    await startAndSettle(author.agent, room.id, { title: 'Tonight', body: 'I want to end my life tonight.' });
    expect(await roomNotices(hider.agent)).toEqual([]);
    await startAndSettle(author.agent, room.id, { title: 'A calmer day' });
    expect((await roomNotices(hider.agent)).map((n) => (n.params as { count: number }).count)).toEqual([1]);
  });

  it('batched: one unread notice per room whose count grows; reading it starts a new one', async () => {
    const { room, author } = await roomWithAuthor();
    const reader = await follower(room.id);
    await startAndSettle(author.agent, room.id, { title: 'First' });
    await startAndSettle(author.agent, room.id, { title: 'Second' });
    const [batched, ...more] = await roomNotices(reader.agent);
    expect(more).toHaveLength(0);
    expect(batched!.params).toMatchObject({ count: 2 });
    await reader.agent.post(`/api/me/notifications/${batched!.id}/read`).expect(204);
    await startAndSettle(author.agent, room.id, { title: 'Third' });
    const after = await roomNotices(reader.agent);
    expect(after.map((n) => [n.read, (n.params as { count: number }).count])).toEqual([
      [false, 1],
      [true, 2],
    ]);
  });

  it('a private room: members who follow hear of it; a member who left hears nothing, and nothing reveals the room to anyone else', async () => {
    const room = await createRoom(admin, { visibility: 'hidden', joinPolicy: 'invite' });
    const stayer = await follower(room.id, true);
    const leaver = await follower(room.id, true);
    await leaver.agent.post(`/api/rooms/${room.id}/leave`).expect(204);
    await startAndSettle(admin, room.id, { title: 'Inside' });
    expect(await roomNotices(stayer.agent)).toHaveLength(1);
    expect(await roomNotices(leaver.agent)).toEqual([]);
    expectApiError(await leaver.agent.put(`/api/rooms/${room.id}/follow`), 404);
  });

  it('a held thread tells no one until a moderator approves it, then its followers hear of it', async () => {
    const { room } = await roomWithAuthor({ premoderateFirstPosts: 1 });
    const reader = await follower(room.id);
    const newcomer = await registerMember(t);
    await join(newcomer.agent, room.id).expect(200);
    const held = await startAndSettle(newcomer.agent, room.id, { title: 'Waiting' });
    expect(await roomNotices(reader.agent)).toEqual([]);
    await admin.post(`/api/moderation/thread/${held.id}/actions`).send({ action: 'approve', reason: 'Welcome' }).expect(200);
    await settled();
    expect(await roomNotices(reader.agent)).toHaveLength(1);
  });
});

describe('notification settings', () => {
  it('defaults are all on; each switch changes alone; bad input is a 400 and changes nothing', async () => {
    const member = await registerMember(t);
    const defaults = { autoFollow: true, replies: true, mentions: true, roomThreads: true, moderation: true, care: true, sessions: true };
    expect((await member.agent.get('/api/me/notification-settings').expect(200)).body).toEqual(defaults);
    expect((await member.agent.patch('/api/me/notification-settings').send({ roomThreads: false }).expect(200)).body).toEqual({ ...defaults, roomThreads: false });
    for (const bad of [{ replies: null }, { replies: 'no' }, { everything: false }]) {
      expectApiError(await member.agent.patch('/api/me/notification-settings').send(bad), 400);
    }
    expect((await member.agent.get('/api/me/notification-settings').expect(200)).body).toEqual({ ...defaults, roomThreads: false });
    expectApiError(await t.http.get('/api/me/notification-settings'), 401);
  });

  it('room threads switched off: no notice is written; on again: the next one arrives', async () => {
    const { room, author } = await roomWithAuthor();
    const reader = await follower(room.id);
    await reader.agent.patch('/api/me/notification-settings').send({ roomThreads: false }).expect(200);
    await startAndSettle(author.agent, room.id);
    expect(await roomNotices(reader.agent)).toEqual([]);
    await reader.agent.patch('/api/me/notification-settings').send({ roomThreads: true }).expect(200);
    await startAndSettle(author.agent, room.id);
    expect(await roomNotices(reader.agent)).toHaveLength(1);
  });

  it('moderation outcomes switched off: a held post decision is not sent, but a sanction (with its appeal) always is', async () => {
    const { room } = await roomWithAuthor({ premoderateFirstPosts: 1 });
    const newcomer = await registerMember(t);
    await join(newcomer.agent, room.id).expect(200);
    await newcomer.agent.patch('/api/me/notification-settings').send({ moderation: false }).expect(200);
    const held = await createThread(newcomer.agent, room.id, { title: 'Held' });
    await admin.post(`/api/moderation/thread/${held.id}/actions`).send({ action: 'approve', reason: 'Welcome' }).expect(200);
    await admin.post(`/api/moderation/thread/${held.id}/actions`).send({ action: 'hide', reason: 'Checking something' }).expect(200);
    const kinds = ((await newcomer.agent.get('/api/me/notifications').expect(200)).body as NotificationView[]).map((n) => [n.kind, n.appealable]);
    expect(kinds).toEqual([['moderation-action', true]]);
  });

  it('auto-follow off: starting or replying to a thread does not follow it; on (the default) it does', async () => {
    const { room, author } = await roomWithAuthor();
    await author.agent.patch('/api/me/notification-settings').send({ autoFollow: false }).expect(200);
    const quiet = await createThread(author.agent, room.id);
    expect(quiet.followed).toBe(false);
    const other = await createThread(admin, room.id);
    await author.agent.post(`/api/threads/${other.id}/posts`).send({ body: 'Just reading along.' }).expect(201);
    expect(((await author.agent.get(`/api/threads/${other.id}`).expect(200)).body as ThreadDetail).followed).toBe(false);
    await author.agent.patch('/api/me/notification-settings').send({ autoFollow: true }).expect(200);
    expect((await createThread(author.agent, room.id)).followed).toBe(true);
  });

  it('replies switched off: a followed thread sends no reply notice', async () => {
    const { room, author } = await roomWithAuthor();
    const thread = await createThread(author.agent, room.id);
    await author.agent.patch('/api/me/notification-settings').send({ replies: false }).expect(200);
    await admin.post(`/api/threads/${thread.id}/posts`).send({ body: 'Welcome here.' }).expect(201);
    const { ReplyNoticesService } = await import('../../apps/api/src/posts/reply-notices.service.js');
    await t.get(ReplyNoticesService).settled();
    expect(((await author.agent.get('/api/me/notifications').expect(200)).body as NotificationView[]).filter((n) => n.kind === 'reply')).toEqual([]);
  });

  it('in the export; account deletion removes the settings and room follows', async () => {
    const { room } = await roomWithAuthor();
    const member = await follower(room.id);
    await member.agent.patch('/api/me/notification-settings').send({ care: false }).expect(200);
    const exported = (await member.agent.get('/api/me/export').expect(200)).body;
    expect(exported.notificationSettings).toMatchObject({ care: false, roomThreads: true });
    expect(exported.roomFollows).toEqual([{ room: expect.any(String), created_at: expect.any(String) }]);
    await member.agent.delete('/api/me').send({ password: GOOD_PASSWORD, eraseContent: false }).expect(204);
    expect(await t.query('SELECT 1 FROM notification_settings WHERE user_id = $1', [member.user.id])).toHaveLength(0);
    expect(await t.query('SELECT 1 FROM room_follows WHERE user_id = $1', [member.user.id])).toHaveLength(0);
  });
});
