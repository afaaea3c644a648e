import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ErrorCode, RECOVERY_CODE_COUNT } from '@kindred/contracts';
import { Clock } from '../../apps/api/src/common/clock.js';
import { GOOD_PASSWORD, signIn, uniqueHandle } from '../support/accounts.js';
import { sessionCookie } from '../support/cookies.js';
import { expectApiError } from '../support/error-shape.js';
import { connectedChat, startListeningApp, type ListeningApp } from '../support/realtime.js';

const NEW_PASSWORD = 'amber-meadow-kettle-88';
const FIREFOX_LINUX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const CHROME_ANDROID = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36';
let t: ListeningApp;

beforeAll(async () => {
  t = await startListeningApp({ LOGIN_MAX_FAILURES: '5' });
});
afterAll(async () => {
  await t?.close();
});

async function registered(userAgent = FIREFOX_LINUX) {
  const handle = uniqueHandle('safe');
  const res = await t.http.post('/api/auth/register').set('User-Agent', userAgent).send({ handle, password: GOOD_PASSWORD }).expect(201);
  const token = sessionCookie(res)!.value;
  const agent = t.agent().set('Cookie', `kindred_session=${token}`).set('User-Agent', userAgent);
  return { handle, token, agent, id: res.body.id as string, codes: res.body.recoveryCodes as string[] };
}

const login = (handle: string, password = GOOD_PASSWORD, userAgent = FIREFOX_LINUX) =>
  t.http.post('/api/auth/login').set('User-Agent', userAgent).send({ handle, password });
const history = async (agent: ReturnType<ListeningApp['agent']>) => (await agent.get('/api/auth/sign-in-history').expect(200)).body as (Record<string, string> & { deviceKind: object })[];
const newDeviceNotices = async (id: string) =>
  (await t.query<{ body: string }>(`SELECT body FROM notifications WHERE user_id = $1 AND kind = 'new-device'`, [id])).map((r) => r.body);

describe('sign-in history', () => {
  it('lists successes and failures with the hour only, no address, newest first; unknown handles write nothing', async () => {
    const m = await registered();
    await login(m.handle, 'wrong-password-1').expect(401);
    await login(m.handle).expect(200);
    const before = await t.query<{ n: number }>('SELECT count(*)::int AS n FROM sign_in_events');
    await login(uniqueHandle('nobody'), 'wrong-password-1').expect(401);
    expect(await t.query('SELECT count(*)::int AS n FROM sign_in_events')).toEqual(before);

    const entries = await history(m.agent);
    expect(entries.map((e) => [e.outcome, e.method])).toEqual(expect.arrayContaining([['success', 'registration'], ['failure', 'password'], ['success', 'password']]));
    expect(entries).toHaveLength(3);
    for (const e of entries) {
      expect(e).toEqual({
        hour: expect.any(String),
        outcome: expect.any(String),
        method: expect.any(String),
        device: 'Firefox on Linux',
        deviceKind: { browser: 'Firefox', system: 'Linux' },
      });
      const hour = new Date(e.hour);
      expect([hour.getUTCMinutes(), hour.getUTCSeconds(), hour.getUTCMilliseconds()]).toEqual([0, 0, 0]);
    }
    const columns = await t.query<{ column_name: string }>(`SELECT column_name FROM information_schema.columns WHERE table_name IN ('sign_in_events', 'sessions')`);
    expect(columns.map((c) => c.column_name).filter((c) => /ip|addr|agent/i.test(c))).toEqual([]);
  });

  it('keeps 30 days: older entries are neither listed nor kept once the next sign-in is written', async () => {
    const m = await registered();
    await t.query(`INSERT INTO sign_in_events (user_id, hour, outcome, method, device) VALUES ($1, now() - interval '31 days', 'failure', 'password', 'Old')`, [m.id]);
    expect((await history(m.agent)).map((e) => e.device)).not.toContain('Old');
    await login(m.handle).expect(200);
    expect(await t.query(`SELECT 1 FROM sign_in_events WHERE device = 'Old'`)).toEqual([]);
  });

  it('a device the server does not recognise has no browser or system in its kind, so no English reaches the app', async () => {
    const m = await registered('curl/8.5.0');
    expect((await history(m.agent)).map((e) => [e.device, e.deviceKind])).toEqual([['Unknown browser on unknown system', { browser: null, system: null }]]);
    const sessions = (await m.agent.get('/api/auth/sessions').expect(200)).body as { deviceKind: object }[];
    expect(sessions.map((s) => s.deviceKind)).toEqual([{ browser: null, system: null }]);
  });

  it('a recovery-code attempt is in the history too', async () => {
    const m = await registered();
    await t.http.post('/api/auth/recover').set('User-Agent', CHROME_ANDROID).send({ handle: m.handle, recoveryCode: 'ZZZZZ-ZZZZZ', newPassword: NEW_PASSWORD }).expect(401);
    const res = await t.http.post('/api/auth/recover').set('User-Agent', CHROME_ANDROID).send({ handle: m.handle, recoveryCode: m.codes[0], newPassword: NEW_PASSWORD }).expect(200);
    const agent = t.agent().set('Cookie', `kindred_session=${sessionCookie(res)!.value}`);
    const entries = await history(agent);
    expect(entries.filter((e) => e.method === 'recovery-code').map((e) => [e.outcome, e.device])).toEqual(
      expect.arrayContaining([['failure', 'Chrome on Android'], ['success', 'Chrome on Android']]),
    );
  });
});

describe('new-device notice', () => {
  it('tells the member about a sign-in from a device kind the account has not used, once', async () => {
    const m = await registered(FIREFOX_LINUX);
    await login(m.handle, GOOD_PASSWORD, FIREFOX_LINUX).expect(200);
    expect(await newDeviceNotices(m.id)).toEqual([]);
    await login(m.handle, GOOD_PASSWORD, CHROME_ANDROID).expect(200);
    const notices = await newDeviceNotices(m.id);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('Chrome on Android');
    await login(m.handle, GOOD_PASSWORD, CHROME_ANDROID).expect(200);
    expect(await newDeviceNotices(m.id)).toHaveLength(1);
    // A failed attempt from yet another kind of device is history, not a notice.
    await login(m.handle, 'wrong-password-1', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Version/17.5 Safari/605.1.15').expect(401);
    expect(await newDeviceNotices(m.id)).toHaveLength(1);
  });
});

describe('"someone else may know my password"', () => {
  const secure = (m: Awaited<ReturnType<typeof registered>>, body: Record<string, unknown>) => m.agent.post('/api/auth/secure-account').send(body);
  const hashOf = async (id: string) => (await t.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [id]))[0]!.password_hash;
  const codeHashes = async (id: string) => (await t.query<{ code_hash: string }>('SELECT code_hash FROM recovery_codes WHERE user_id = $1 ORDER BY code_hash', [id])).map((r) => r.code_hash);

  it('changes the password, ends every other session and its sockets at once, and replaces the recovery codes', async () => {
    const m = await registered();
    const other = await signIn(t, m.handle);
    const otherToken = (await login(m.handle).expect(200)).headers['set-cookie']!.toString().match(/kindred_session=([^;]+)/)![1]!;
    const socket = await connectedChat(t.baseUrl, otherToken);
    const mine = await connectedChat(t.baseUrl, m.token);
    const ended = new Promise<{ reason: string }>((resolve) => socket.once('session:ended', resolve));
    const disconnected = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
    try {
      const res = await secure(m, { currentPassword: GOOD_PASSWORD, newPassword: NEW_PASSWORD }).expect(200);
      expect(res.body.revoked).toBe(2);
      expect(res.body.recoveryCodes).toHaveLength(RECOVERY_CODE_COUNT);
      expect((await ended).reason).toBe('secured');
      await disconnected;
      expect(mine.connected).toBe(true);
      await other.get('/api/auth/sessions').expect(401);
      await m.agent.get('/api/auth/sessions').expect(200);
      await login(m.handle).expect(401);
      await login(m.handle, NEW_PASSWORD).expect(200);
      expectApiError(await t.http.post('/api/auth/recover').send({ handle: m.handle, recoveryCode: m.codes[0], newPassword: 'violet-harbour-ladder-17' }), 401, ErrorCode.RecoveryCodeInvalid);
      await t.http.post('/api/auth/recover').send({ handle: m.handle, recoveryCode: res.body.recoveryCodes[0], newPassword: 'violet-harbour-ladder-17' }).expect(200);
    } finally {
      socket.disconnect();
      mine.disconnect();
    }
  });

  it.each([
    ['a wrong current password', { currentPassword: 'not-my-password-1', newPassword: NEW_PASSWORD }, 400, ErrorCode.InvalidCredentials],
    ['a weak new password', { currentPassword: GOOD_PASSWORD, newPassword: 'password123' }, 400, ErrorCode.WeakPassword],
    ['a missing field', { currentPassword: GOOD_PASSWORD }, 400, ErrorCode.ValidationFailed],
  ])('refuses %s with a 4xx and changes nothing', async (_, body, status, code) => {
    const m = await registered();
    const other = await signIn(t, m.handle);
    const [hash, codes] = [await hashOf(m.id), await codeHashes(m.id)];
    expectApiError(await secure(m, body), status, code);
    expect(await hashOf(m.id)).toBe(hash);
    expect(await codeHashes(m.id)).toEqual(codes);
    await other.get('/api/auth/sessions').expect(200);
  });

  it('is one transaction: when the last part fails, the password and the other sessions are as they were', async () => {
    const m = await registered();
    const other = await signIn(t, m.handle);
    const [hash, codes] = [await hashOf(m.id), await codeHashes(m.id)];
    const fn = `fail_codes_${m.id.replace(/-/g, '')}`;
    // Makes inserting this member's new codes fail, after the password and sessions were written.
    await t.query(`CREATE FUNCTION ${fn}() RETURNS trigger AS $$ BEGIN IF NEW.user_id = '${m.id}' THEN RAISE EXCEPTION 'test failure'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await t.query(`CREATE TRIGGER ${fn} BEFORE INSERT ON recovery_codes FOR EACH ROW EXECUTE FUNCTION ${fn}()`);
    try {
      const res = await secure(m, { currentPassword: GOOD_PASSWORD, newPassword: NEW_PASSWORD });
      expectApiError(res, 500, ErrorCode.Internal);
    } finally {
      await t.query(`DROP TRIGGER ${fn} ON recovery_codes`);
      await t.query(`DROP FUNCTION ${fn}()`);
    }
    expect(await hashOf(m.id)).toBe(hash);
    expect(await codeHashes(m.id)).toEqual(codes);
    await other.get('/api/auth/sessions').expect(200);
    expect(await t.query(`SELECT 1 FROM sessions WHERE user_id = $1 AND revoked_at IS NOT NULL`, [m.id])).toEqual([]);
  });
});

describe('data rights', () => {
  it('the export carries the sign-in history; deleting the account removes it', async () => {
    const m = await registered();
    await login(m.handle, 'wrong-password-1').expect(401);
    const exported = (await m.agent.get('/api/me/export').expect(200)).body as { signInHistory: Record<string, string>[] };
    expect(exported.signInHistory.map((e) => e.outcome).sort()).toEqual(['failure', 'success']);
    await m.agent.delete('/api/me').send({ password: GOOD_PASSWORD, eraseContent: false }).expect(204);
    expect(await t.query('SELECT 1 FROM sign_in_events WHERE user_id = $1', [m.id])).toEqual([]);
    expect(await t.query('SELECT 1 FROM recovery_codes WHERE user_id = $1', [m.id])).toEqual([]);
  });
});

describe('clock', () => {
  it('rounds to the hour of the server clock', async () => {
    const clock = t.get(Clock);
    clock.advance(3 * 3_600_000);
    try {
      const m = await registered();
      const [entry] = await history(m.agent);
      expect(new Date(entry!.hour).getTime()).toBeGreaterThan(Date.now() + 2 * 3_600_000);
    } finally {
      clock.advance(-3 * 3_600_000);
    }
  });
});
