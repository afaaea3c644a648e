import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Clock } from '../../apps/api/src/common/clock.js';
import { registerMember } from '../support/accounts.js';
import { expectApiError } from '../support/error-shape.js';
import { createRoom, createThread, join, memberWithRole, type Agent } from '../support/forum.js';
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

describe('creating and configuring rooms', () => {
  it('only admins create rooms; the slug is unique', async () => {
    const { agent } = await registerMember(t);
    expectApiError(
      await agent.post('/api/rooms').send({ slug: 'nope', name: 'Nope', description: '', guidelines: '', visibility: 'listed', joinPolicy: 'open' }),
      403,
    );
    const room = await createRoom(admin, { slug: 'unique-slug-room' });
    expect(room.slug).toBe('unique-slug-room');
    expectApiError(
      await admin.post('/api/rooms').send({ slug: 'unique-slug-room', name: 'Again', description: '', guidelines: '', visibility: 'listed', joinPolicy: 'open' }),
      409,
    );
  });

  it('shows guidelines rendered safely and the viewer state', async () => {
    const room = await createRoom(admin, { guidelines: '# Be gentle\n<script>alert(1)</script>' });
    const res = await t.http.get(`/api/rooms/${room.slug}`).expect(200);
    expect(res.body.guidelinesHtml).toContain('<h3>Be gentle</h3>');
    expect(res.body.guidelinesHtml).not.toContain('<script');
    expect(res.body.viewer).toEqual({ isMember: false, role: null, canModerate: false, joinRequestPending: false, following: false });
  });
});

describe('join policies', () => {
  it('open: joining needs the guidelines accepted; members can leave', async () => {
    const room = await createRoom(admin);
    const { agent } = await registerMember(t);
    expectApiError(await agent.post(`/api/rooms/${room.id}/join`).send({ acceptGuidelines: false }), 400);
    expectApiError(await agent.post(`/api/rooms/${room.id}/join`).send({}), 400);
    expect((await join(agent, room.id)).body).toEqual({ outcome: 'joined' });
    expect((await join(agent, room.id)).body).toEqual({ outcome: 'already-member' });
    expect((await agent.get(`/api/rooms/${room.id}`)).body.viewer.isMember).toBe(true);
    const listed = (await agent.get('/api/rooms')).body.find((r: { id: string }) => r.id === room.id);
    expect(listed.viewer).toEqual({ isMember: true, role: 'member', joinRequestPending: false });
    expect((await t.http.get('/api/rooms')).body.find((r: { id: string }) => r.id === room.id).viewer).toBeUndefined();
    await agent.post(`/api/rooms/${room.id}/leave`).expect(204);
    expect((await agent.get(`/api/rooms/${room.id}`)).body.viewer.isMember).toBe(false);
  });

  it('request: a moderator approves or denies; only moderators see the requests', async () => {
    const room = await createRoom(admin, { joinPolicy: 'request' });
    const moderator = await registerMember(t);
    await admin.put(`/api/rooms/${room.id}/moderators`).send({ userId: moderator.user.id }).expect(204);
    const alice = await registerMember(t);
    const bob = await registerMember(t);

    expect((await join(alice.agent, room.id, { message: 'I left last spring and could use support.' })).body).toEqual({ outcome: 'requested' });
    expect((await join(bob.agent, room.id)).body).toEqual({ outcome: 'requested' });
    expect((await alice.agent.get(`/api/rooms/${room.id}`)).body.viewer.joinRequestPending).toBe(true);
    // Not a member yet: the room's threads are not found, and posting is refused.
    expectApiError(await alice.agent.get(`/api/rooms/${room.id}/threads`), 404);
    expectApiError(await alice.agent.post(`/api/rooms/${room.id}/threads`).send({ title: 'Hi', body: 'Hello' }), 404);
    expectApiError(await alice.agent.get(`/api/rooms/${room.id}/join-requests`), 403);

    const requests = (await moderator.agent.get(`/api/rooms/${room.id}/join-requests`).expect(200)).body as { id: string; user: { id: string }; message: string | null }[];
    const aliceRequest = requests.find((r) => r.user.id === alice.user.id)!;
    const bobRequest = requests.find((r) => r.user.id === bob.user.id)!;
    expect(aliceRequest.message).toBe('I left last spring and could use support.');

    await moderator.agent.post(`/api/rooms/${room.id}/join-requests/${aliceRequest.id}/decision`).send({ approve: true }).expect(204);
    await moderator.agent.post(`/api/rooms/${room.id}/join-requests/${bobRequest.id}/decision`).send({ approve: false, reason: 'Room is full' }).expect(204);
    expectApiError(await moderator.agent.post(`/api/rooms/${room.id}/join-requests/${bobRequest.id}/decision`).send({ approve: true }), 404);

    await alice.agent.get(`/api/rooms/${room.id}/threads`).expect(200);
    await createThread(alice.agent, room.id);
    expectApiError(await bob.agent.get(`/api/rooms/${room.id}/threads`), 404);
    const log = await t.query<{ action: string }>(`SELECT action FROM moderation_log WHERE room_id = $1 AND action LIKE 'join-request.%' ORDER BY created_at`, [room.id]);
    expect(log.map((l) => l.action)).toEqual(['join-request.approve', 'join-request.deny']);
  });

  it('answers to join requests reach the person as notices naming the room, not as decisions about them to appeal', async () => {
    const room = await createRoom(admin, { joinPolicy: 'request', name: 'Tuesday circle' });
    const moderator = await registerMember(t);
    await admin.put(`/api/rooms/${room.id}/moderators`).send({ userId: moderator.user.id }).expect(204);
    const alice = await registerMember(t);
    const bob = await registerMember(t);
    await join(alice.agent, room.id, { message: 'Hello' });
    await join(bob.agent, room.id);
    const requests = (await moderator.agent.get(`/api/rooms/${room.id}/join-requests`).expect(200)).body as { id: string; user: { id: string } }[];
    const decide = (userId: string, body: object) =>
      moderator.agent.post(`/api/rooms/${room.id}/join-requests/${requests.find((r) => r.user.id === userId)!.id}/decision`).send(body).expect(204);
    await decide(alice.user.id, { approve: true });
    await decide(bob.user.id, { approve: false, reason: 'Room is full this month' });

    const [approved] = (await alice.agent.get('/api/me/notifications').expect(200)).body;
    expect(approved).toMatchObject({ kind: 'join-request-approved', link: `/rooms/${room.slug}`, appealable: false, logEntryId: null });
    expect(approved.title).toContain('Tuesday circle');
    // What the app renders in the member's language: a code with the room as parameters.
    expect(approved).toMatchObject({ code: 'join-request.approved', params: { roomName: 'Tuesday circle', roomSlug: room.slug } });
    const [declined] = (await bob.agent.get('/api/me/notifications').expect(200)).body;
    expect(declined).toMatchObject({ kind: 'join-request-declined', link: null, appealable: false, logEntryId: null });
    expect(`${declined.title} ${declined.body}`).toContain('Tuesday circle');
    // The reason was written for the log (the moderator's form says so), not for the notice.
    expect(declined.body).not.toContain('Room is full');
    expect(declined).toMatchObject({ code: 'join-request.declined', params: { roomName: 'Tuesday circle' } });
    expect(JSON.stringify(declined.params)).not.toContain('Room is full');

    // Not among the decisions about them, and not appealable by id either.
    expect((await alice.agent.get('/api/me/moderation-log').expect(200)).body).toEqual([]);
    expect((await bob.agent.get('/api/me/moderation-log').expect(200)).body).toEqual([]);
    const entries = await t.query<{ id: string; subject_user_id: string }>(`SELECT id, subject_user_id FROM moderation_log WHERE room_id = $1 AND action LIKE 'join-request.%'`, [room.id]);
    for (const entry of entries) {
      const member = entry.subject_user_id === alice.user.id ? alice : bob;
      expectApiError(await member.agent.post('/api/appeals').send({ logEntryId: entry.id, message: 'Please look again.' }), 400, 'NOT_APPEALABLE');
    }
    expect(await t.query(`SELECT 1 FROM queue_items WHERE kind = 'appeal' AND room_id = $1`, [room.id])).toEqual([]);

    // Moderators still find both answers in the room's log.
    const log = (await moderator.agent.get('/api/moderation/log').query({ room: room.id }).expect(200)).body.entries as { action: string; appealable: boolean }[];
    expect(log.filter((e) => e.action.startsWith('join-request.')).map((e) => [e.action, e.appealable])).toEqual([
      ['join-request.deny', false],
      ['join-request.approve', false],
    ]);
  });

  it('invite: codes work until they expire, are used up, or are revoked', async () => {
    const room = await createRoom(admin, { joinPolicy: 'invite' });
    const invite = (await admin.post(`/api/rooms/${room.id}/invites`).send({ expiresInHours: 2, maxUses: 1 }).expect(201)).body;
    expect(invite.code).toMatch(/^[A-Z2-9]{12}$/);
    expect((await admin.get(`/api/rooms/${room.id}/invites`)).body[0].code).toBeUndefined();

    const first = await registerMember(t);
    const second = await registerMember(t);
    expectApiError(await join(first.agent, room.id), 400, 'INVITE_INVALID');
    expectApiError(await join(first.agent, room.id, { inviteCode: 'WRONGWRONG22' }), 400, 'INVITE_INVALID');
    expect((await join(first.agent, room.id, { inviteCode: invite.code.toLowerCase() })).body).toEqual({ outcome: 'joined' });
    expectApiError(await join(second.agent, room.id, { inviteCode: invite.code }), 400, 'INVITE_INVALID');

    const expiring = (await admin.post(`/api/rooms/${room.id}/invites`).send({ expiresInHours: 1, maxUses: 5 }).expect(201)).body;
    t.get(Clock).advance(61 * 60_000);
    try {
      expectApiError(await join(second.agent, room.id, { inviteCode: expiring.code }), 400, 'INVITE_INVALID');
    } finally {
      t.get(Clock).advance(-61 * 60_000);
    }
    const revoked = (await admin.post(`/api/rooms/${room.id}/invites`).send({ expiresInHours: 1, maxUses: 5 }).expect(201)).body;
    await admin.delete(`/api/rooms/${room.id}/invites/${revoked.id}`).expect(204);
    expectApiError(await join(second.agent, room.id, { inviteCode: revoked.code }), 400, 'INVITE_INVALID');
    const fresh = (await admin.post(`/api/rooms/${room.id}/invites`).send({ expiresInHours: 1, maxUses: 5 }).expect(201)).body;
    expect((await join(second.agent, room.id, { inviteCode: fresh.code })).body).toEqual({ outcome: 'joined' });
  });

  it('hidden: not listed and 404 to outsiders, visible to members', async () => {
    const room = await createRoom(admin, { visibility: 'hidden', joinPolicy: 'invite' });
    const outsider = await registerMember(t);
    const thread = await createThread(admin, room.id);
    const slugs = (agent: Agent) => agent.get('/api/rooms').then((r) => (r.body as { slug: string }[]).map((x) => x.slug));
    expect(await slugs(outsider.agent)).not.toContain(room.slug);
    expect((await t.http.get('/api/rooms')).body.map((r: { slug: string }) => r.slug)).not.toContain(room.slug);
    for (const path of [`/api/rooms/${room.slug}`, `/api/rooms/${room.id}`, `/api/rooms/${room.id}/threads`, `/api/threads/${thread.id}`, `/api/threads/${thread.id}/posts`]) {
      expectApiError(await outsider.agent.get(path), 404);
    }
    expectApiError(await t.http.get(`/api/rooms/${room.slug}`), 404);
    expectApiError(await join(outsider.agent, room.id), 404);

    const invite = (await admin.post(`/api/rooms/${room.id}/invites`).send({ expiresInHours: 1, maxUses: 1 })).body;
    // Knowing the room id reveals nothing; the code alone (no room id) lets you in.
    const insider = await registerMember(t);
    expectApiError(await join(insider.agent, room.id, { inviteCode: invite.code }), 404);
    expect(await slugs(insider.agent)).not.toContain(room.slug);
    expectApiError(await insider.agent.post('/api/invites/redeem').send({ code: 'NOTAREALCODE', acceptGuidelines: true }), 400, 'INVITE_INVALID');
    expectApiError(await insider.agent.post('/api/invites/redeem').send({ code: invite.code, acceptGuidelines: false }), 400);
    const redeemed = (await insider.agent.post('/api/invites/redeem').send({ code: invite.code, acceptGuidelines: true }).expect(200)).body;
    expect(redeemed).toMatchObject({ outcome: 'joined', room: { id: room.id, slug: room.slug } });
    expect(await slugs(insider.agent)).toContain(room.slug);
    await insider.agent.get(`/api/threads/${thread.id}`).expect(200);
    // Used up: the next person with the same code is refused.
    const late = await registerMember(t);
    expectApiError(await late.agent.post('/api/invites/redeem').send({ code: invite.code, acceptGuidelines: true }), 400, 'INVITE_INVALID');
  });
});

describe('posting and moderation boundaries', () => {
  it('non-members cannot post in an open room (403) though they can read it', async () => {
    const room = await createRoom(admin);
    await createThread(admin, room.id);
    const { agent } = await registerMember(t);
    await agent.get(`/api/rooms/${room.id}/threads`).expect(200);
    expectApiError(await agent.post(`/api/rooms/${room.id}/threads`).send({ title: 'Hi', body: 'Hello' }), 403, 'NOT_A_MEMBER');
    expectApiError(await t.http.get(`/api/rooms/${room.id}/threads`), 401);
  });

  it('a room moderator moderates only their room', async () => {
    const roomA = await createRoom(admin, { joinPolicy: 'request' });
    const roomB = await createRoom(admin, { joinPolicy: 'request' });
    const moderator = await registerMember(t);
    await admin.put(`/api/rooms/${roomA.id}/moderators`).send({ userId: moderator.user.id }).expect(204);
    await moderator.agent.get(`/api/rooms/${roomA.id}/join-requests`).expect(200);
    expectApiError(await moderator.agent.get(`/api/rooms/${roomB.id}/join-requests`), 403);
    expectApiError(await moderator.agent.patch(`/api/rooms/${roomB.id}`).send({ threadSlowModeSeconds: 5 }), 403);
    await moderator.agent.patch(`/api/rooms/${roomA.id}`).send({ threadSlowModeSeconds: 5 }).expect(200);
    // Appointing moderators is for admins only.
    expectApiError(await moderator.agent.put(`/api/rooms/${roomA.id}/moderators`).send({ userId: moderator.user.id }), 403);
  });
});
