/**
 * Registration modes set by admins at run time: open, invite-only (a site invite code is
 * needed, each use counted atomically) and closed, each answered in the one error shape.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { Clock } from '../../apps/api/src/common/clock.js';
import { GOOD_PASSWORD, registerMember, uniqueHandle } from '../support/accounts.js';
import { expectApiError } from '../support/error-shape.js';
import { memberWithRole, type Agent } from '../support/forum.js';
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

const setMode = (registrationMode: string) => admin.patch('/api/admin/site-settings').send({ registrationMode, reason: 'Testing registration modes' }).expect(200);
const register = (extra: Record<string, unknown> = {}, handle = uniqueHandle('joiner')) => t.agent().post('/api/auth/register').send({ handle, password: GOOD_PASSWORD, ...extra });
async function invite(maxUses: number, expiresInHours = 24): Promise<{ id: string; code: string }> {
  const res = await admin.post('/api/admin/site-invites').send({ maxUses, expiresInHours }).expect(201);
  return res.body as { id: string; code: string };
}

describe('registration modes', () => {
  beforeEach(async () => {
    await setMode('open');
  });

  it('open by default: anyone registers, and the public site view says so', async () => {
    expect((await t.http.get('/api/site').expect(200)).body).toEqual({ registrationMode: 'open', demoNotice: false });
    expect((await register()).status).toBe(201);
  });

  it('closed: registration is refused with REGISTRATION_CLOSED, even with a valid code; signing in still works', async () => {
    const member = await registerMember(t);
    const { code } = await invite(5);
    await setMode('closed');
    expect((await t.http.get('/api/site').expect(200)).body.registrationMode).toBe('closed');
    expectApiError(await register(), 403, 'REGISTRATION_CLOSED');
    expectApiError(await register({ inviteCode: code }), 403, 'REGISTRATION_CLOSED');
    await t.agent().post('/api/auth/login').send({ handle: member.handle, password: GOOD_PASSWORD }).expect(200);
  });

  it('invite-only: no code → INVITE_REQUIRED; a wrong code → INVITE_INVALID; a valid code (any case, spaces) → registered', async () => {
    await setMode('invite-only');
    expectApiError(await register(), 400, 'INVITE_REQUIRED');
    expectApiError(await register({ inviteCode: 'NOTACODE' }), 400, 'INVITE_INVALID');
    const { code } = await invite(2);
    expect((await register({ inviteCode: ` ${code.toLowerCase()} ` })).status).toBe(201);
    const [row] = await t.query<{ uses: number }>('SELECT uses FROM site_invites WHERE id = (SELECT id FROM site_invites ORDER BY created_at DESC LIMIT 1)');
    expect(row!.uses).toBe(1);
  });

  it('invite-only: a code is used up at max uses, refused once revoked or expired', async () => {
    await setMode('invite-only');
    const once = await invite(1);
    expect((await register({ inviteCode: once.code })).status).toBe(201);
    expectApiError(await register({ inviteCode: once.code }), 400, 'INVITE_INVALID');

    const revoked = await invite(3);
    await admin.delete(`/api/admin/site-invites/${revoked.id}`).expect(204);
    expectApiError(await register({ inviteCode: revoked.code }), 400, 'INVITE_INVALID');
    expectApiError(await admin.delete(`/api/admin/site-invites/${revoked.id}`), 404);

    const expiring = await invite(3, 1);
    t.get(Clock).advance(2 * 3_600_000);
    expectApiError(await register({ inviteCode: expiring.code }), 400, 'INVITE_INVALID');
    const listed = (await admin.get('/api/admin/site-invites').expect(200)).body as { id: string; code?: string; revoked: boolean; uses: number }[];
    expect(listed.find((i) => i.id === revoked.id)).toMatchObject({ revoked: true, uses: 0 });
    expect(listed.every((i) => i.code === undefined)).toBe(true);
  });

  it('a registration that fails after the code was checked gives the use back', async () => {
    await setMode('invite-only');
    const { id, code } = await invite(1);
    const taken = (await registerMemberWith(code)).handle;
    // Same handle again: HANDLE_TAKEN, and the (already used-up) code was not spent twice.
    const second = await invite(1);
    expectApiError(await register({ inviteCode: second.code }, taken), 409);
    const rows = await t.query<{ id: string; uses: number }>('SELECT id, uses FROM site_invites WHERE id = ANY($1::uuid[])', [[id, second.id]]);
    expect(Object.fromEntries(rows.map((r) => [r.id, r.uses]))).toEqual({ [id]: 1, [second.id]: 0 });
    expect((await register({ inviteCode: second.code })).status).toBe(201);
  });

  it('concurrent registrations never use a code more than its max uses', async () => {
    await setMode('invite-only');
    const { id, code } = await invite(3);
    const results = await Promise.all(Array.from({ length: 12 }, () => register({ inviteCode: code })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    for (const refused of results.filter((r) => r.status !== 201)) expectApiError(refused, 400, 'INVITE_INVALID');
    const [row] = await t.query<{ uses: number }>('SELECT uses FROM site_invites WHERE id = $1', [id]);
    expect(row!.uses).toBe(3);
  });

  it('bad input to the settings is a 400 in the error shape, never stored', async () => {
    expectApiError(await admin.patch('/api/admin/site-settings').send({ registrationMode: 'sometimes', reason: 'x' }), 400);
    expectApiError(await admin.patch('/api/admin/site-settings').send({ registrationMode: 'closed' }), 400);
    expectApiError(await admin.patch('/api/admin/site-settings').send({ registrationMode: null, reason: 'x' }), 400);
    expectApiError(await admin.post('/api/admin/site-invites').send({ maxUses: 0, expiresInHours: 1 }), 400);
    expectApiError(await admin.post('/api/admin/site-invites').send({ maxUses: 1, expiresInHours: 99999 }), 400);
    expectApiError(await register({ inviteCode: 'x'.repeat(65) }), 400);
    expect((await t.http.get('/api/site').expect(200)).body.registrationMode).toBe('open');
  });
});

async function registerMemberWith(inviteCode: string) {
  const handle = uniqueHandle('invited');
  expect((await register({ inviteCode }, handle)).status).toBe(201);
  return { handle };
}
