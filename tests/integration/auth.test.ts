import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Clock } from '../../apps/api/src/common/clock.js';
import { GOOD_PASSWORD, registerMember, signIn, signedInHandle, uniqueHandle } from '../support/accounts.js';
import { sessionCookie } from '../support/cookies.js';
import { expectApiError } from '../support/error-shape.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '15', SESSION_IDLE_TIMEOUT_MINUTES: '30' });
});
afterAll(async () => {
  await t?.close();
});

describe('registration', () => {
  it('creates a member, signs them in and never returns the password hash', async () => {
    const handle = uniqueHandle('Willow');
    const res = await t.http.post('/api/auth/register').send({ handle, password: GOOD_PASSWORD, email: 'w@example.org' }).expect(201);
    expect(res.body).toEqual({ id: expect.any(String), handle, role: 'member', createdAt: expect.any(String), language: null, recoveryCodes: expect.any(Array) });
    expect(JSON.stringify(res.body)).not.toMatch(/argon|hash|email/i);
    expect(sessionCookie(res)?.value).toMatch(/^[A-Za-z0-9_-]{40,}$/);
  });

  it('refuses a handle that differs only in letter case (409)', async () => {
    const handle = uniqueHandle('River');
    await t.http.post('/api/auth/register').send({ handle, password: GOOD_PASSWORD }).expect(201);
    const res = await t.http.post('/api/auth/register').send({ handle: handle.toUpperCase(), password: GOOD_PASSWORD });
    expectApiError(res, 409, 'HANDLE_TAKEN');
  });

  it.each([
    ['too short', 'short-pw1'],
    ['a common password', 'password123'],
    ['one repeated character', 'aaaaaaaaaaaa'],
  ])('rejects a weak password: %s (400)', async (_, password) => {
    const res = await t.http.post('/api/auth/register').send({ handle: uniqueHandle(), password });
    expectApiError(res, 400, 'WEAK_PASSWORD');
    expect(res.body.details[0].field).toBe('password');
  });

  it('rejects a password that contains the handle', async () => {
    const handle = uniqueHandle('Fern');
    const res = await t.http.post('/api/auth/register').send({ handle, password: `${handle}-secret-words` });
    expectApiError(res, 400, 'WEAK_PASSWORD');
  });

  it.each([
    ['too short', 'ab'],
    ['too long', 'x'.repeat(33)],
    ['spaces', 'two words'],
    ['symbols', 'name@home'],
    ['non-latin look-alikes', 'аdmin'],
  ])('rejects a handle that is %s (400)', async (_, handle) => {
    const res = await t.http.post('/api/auth/register').send({ handle, password: GOOD_PASSWORD });
    expectApiError(res, 400, 'VALIDATION_FAILED');
    expect(res.body.details.some((d: { field: string }) => d.field === 'handle')).toBe(true);
  });

  it('writes no row when validation fails', async () => {
    const handle = uniqueHandle('ghost');
    await t.http.post('/api/auth/register').send({ handle, password: 'short' }).expect(400);
    const rows = await t.query<{ n: number }>('SELECT count(*)::int AS n FROM users WHERE handle_key = $1', [handle.toLowerCase()]);
    expect(rows[0]!.n).toBe(0);
  });
});

describe('session cookie', () => {
  it('is httpOnly, SameSite=Lax, path=/, a browser-session cookie, not Secure over plain http', async () => {
    const res = await t.http.post('/api/auth/register').send({ handle: uniqueHandle(), password: GOOD_PASSWORD }).expect(201);
    const cookie = sessionCookie(res)!;
    expect(cookie.attributes.httponly).toBe(true);
    expect(String(cookie.attributes.samesite).toLowerCase()).toBe('lax');
    expect(cookie.attributes.path).toBe('/');
    expect(cookie.attributes.secure).toBeUndefined();
    expect(cookie.attributes['max-age']).toBeUndefined();
  });

  it('is Secure when the request arrived over TLS at a trusted proxy', async () => {
    const proxied = await startTestApp({ TRUST_PROXY: 'true' });
    try {
      const res = await proxied.http
        .post('/api/auth/register')
        .set('X-Forwarded-Proto', 'https')
        .send({ handle: uniqueHandle(), password: GOOD_PASSWORD })
        .expect(201);
      expect(sessionCookie(res)!.attributes.secure).toBe(true);
    } finally {
      await proxied.close();
    }
  });

  it('stores only a hash of the token', async () => {
    const res = await t.http.post('/api/auth/register').send({ handle: uniqueHandle(), password: GOOD_PASSWORD }).expect(201);
    const token = sessionCookie(res)!.value;
    const rows = await t.query<{ n: number }>('SELECT count(*)::int AS n FROM sessions WHERE token_hash = $1', [token]);
    expect(rows[0]!.n).toBe(0);
  });
});

describe('login and logout', () => {
  it('signs in with the right password, case-insensitively by handle', async () => {
    const { handle } = await registerMember(t, uniqueHandle('Oak'));
    const res = await t.http.post('/api/auth/login').send({ handle: handle.toUpperCase(), password: GOOD_PASSWORD }).expect(200);
    expect(res.body.handle).toBe(handle);
    expect(sessionCookie(res)).toBeDefined();
  });

  it('gives the same answer for a wrong password and an unknown handle (no enumeration)', async () => {
    const { handle } = await registerMember(t);
    const wrong = await t.http.post('/api/auth/login').send({ handle, password: 'not-the-password-1' });
    const unknown = await t.http.post('/api/auth/login').send({ handle: uniqueHandle('nobody'), password: 'not-the-password-1' });
    expectApiError(wrong, 401, 'INVALID_CREDENTIALS');
    expectApiError(unknown, 401, 'INVALID_CREDENTIALS');
    expect(unknown.body.message).toBe(wrong.body.message);
  });

  it('answers "who is signed in" with 200 and user null when nobody is, clearing a cookie whose session ended', async () => {
    const anonymous = await t.http.get('/api/auth/me').expect(200);
    expect(anonymous.body).toEqual({ user: null });
    expect(sessionCookie(anonymous)).toBeUndefined();
    const { agent, handle, user } = await registerMember(t);
    expect((await agent.get('/api/auth/me').expect(200)).body).toEqual({ user: { id: user.id, handle, role: 'member', createdAt: expect.any(String), language: null } });
    const login = await t.http.post('/api/auth/login').send({ handle, password: GOOD_PASSWORD }).expect(200);
    const token = sessionCookie(login)!.value;
    await t.http.post('/api/auth/logout').set('Cookie', `kindred_session=${token}`).expect(204);
    const ended = await t.http.get('/api/auth/me').set('Cookie', `kindred_session=${token}`).expect(200);
    expect(ended.body).toEqual({ user: null });
    expect(sessionCookie(ended)?.value).toBe('');
  });

  it('rotates the session token at login and ends the previous session', async () => {
    const handle = uniqueHandle();
    const registered = await t.http.post('/api/auth/register').send({ handle, password: GOOD_PASSWORD }).expect(201);
    const oldToken = sessionCookie(registered)!.value;
    expect(signedInHandle(await t.http.get('/api/auth/me').set('Cookie', `kindred_session=${oldToken}`))).not.toBeNull();
    const res = await t.http
      .post('/api/auth/login')
      .set('Cookie', `kindred_session=${oldToken}`)
      .send({ handle, password: GOOD_PASSWORD })
      .expect(200);
    const newToken = sessionCookie(res)!.value;
    expect(newToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(newToken).not.toBe(oldToken);
    expect(signedInHandle(await t.http.get('/api/auth/me').set('Cookie', `kindred_session=${oldToken}`))).toBeNull();
    expect(signedInHandle(await t.http.get('/api/auth/me').set('Cookie', `kindred_session=${newToken}`))).not.toBeNull();
  });

  it('logout invalidates the session on the server, not just the cookie', async () => {
    const { agent } = await registerMember(t);
    const login = await t.http.post('/api/auth/login').send({ handle: (await agent.get('/api/auth/me')).body.user.handle, password: GOOD_PASSWORD });
    const token = sessionCookie(login)!.value;
    expect(signedInHandle(await t.http.get('/api/auth/me').set('Cookie', `kindred_session=${token}`))).not.toBeNull();
    const out = await t.http.post('/api/auth/logout').set('Cookie', `kindred_session=${token}`).expect(204);
    expect(sessionCookie(out)?.value ?? '').toBe('');
    // Replaying the old token (as a thief with a copy would) no longer works.
    expect(signedInHandle(await t.http.get('/api/auth/me').set('Cookie', `kindred_session=${token}`))).toBeNull();
  });

  it('log out everywhere ends every session of the member', async () => {
    const { handle } = await registerMember(t);
    const phone = await signIn(t, handle);
    const laptop = await signIn(t, handle);
    const res = await phone.post('/api/auth/logout-everywhere').expect(200);
    expect(res.body.revoked).toBeGreaterThanOrEqual(3);
    expect(signedInHandle(await laptop.get('/api/auth/me'))).toBeNull();
    expect(signedInHandle(await phone.get('/api/auth/me'))).toBeNull();
  });

  it('log out other devices keeps the current one', async () => {
    const { agent, handle } = await registerMember(t);
    const other = await signIn(t, handle);
    await agent.post('/api/auth/sessions/revoke-others').expect(200);
    expect(signedInHandle(await agent.get('/api/auth/me'))).not.toBeNull();
    expect(signedInHandle(await other.get('/api/auth/me'))).toBeNull();
  });

  it('lists sessions with a coarse device label and lets the member end one', async () => {
    const { agent, handle } = await registerMember(t);
    const phone = t.agent();
    await phone
      .post('/api/auth/login')
      .set('User-Agent', 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/130.0 Mobile Safari/537.36')
      .send({ handle, password: GOOD_PASSWORD })
      .expect(200);
    const list = await agent.get('/api/auth/sessions').expect(200);
    expect(list.body).toHaveLength(2);
    const phoneSession = list.body.find((s: { current: boolean }) => !s.current);
    expect(phoneSession.device).toBe('Chrome on Android');
    // The app words the device in the member's language from its kind (product names only).
    expect(phoneSession.deviceKind).toEqual({ browser: 'Chrome', system: 'Android' });
    expect(JSON.stringify(list.body)).not.toMatch(/token|hash|ip/i);
    await agent.delete(`/api/auth/sessions/${phoneSession.id}`).expect(204);
    expect(signedInHandle(await phone.get('/api/auth/me'))).toBeNull();
    expectApiError(await agent.delete(`/api/auth/sessions/${phoneSession.id}`), 404, 'NOT_FOUND');
  });

  it("cannot end someone else's session", async () => {
    const a = await registerMember(t);
    const b = await registerMember(t);
    const bSessions = await b.agent.get('/api/auth/sessions').expect(200);
    expectApiError(await a.agent.delete(`/api/auth/sessions/${bSessions.body[0].id}`), 404);
    expect(signedInHandle(await b.agent.get('/api/auth/me'))).not.toBeNull();
  });

  it('keeps a session in use alive: requests after a quiet spell refresh last-seen, several at once together', async () => {
    const members = [await registerMember(t), await registerMember(t), await registerMember(t)];
    const clock = t.get(Clock);
    clock.advance(20 * 60_000);
    try {
      await Promise.all(members.map((m) => m.agent.get('/api/auth/me').expect(200)));
      const seen = await t.query<{ last_seen_at: Date }>('SELECT last_seen_at FROM sessions WHERE user_id = ANY($1::uuid[])', [members.map((m) => m.user.id)]);
      expect(seen).toHaveLength(3);
      for (const row of seen) expect(Math.abs(row.last_seen_at.getTime() - clock.now().getTime())).toBeLessThan(5_000);
      // 40 minutes after signing in, 20 after the last use: still signed in (idle limit 30).
      clock.advance(20 * 60_000);
      for (const m of members) expect(signedInHandle(await m.agent.get('/api/auth/me'))).toBe(m.handle);
    } finally {
      clock.advance(-40 * 60_000);
    }
  });

  it('expires an idle session (controllable clock, no sleeping)', async () => {
    const { agent } = await registerMember(t);
    expect(signedInHandle(await agent.get('/api/auth/me'))).not.toBeNull();
    t.get(Clock).advance(31 * 60_000);
    try {
      expect(signedInHandle(await agent.get('/api/auth/me'))).toBeNull();
    } finally {
      t.get(Clock).advance(-31 * 60_000);
    }
  });
});

describe('quick exit', () => {
  it('ends the session, clears the cookie and asks the browser to wipe site data', async () => {
    const { agent } = await registerMember(t);
    const res = await agent.post('/api/auth/exit').expect(204);
    expect(res.headers['clear-site-data']).toBe('"cache", "cookies", "storage"');
    expect(sessionCookie(res)?.value ?? '').toBe('');
    expect(signedInHandle(await agent.get('/api/auth/me'))).toBeNull();
  });

  it('succeeds without a session too', async () => {
    await t.http.post('/api/auth/exit').expect(204);
  });
});

describe('change password', () => {
  it('requires the current password, applies the policy, and signs out other devices', async () => {
    const { agent, handle } = await registerMember(t);
    const other = await signIn(t, handle);
    expectApiError(await agent.post('/api/auth/password').send({ currentPassword: 'wrong-password-1', newPassword: 'a-new-calm-phrase-7' }), 400, 'INVALID_CREDENTIALS');
    expectApiError(await agent.post('/api/auth/password').send({ currentPassword: GOOD_PASSWORD, newPassword: 'password123' }), 400, 'WEAK_PASSWORD');
    await agent.post('/api/auth/password').send({ currentPassword: GOOD_PASSWORD, newPassword: 'a-new-calm-phrase-7' }).expect(204);
    expect(signedInHandle(await agent.get('/api/auth/me'))).not.toBeNull();
    expect(signedInHandle(await other.get('/api/auth/me'))).toBeNull();
    expectApiError(await t.http.post('/api/auth/login').send({ handle, password: GOOD_PASSWORD }), 401);
    await t.http.post('/api/auth/login').send({ handle, password: 'a-new-calm-phrase-7' }).expect(200);
  });
});

describe('login throttling', () => {
  it('locks a handle after repeated failures, even for the right password, then lets it in after the lock', async () => {
    const { handle } = await registerMember(t);
    for (let i = 0; i < 3; i += 1) {
      expectApiError(await t.http.post('/api/auth/login').send({ handle, password: `wrong-password-${i}` }), 401);
    }
    const locked = await t.http.post('/api/auth/login').send({ handle, password: GOOD_PASSWORD });
    expectApiError(locked, 429, 'LOGIN_LOCKED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);

    t.get(Clock).advance(16 * 60_000);
    try {
      await t.http.post('/api/auth/login').send({ handle, password: GOOD_PASSWORD }).expect(200);
    } finally {
      t.get(Clock).advance(-16 * 60_000);
    }
  });

  it('locks an address that tries many handles', async () => {
    const throttled = await startTestApp({ LOGIN_MAX_FAILURES: '2' });
    try {
      // Per-address limit is six times the per-handle one: 12 failures over different handles.
      for (let i = 0; i < 12; i += 1) {
        expectApiError(await throttled.http.post('/api/auth/login').send({ handle: uniqueHandle('probe'), password: 'wrong-password-1' }), 401);
      }
      expectApiError(await throttled.http.post('/api/auth/login').send({ handle: uniqueHandle('probe'), password: 'wrong-password-1' }), 429, 'LOGIN_LOCKED');
    } finally {
      await throttled.close();
    }
  });
});

describe('roles and the access gate', () => {
  it('a member gets 403 on an admin route; an anonymous visitor gets 401', async () => {
    const { agent } = await registerMember(t);
    expectApiError(await agent.get('/api/admin/users'), 403, 'FORBIDDEN');
    expectApiError(await t.http.get('/api/admin/users'), 401, 'UNAUTHENTICATED');
  });

  it('an admin can list members and appoint a moderator; the moderator still cannot reach admin routes', async () => {
    const admin = await registerMember(t, uniqueHandle('admin'));
    await t.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [admin.user.id]);
    const member = await registerMember(t);
    const list = await admin.agent.get('/api/admin/users?limit=100').expect(200);
    expect(list.body.map((u: { id: string }) => u.id)).toContain(member.user.id);
    const res = await admin.agent.patch(`/api/admin/users/${member.user.id}/role`).send({ role: 'moderator', reason: 'Trusted to moderate' }).expect(200);
    expect(res.body.role).toBe('moderator');
    expectApiError(await member.agent.get('/api/admin/users'), 403);
    expectApiError(await admin.agent.patch(`/api/admin/users/${member.user.id}/role`).send({ role: 'overlord', reason: 'x' }), 400);
    expectApiError(await admin.agent.patch('/api/admin/users/not-a-uuid/role').send({ role: 'member' }), 400);
  });
});
