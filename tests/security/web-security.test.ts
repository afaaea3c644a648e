/**
 * Browser-facing defences, checked over HTTP and Socket.IO: security headers and CSP,
 * cookie flags, session rotation, CSRF (foreign Origin), rate limits, no user enumeration.
 * (The XSS corpus in real Chromium is in web-security.xss.test.ts.)
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Response } from 'supertest';
import { hashPassword } from '../../apps/api/src/auth/password.js';
import { GOOD_PASSWORD, signedInHandle, uniqueHandle } from '../support/accounts.js';
import { sessionCookie, setCookies } from '../support/cookies.js';
import { expectApiError } from '../support/error-shape.js';
import { createRoom } from '../support/forum.js';
import { connectChat, connected, request, startListeningApp, type ChatClient, type ListeningApp } from '../support/realtime.js';
import { REPO_ROOT } from '../support/server-process.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { SqlFixtures } from './support/sql-fixtures.js';

const WEB_DIST_DIR = join(REPO_ROOT, 'apps/web/dist');
const FOREIGN = 'https://evil.example';

let t: ListeningApp;
let fx: SqlFixtures;
let admin: { id: string; handle: string; cookie: string };
let roomId: string;
const sockets: ChatClient[] = [];

async function signedIn(role: 'member' | 'admin' = 'member') {
  const user = await fx.user('web', role);
  return { ...user, cookie: `kindred_session=${await fx.session(user.id)}` };
}

beforeAll(async () => {
  t = await startListeningApp({ WEB_DIST_DIR, PUBLIC_ORIGIN: 'http://kindred.test' });
  fx = new SqlFixtures(t);
  const seed = await t.http.post('/api/auth/register').send({ handle: uniqueHandle('seed'), password: GOOD_PASSWORD }).expect(201);
  await fx.usePasswordHashOf(seed.body.id);
  admin = await signedIn('admin');
  const agent = t.agent();
  roomId = (await createRoom(agent.set('Cookie', admin.cookie))).id;
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await t?.close();
});

function csp(res: Response): Map<string, string[]> {
  const header = String(res.headers['content-security-policy'] ?? '');
  return new Map(header.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name!, values]));
}

describe('security headers', () => {
  const pages: [string, () => Promise<Response>][] = [
    ['the web app shell (/)', () => t.http.get('/')],
    ['a client-side route (/rooms/x)', () => t.http.get('/rooms/somewhere')],
    ['an API answer', () => t.http.get('/api/health')],
    ['an API error (401)', () => t.http.get('/api/auth/sessions')],
    ['an API 404', () => t.http.get('/api/nowhere')],
    ['a refusal from the origin check (403)', () => t.http.post('/api/auth/login').set('Origin', FOREIGN).send({})],
  ];

  it.each(pages)('%s carries the full set', async (what, get) => {
    if (what.includes('web app') || what.includes('client-side')) expect(existsSync(join(WEB_DIST_DIR, 'index.html'))).toBe(true);
    const res = await get();
    const policy = csp(res);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('frame-src')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    // Nothing loosens script execution anywhere in the policy.
    expect(String(res.headers['content-security-policy'])).not.toMatch(/unsafe-inline|unsafe-eval|\*|data:.*script|https?:/);
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(res.headers['permissions-policy']).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['strict-transport-security']).toBeUndefined(); // plain http here; see below for TLS
    if (!what.includes('web app') && !what.includes('client-side')) expect(res.headers['cache-control']).toBe('no-store');
  });

  it.each([
    ['/favicon.ico', /^image\/(vnd\.microsoft\.icon|x-icon)$/],
    ['/icon.svg', /^image\/svg\+xml/],
    ['/apple-touch-icon.png', /^image\/png$/],
    ['/manifest.webmanifest', /^application\/manifest\+json/],
  ])('serves the app icon %s from our own origin with its content type', async (path, type) => {
    const res = await t.http.get(path).buffer(true).expect(200);
    expect(res.headers['content-type']).toMatch(type);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(csp(res).get('img-src')).toContain("'self'");
    expect(csp(res).get('manifest-src')).toEqual(["'self'"]);
    const shell = (await t.http.get('/').expect(200)).text;
    expect(shell).toContain(`href="${path}"`);
  });

  it('the web manifest names the app and its theme colour, with icons from our own origin only', async () => {
    const manifest = JSON.parse((await t.http.get('/manifest.webmanifest').expect(200)).text) as {
      name: string;
      short_name: string;
      theme_color: string;
      icons: { src: string; type: string }[];
    };
    expect(manifest).toMatchObject({ name: 'Kindred', short_name: 'Kindred', theme_color: expect.stringMatching(/^#[0-9a-f]{6}$/i) });
    expect(manifest.icons.length).toBeGreaterThan(0);
    for (const icon of manifest.icons) {
      expect(icon.src).toMatch(/^\/[a-z-]+\.(svg|png)$/);
      await t.http.get(icon.src).expect(200);
    }
  });

  it('only the API docs page gets inline styles (Swagger UI), still no inline scripts', async () => {
    const res = await t.http.get('/api/docs/').redirects(1);
    expect(csp(res).get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp(res).get('script-src')).toEqual(["'self'"]);
  });

  it('no CORS: a foreign page gets no Access-Control-Allow-Origin, even on a preflight', async () => {
    const get = await t.http.get('/api/rooms').set('Origin', FOREIGN);
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await t.http.options('/api/rooms').set('Origin', FOREIGN).set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
  });
});

describe('session cookie and token', () => {
  it('is HttpOnly, SameSite=Lax, Path=/, a browser-session cookie (no Max-Age/Expires), not Secure over http', async () => {
    for (const res of [
      await t.http.post('/api/auth/register').send({ handle: uniqueHandle('ck'), password: GOOD_PASSWORD }),
      await t.http.post('/api/auth/login').send({ handle: (await fx.user('ck2')).handle, password: GOOD_PASSWORD }),
    ]) {
      const cookie = sessionCookie(res)!;
      expect(cookie).toBeDefined();
      expect(cookie.attributes).toMatchObject({ httponly: true, path: '/' });
      expect(String(cookie.attributes.samesite).toLowerCase()).toBe('lax');
      expect(cookie.attributes.secure).toBeUndefined();
      expect(cookie.attributes['max-age']).toBeUndefined();
      expect(cookie.attributes.expires).toBeUndefined();
      expect(cookie.attributes.domain).toBeUndefined();
      // 32 random bytes, and the database keeps only a keyed hash of it.
      expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const stored = await t.query<{ n: number }>('SELECT count(*)::int AS n FROM sessions WHERE token_hash = $1 OR token_hash LIKE $2', [cookie.value, `%${cookie.value.slice(0, 16)}%`]);
      expect(stored[0]!.n).toBe(0);
    }
  });

  it('is cleared on logout and on quick exit (with Clear-Site-Data)', async () => {
    const me = await signedIn();
    const logout = await t.http.post('/api/auth/logout').set('Cookie', me.cookie).expect(204);
    const cleared = sessionCookie(logout)!;
    expect(cleared.value).toBe('');
    expect(cleared.attributes.expires ?? cleared.attributes['max-age']).toBeDefined();
    expect(signedInHandle(await t.http.get('/api/auth/me').set('Cookie', me.cookie))).toBeNull();
    const other = await signedIn();
    const exit = await t.http.post('/api/auth/exit').set('Cookie', other.cookie).expect(204);
    expect(exit.headers['clear-site-data']).toBe('"cache", "cookies", "storage"');
    expect(signedInHandle(await t.http.get('/api/auth/me').set('Cookie', other.cookie))).toBeNull();
  });

  it('is rotated at login: a new token, and the one the browser had is dead', async () => {
    const user = await fx.user('rot');
    const before = `kindred_session=${await fx.session(user.id)}`;
    expect(signedInHandle(await t.http.get('/api/auth/me').set('Cookie', before))).not.toBeNull();
    const login = await t.http.post('/api/auth/login').set('Cookie', before).send({ handle: user.handle, password: GOOD_PASSWORD }).expect(200);
    const after = sessionCookie(login)!.value;
    expect(`kindred_session=${after}`).not.toBe(before);
    expect(signedInHandle(await t.http.get('/api/auth/me').set('Cookie', before))).toBeNull();
    expect(signedInHandle(await t.http.get('/api/auth/me').set('Cookie', `kindred_session=${after}`))).not.toBeNull();
  });

  it('never adopts a token the client chose (session fixation)', async () => {
    const user = await fx.user('fix');
    const planted = 'A'.repeat(43);
    const login = await t.http.post('/api/auth/login').set('Cookie', `kindred_session=${planted}`).send({ handle: user.handle, password: GOOD_PASSWORD }).expect(200);
    expect(sessionCookie(login)!.value).not.toBe(planted);
    expect(signedInHandle(await t.http.get('/api/auth/me').set('Cookie', `kindred_session=${planted}`))).toBeNull();
  });

  it('is Secure, and HSTS is sent, behind TLS (COOKIE_SECURE=always, or auto behind a trusted proxy)', async () => {
    const secure = await startTestApp({ COOKIE_SECURE: 'always', PUBLIC_ORIGIN: 'https://kindred.example' });
    const proxied = await startTestApp({ TRUST_PROXY: 'true', PUBLIC_ORIGIN: 'https://kindred.example' });
    try {
      const a = await secure.http.post('/api/auth/register').send({ handle: uniqueHandle('tls'), password: GOOD_PASSWORD }).expect(201);
      expect(sessionCookie(a)!.attributes.secure).toBe(true);
      expect(a.headers['strict-transport-security']).toMatch(/max-age=31536000; includeSubDomains/);
      const b = await proxied.http.post('/api/auth/register').set('X-Forwarded-Proto', 'https').send({ handle: uniqueHandle('tls'), password: GOOD_PASSWORD }).expect(201);
      expect(sessionCookie(b)!.attributes.secure).toBe(true);
      const c = await proxied.http.post('/api/auth/register').send({ handle: uniqueHandle('tls'), password: GOOD_PASSWORD }).expect(201);
      expect(sessionCookie(c)!.attributes.secure).toBeUndefined();
    } finally {
      await secure.close();
      await proxied.close();
    }
  });
});

describe('CSRF: state-changing requests from another site are refused', () => {
  const writes = (cookie: string): [string, () => ReturnType<TestApp['http']['post']>][] => [
    ['POST a thread', () => t.http.post(`/api/rooms/${roomId}/threads`).set('Cookie', cookie).send({ title: 'csrf', body: 'csrf' })],
    ['PATCH settings', () => t.http.patch('/api/me/settings').set('Cookie', cookie).send({ showTyping: false })],
    ['PUT preferences', () => t.http.put('/api/me/warning-preferences').set('Cookie', cookie).send({ suicide: 'show' })],
    ['DELETE a session', () => t.http.delete(`/api/auth/sessions/${randomUUID()}`).set('Cookie', cookie)],
    ['POST login (login CSRF)', () => t.http.post('/api/auth/login').send({ handle: 'someone', password: 'something-long' })],
    ['POST quick exit', () => t.http.post('/api/auth/exit').set('Cookie', cookie)],
  ];

  it.each(['https://evil.example', 'http://kindred.test.evil.example', 'null', 'http://kindred.test:1', 'not a url'])('Origin: %s → 403 CROSS_ORIGIN_REJECTED, nothing written', async (origin) => {
    const me = await signedIn('admin');
    const [{ n: before }] = await t.query<{ n: number }>('SELECT count(*)::int AS n FROM threads');
    for (const [, send] of writes(me.cookie)) expectApiError(await send().set('Origin', origin), 403, 'CROSS_ORIGIN_REJECTED');
    const [{ n: after }] = await t.query<{ n: number }>('SELECT count(*)::int AS n FROM threads');
    expect(after).toBe(before);
    expect(signedInHandle(await t.http.get('/api/auth/me').set('Cookie', me.cookie))).not.toBeNull();
  });

  it('the same requests from our own origin (or with no Origin, e.g. curl) go through', async () => {
    const me = await signedIn('admin');
    await t.http.post(`/api/rooms/${roomId}/threads`).set('Cookie', me.cookie).set('Origin', 'http://kindred.test').send({ title: 'ok', body: 'ok' }).expect(201);
    await t.http.patch('/api/me/settings').set('Cookie', me.cookie).set('Origin', t.baseUrl).send({ showTyping: false }).expect(200);
    await t.http.patch('/api/me/settings').set('Cookie', me.cookie).send({ showTyping: true }).expect(200);
  });

  it('reads from another site are allowed by the check but unreadable without CORS (see headers)', async () => {
    await t.http.get('/api/rooms').set('Origin', FOREIGN).expect(200);
  });

  it('a socket handshake from another site is refused, even with a valid session cookie', async () => {
    const me = await signedIn();
    const token = me.cookie.split('=')[1]!;
    for (const origin of [FOREIGN, 'null', 'http://kindred.test.evil.example']) {
      const socket = connectChat(t.baseUrl, token, { origin });
      sockets.push(socket);
      const error = await new Promise<Error & { data?: { code?: string } }>((resolve, reject) => {
        socket.once('connect_error', resolve);
        socket.once('connect', () => reject(new Error(`connected from ${origin}`)));
      });
      expect(error.data?.code).toBe('CROSS_ORIGIN_REJECTED');
    }
    const same = connectChat(t.baseUrl, token, { origin: 'http://kindred.test' });
    sockets.push(same);
    await connected(same);
  });
});

describe('no user enumeration at sign-in', () => {
  it('an unknown handle and a wrong password get the same status, code and message (and take similar time)', async () => {
    const known = await fx.user('enum');
    const attempt = async (handle: string) => {
      const start = process.hrtime.bigint();
      const res = await t.http.post('/api/auth/login').send({ handle, password: 'definitely-wrong-pass-1' });
      return { res, ms: Number(process.hrtime.bigint() - start) / 1e6 };
    };
    const wrong = [];
    const unknown = [];
    for (let i = 0; i < 3; i += 1) {
      wrong.push(await attempt(known.handle));
      unknown.push(await attempt(`nobody_${randomUUID().slice(0, 8)}`));
    }
    const shape = (r: Response) => ({ status: r.status, body: r.body as unknown, retryAfter: r.headers['retry-after'] });
    expect(shape(wrong[0]!.res)).toEqual(shape(unknown[0]!.res));
    expectApiError(wrong[0]!.res, 401, 'INVALID_CREDENTIALS');
    // Both paths verify an argon2 hash: the slower median is within 3× the faster.
    const median = (xs: { ms: number }[]) => xs.map((x) => x.ms).sort((a, b) => a - b)[1]!;
    const [a, b] = [median(wrong), median(unknown)];
    expect(Math.max(a, b) / Math.min(a, b)).toBeLessThan(3);
  });

  it('the ban-appeal form answers the same for an unknown handle and a wrong password', async () => {
    const banned = await fx.bannedUser(admin.id);
    const wrong = await t.http.post('/api/appeals/banned').send({ handle: banned.handle, password: 'not-the-password-9', message: 'please' });
    const unknown = await t.http.post('/api/appeals/banned').send({ handle: `nobody_${randomUUID().slice(0, 8)}`, password: 'not-the-password-9', message: 'please' });
    expect({ status: wrong.status, body: wrong.body }).toEqual({ status: unknown.status, body: unknown.body });
  });
});

describe('rate limits', () => {
  let limited: ListeningApp;
  let lfx: SqlFixtures;

  beforeAll(async () => {
    limited = await startListeningApp({ LOGIN_MAX_FAILURES: '3', REGISTER_LIMIT_PER_HOUR: '3', REPORT_LIMIT_PER_HOUR: '2', CHAT_MESSAGES_PER_SECOND: '2' });
    lfx = new SqlFixtures(limited);
    const hash = await hashPassword(GOOD_PASSWORD);
    const seed = (await limited.query<{ id: string }>(`INSERT INTO users (handle, handle_key, password_hash) VALUES ('seed_rl', 'seed_rl', $1) RETURNING id`, [hash]))[0]!;
    await lfx.usePasswordHashOf(seed.id);
  });
  afterAll(async () => {
    await limited?.close();
  });

  it('sign-in: after 3 failures for a handle, even the right password waits (429 LOGIN_LOCKED, Retry-After) — known or not', async () => {
    const user = await lfx.user('lock');
    for (const handle of [user.handle, `ghost_${randomUUID().slice(0, 8)}`]) {
      for (let i = 0; i < 3; i += 1) expectApiError(await limited.http.post('/api/auth/login').send({ handle, password: 'wrong-password-here' }), 401, 'INVALID_CREDENTIALS');
      const locked = await limited.http.post('/api/auth/login').send({ handle, password: GOOD_PASSWORD });
      expectApiError(locked, 429, 'LOGIN_LOCKED');
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    }
  });

  it('registration: the 4th account from one address within the hour → 429 RATE_LIMITED', async () => {
    for (let i = 0; i < 3; i += 1) await limited.http.post('/api/auth/register').send({ handle: uniqueHandle('rl'), password: GOOD_PASSWORD }).expect(201);
    const res = await limited.http.post('/api/auth/register').send({ handle: uniqueHandle('rl'), password: GOOD_PASSWORD });
    expectApiError(res, 429, 'RATE_LIMITED');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('reports: the 3rd report within the hour → 429 REPORT_LIMIT, and it is not stored', async () => {
    const reporter = await lfx.user('rep');
    const cookie = `kindred_session=${await lfx.session(reporter.id)}`;
    const target = await lfx.user('target');
    const send = () => limited.http.post('/api/reports').set('Cookie', cookie).send({ targetType: 'member', targetId: target.id, category: 'harassment' });
    await send().expect(201);
    await send().expect(201);
    expectApiError(await send(), 429, 'REPORT_LIMIT');
    const [{ n }] = await limited.query<{ n: number }>('SELECT count(*)::int AS n FROM reports WHERE reporter_id = $1', [reporter.id]);
    expect(n).toBe(2);
  });

  it('chat: a burst beyond the per-socket budget gets RATE_LIMITED acks, never a false ok', async () => {
    const owner = await lfx.user('owner', 'admin');
    const ownerAgent = limited.agent().set('Cookie', `kindred_session=${await lfx.session(owner.id)}`);
    const room = await createRoom(ownerAgent);
    const talker = await lfx.user('talk');
    await lfx.member(room.id, talker.id);
    const socket = connectChat(limited.baseUrl, await lfx.session(talker.id));
    sockets.push(socket);
    await connected(socket);
    await request(socket, 'chat:join', { roomId: room.id });
    const acks = await Promise.all(
      Array.from({ length: 25 }, (_, i) => request<{ ok: boolean; code?: string }>(socket, 'message:send', { roomId: room.id, clientId: randomUUID(), body: `burst ${i}` })),
    );
    const ok = acks.filter((a) => a.ok).length;
    expect(acks.filter((a) => !a.ok).every((a) => a.code === 'RATE_LIMITED')).toBe(true);
    expect(ok).toBeGreaterThan(0);
    expect(ok).toBeLessThan(25);
    const [{ n }] = await limited.query<{ n: number }>('SELECT count(*)::int AS n FROM chat_messages WHERE author_id = $1', [talker.id]);
    expect(n).toBe(ok);
  });

  it('every address has an overall budget: over RATE_LIMIT_PER_MINUTE → 429 in the error shape', async () => {
    const tight = await startTestApp({ RATE_LIMIT_PER_MINUTE: '10' });
    try {
      const statuses = [];
      for (let i = 0; i < 12; i += 1) statuses.push((await tight.http.get('/api/rooms')).status);
      expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
      expectApiError(await tight.http.get('/api/rooms'), 429, 'RATE_LIMITED');
    } finally {
      await tight.close();
    }
  });
});

it('cookies set by the API are only ever the session cookie', async () => {
  const res = await t.http.post('/api/auth/register').send({ handle: uniqueHandle('only'), password: GOOD_PASSWORD }).expect(201);
  expect(setCookies(res).map((c) => c.name)).toEqual(['kindred_session']);
  expect((await t.http.get('/')).headers['set-cookie']).toBeUndefined();
});
