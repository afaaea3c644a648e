/**
 * The admin routes behind the Community screens, each through the gate: members are refused
 * everything, room moderators get the room-level subset for their own rooms, admins the rest;
 * every change lands in the moderation log with its actor and reason.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { registerMember } from '../support/accounts.js';
import { expectApiError } from '../support/error-shape.js';
import { createRoom, createThread, join, memberWithRole, roomWithModerators, type Agent } from '../support/forum.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Agent;
let adminId: string;

beforeAll(async () => {
  t = await startTestApp();
  const created = await memberWithRole(t, 'admin');
  admin = created.agent;
  adminId = created.user.id;
});
afterAll(async () => {
  await t?.close();
});

interface LogRow {
  actor_id: string;
  action: string;
  reason: string;
  details: Record<string, unknown>;
}
const lastLog = async (action: string) =>
  (await t.query<LogRow>('SELECT actor_id, action, reason, details FROM moderation_log WHERE action = $1 ORDER BY created_at DESC LIMIT 1', [action]))[0];

describe('room settings', () => {
  it('admins create a room with every setting; members and room moderators cannot', async () => {
    const { moderators } = await roomWithModerators(t, admin);
    const member = await registerMember(t);
    const body = {
      slug: `full-${Date.now().toString(36)}`,
      name: 'Evening circle',
      description: 'A quiet room.',
      guidelines: 'Be gentle.',
      visibility: 'listed',
      joinPolicy: 'request',
      requireContentWarning: true,
      premoderateFirstPosts: 2,
      threadSlowModeSeconds: 30,
    };
    expectApiError(await member.agent.post('/api/rooms').send(body), 403);
    expectApiError(await moderators[0]!.agent.post('/api/rooms').send(body), 403);
    const room = (await admin.post('/api/rooms').send(body).expect(201)).body as { id: string };
    const detail = (await admin.get(`/api/rooms/${room.id}`).expect(200)).body;
    expect(detail).toMatchObject({ name: 'Evening circle', joinPolicy: 'request', requireContentWarning: true, premoderateFirstPosts: 2, threadSlowModeSeconds: 30 });
  });

  it("a room moderator changes the room's words, join policy and slow mode, nothing else, and only in their room", async () => {
    const { room, moderators } = await roomWithModerators(t, admin);
    const other = await createRoom(admin);
    const moderator = moderators[0]!;
    await moderator.agent
      .patch(`/api/rooms/${room.id}`)
      .send({ description: 'Now with a new description.', guidelines: 'New guidelines.', joinPolicy: 'request', threadSlowModeSeconds: 60, reason: 'Heated week' })
      .expect(200);
    const entry = await lastLog('room.configure');
    expect(entry).toMatchObject({ actor_id: moderator.user.id, reason: 'Heated week' });
    expect(entry!.details.changed).toEqual(expect.arrayContaining(['description', 'guidelines', 'joinPolicy', 'threadSlowModeSeconds']));
    for (const staffOnly of [{ name: 'Renamed' }, { premoderateFirstPosts: 3 }, { requireContentWarning: true }, { visibility: 'hidden' }, { defaultWarnings: ['violence'] }]) {
      expectApiError(await moderator.agent.patch(`/api/rooms/${room.id}`).send({ ...staffOnly, description: 'mixed' }), 403);
    }
    expectApiError(await moderator.agent.patch(`/api/rooms/${other.id}`).send({ description: 'Not mine' }), 403);
    const member = await registerMember(t);
    await join(member.agent, room.id, { message: 'hello' });
    expectApiError(await member.agent.patch(`/api/rooms/${room.id}`).send({ description: 'Nope' }), 403);
    const detail = (await admin.get(`/api/rooms/${room.id}`).expect(200)).body;
    expect(detail).toMatchObject({ description: 'Now with a new description.', joinPolicy: 'request', threadSlowModeSeconds: 60, premoderateFirstPosts: 0 });
    await admin.patch(`/api/rooms/${room.id}`).send({ name: 'Renamed by admin', premoderateFirstPosts: 1, reason: 'New season' }).expect(200);
    expect(await lastLog('room.configure')).toMatchObject({ actor_id: adminId, reason: 'New season' });
  });

  it('bad settings are a 400 in the error shape', async () => {
    const room = await createRoom(admin);
    for (const bad of [{ threadSlowModeSeconds: -1 }, { premoderateFirstPosts: 'many' }, { joinPolicy: 'maybe' }, { name: null }, { reason: '' }]) {
      expectApiError(await admin.patch(`/api/rooms/${room.id}`).send(bad), 400);
    }
  });
});

describe('archiving rooms', () => {
  it('only admins archive; an archived room is read-only and leaves the directory; restoring brings it back', async () => {
    const { room, moderators } = await roomWithModerators(t, admin);
    const member = await registerMember(t);
    await join(member.agent, room.id);
    const thread = await createThread(member.agent, room.id);
    expectApiError(await member.agent.post(`/api/rooms/${room.id}/archive`).send({ reason: 'x' }), 403);
    expectApiError(await moderators[0]!.agent.post(`/api/rooms/${room.id}/archive`).send({ reason: 'x' }), 403);
    expectApiError(await admin.post(`/api/rooms/${room.id}/archive`).send({}), 400);
    await admin.post(`/api/rooms/${room.id}/archive`).send({ reason: 'The group has ended' }).expect(204);
    expect(await lastLog('room.archive')).toMatchObject({ actor_id: adminId, reason: 'The group has ended' });

    const ids = async (agent: Agent | TestApp['http']) => ((await agent.get('/api/rooms').expect(200)).body as { id: string }[]).map((r) => r.id);
    expect(await ids(member.agent)).not.toContain(room.id);
    expect(await ids(t.http)).not.toContain(room.id);
    const staffView = ((await admin.get('/api/rooms').expect(200)).body as { id: string; archivedAt?: string }[]).find((r) => r.id === room.id);
    expect(staffView?.archivedAt).toEqual(expect.any(String));
    // Still there to read, never deleted; nothing new can be written or changed.
    await member.agent.get(`/api/threads/${thread.id}`).expect(200);
    expectApiError(await member.agent.post(`/api/rooms/${room.id}/threads`).send({ title: 'Another', body: 'Words here.' }), 403, 'ROOM_ARCHIVED');
    expectApiError(await (await registerMember(t)).agent.post(`/api/rooms/${room.id}/join`).send({ acceptGuidelines: true }), 403, 'ROOM_ARCHIVED');
    expectApiError(await moderators[0]!.agent.patch(`/api/rooms/${room.id}`).send({ description: 'x' }), 403, 'ROOM_ARCHIVED');

    await admin.post(`/api/rooms/${room.id}/restore`).send({ reason: 'Meeting again' }).expect(204);
    expect(await ids(member.agent)).toContain(room.id);
    await createThread(member.agent, room.id);
    expect(await lastLog('room.restore')).toMatchObject({ reason: 'Meeting again' });
  });
});

describe('room moderators', () => {
  it('admins find members by handle, appoint and remove them; moderators see the list, members do not', async () => {
    const room = await createRoom(admin);
    const candidate = await registerMember(t, `Findme_${Date.now().toString(36)}`);
    const found = (await admin.get(`/api/admin/users?q=${candidate.handle.slice(0, 12).toUpperCase()}`).expect(200)).body as { id: string; handle: string }[];
    expect(found.map((u) => u.id)).toEqual([candidate.user.id]);
    expect(((await admin.get('/api/admin/users?q=%25').expect(200)).body as unknown[]).length).toBe(0);
    expectApiError(await candidate.agent.get('/api/admin/users?q=f'), 403);

    await admin.put(`/api/rooms/${room.id}/moderators`).send({ userId: candidate.user.id, reason: 'Runs the Tuesday group' }).expect(204);
    expect(await lastLog('moderator.appoint')).toMatchObject({ actor_id: adminId, reason: 'Runs the Tuesday group' });
    expect((await admin.get(`/api/rooms/${room.id}/moderators`).expect(200)).body).toEqual([{ userId: candidate.user.id, handle: candidate.handle }]);
    expect((await candidate.agent.get(`/api/rooms/${room.id}/moderators`).expect(200)).body).toHaveLength(1);
    const member = await registerMember(t);
    await join(member.agent, room.id);
    expectApiError(await member.agent.get(`/api/rooms/${room.id}/moderators`), 403);
    expectApiError(await candidate.agent.put(`/api/rooms/${room.id}/moderators`).send({ userId: member.user.id }), 403);
    await admin.delete(`/api/rooms/${room.id}/moderators/${candidate.user.id}`).expect(204);
    expect((await admin.get(`/api/rooms/${room.id}/moderators`).expect(200)).body).toEqual([]);
  });
});

describe('global roles', () => {
  it('admins change a role with a reason, logged with the before and after; nobody else can', async () => {
    const target = await registerMember(t);
    const { moderators } = await roomWithModerators(t, admin);
    expectApiError(await target.agent.patch(`/api/admin/users/${target.user.id}/role`).send({ role: 'admin', reason: 'me' }), 403);
    expectApiError(await moderators[0]!.agent.patch(`/api/admin/users/${target.user.id}/role`).send({ role: 'moderator', reason: 'x' }), 403);
    expectApiError(await admin.patch(`/api/admin/users/${target.user.id}/role`).send({ role: 'moderator' }), 400);
    expectApiError(await admin.patch(`/api/admin/users/${target.user.id}/role`).send({ role: 'owner', reason: 'x' }), 400);
    const res = await admin.patch(`/api/admin/users/${target.user.id}/role`).send({ role: 'moderator', reason: 'Trusted facilitator' }).expect(200);
    expect(res.body).toEqual({ id: target.user.id, handle: target.handle, role: 'moderator' });
    expect(await lastLog('role.change')).toMatchObject({ actor_id: adminId, reason: 'Trusted facilitator', details: { from: 'member', to: 'moderator' } });
    // At once: the new global moderator sees the moderation queue.
    await target.agent.get('/api/moderation/queue').expect(200);
  });
});

describe('site settings', () => {
  it('only admins read or change them; the demo notice shows on the public site view', async () => {
    const member = await registerMember(t);
    const globalModerator = await memberWithRole(t, 'moderator');
    for (const agent of [member.agent, globalModerator.agent]) {
      expectApiError(await agent.get('/api/admin/site-settings'), 403);
      expectApiError(await agent.patch('/api/admin/site-settings').send({ demoNotice: true, reason: 'x' }), 403);
      expectApiError(await agent.get('/api/admin/site-invites'), 403);
      expectApiError(await agent.post('/api/admin/site-invites').send({ maxUses: 1, expiresInHours: 1 }), 403);
    }
    expectApiError(await t.http.get('/api/admin/site-settings'), 401);
    await admin.patch('/api/admin/site-settings').send({ demoNotice: true, reason: 'Demo week' }).expect(200);
    expect((await t.http.get('/api/site').expect(200)).body.demoNotice).toBe(true);
    expect(await lastLog('site.settings')).toMatchObject({ actor_id: adminId, reason: 'Demo week', details: { changed: { demoNotice: true } } });
    await admin.patch('/api/admin/site-settings').send({ demoNotice: false, reason: 'Demo over' }).expect(200);
  });

  it("crisis resources per country: an admin's list replaces the configured one at once, and null restores it", async () => {
    const before = (await t.http.get('/api/crisis-resources?country=NZ').expect(200)).body as { resources: { id: string; region: string }[] };
    expect(before.resources.some((r) => r.region === 'NZ')).toBe(false);
    const resources = [{ id: 'local-line', name: { en: 'Local line', es: 'Línea local' }, description: 'Any time, free.', phone: '0800 543 354' }];
    const view = (await admin.put('/api/admin/site-settings/crisis-resources/NZ').send({ resources, reason: 'Added the local line' }).expect(200)).body;
    expect(view.crisisOverrides.NZ[0]).toMatchObject({ id: 'local-line', phone: '0800 543 354' });
    const after = (await t.http.get('/api/crisis-resources?country=NZ&lang=es').expect(200)).body as { resources: { id: string; name: string; contacts: { href: string }[] }[] };
    expect(after.resources[0]).toMatchObject({ id: 'local-line', name: 'Línea local', contacts: [{ href: 'tel:0800543354' }] });
    expect((await t.http.get('/api/crisis-resources/countries').expect(200)).body.countries).toContain('NZ');
    expect(await lastLog('site.crisis-resources')).toMatchObject({ reason: 'Added the local line', details: { country: 'NZ', count: 1 } });

    expectApiError(await admin.put('/api/admin/site-settings/crisis-resources/NZ').send({ resources: [{ id: 'x', name: 'No way to reach', description: 'd' }], reason: 'r' }), 400);
    expectApiError(await admin.put('/api/admin/site-settings/crisis-resources/ZZ').send({ resources, reason: 'r' }), 400);
    expectApiError(await admin.put('/api/admin/site-settings/crisis-resources/NZ').send({ resources: [{ ...resources[0], website: 'http://insecure.example' }], reason: 'r' }), 400);
    expectApiError(await admin.put('/api/admin/site-settings/crisis-resources/NZ').send({ resources }), 400);

    await admin.put('/api/admin/site-settings/crisis-resources/NZ').send({ resources: null, reason: 'Back to the configured list' }).expect(200);
    const restored = (await t.http.get('/api/crisis-resources?country=NZ').expect(200)).body as { resources: { region: string }[] };
    expect(restored.resources.some((r) => r.region === 'NZ')).toBe(false);
    expectApiError(await (await registerMember(t)).agent.put('/api/admin/site-settings/crisis-resources/NZ').send({ resources, reason: 'r' }), 403);
  });
});
