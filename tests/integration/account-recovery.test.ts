import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ErrorCode, RECOVERY_CODE_COUNT } from '@kindred/contracts';
import { GOOD_PASSWORD, signIn, uniqueHandle } from '../support/accounts.js';
import { sessionCookie } from '../support/cookies.js';
import { expectApiError } from '../support/error-shape.js';
import { connectedChat, memberSession, startListeningApp, type ListeningApp } from '../support/realtime.js';

const NEW_PASSWORD = 'amber-meadow-kettle-88';
let t: ListeningApp;

beforeAll(async () => {
  t = await startListeningApp({ LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '15' });
});
afterAll(async () => {
  await t?.close();
});

/** A member registered over HTTP, with the codes registration showed them. */
async function registered(prefix = 'rec') {
  const handle = uniqueHandle(prefix);
  const agent = t.agent();
  const res = await agent.post('/api/auth/register').send({ handle, password: GOOD_PASSWORD }).expect(201);
  return { handle, agent, token: sessionCookie(res)!.value, id: res.body.id as string, codes: res.body.recoveryCodes as string[] };
}

const recover = (handle: string, recoveryCode: string, newPassword = NEW_PASSWORD) => t.http.post('/api/auth/recover').send({ handle, recoveryCode, newPassword });
const passwordHash = async (id: string) => (await t.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [id]))[0]!.password_hash;

describe('recovery codes', () => {
  it('registration shows 10 distinct codes once and stores only keyed hashes', async () => {
    const m = await registered();
    expect(m.codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(m.codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of m.codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    const rows = await t.query<{ code_hash: string }>('SELECT code_hash FROM recovery_codes WHERE user_id = $1', [m.id]);
    expect(rows).toHaveLength(RECOVERY_CODE_COUNT);
    const stored = JSON.stringify(rows);
    for (const code of m.codes) expect(stored).not.toContain(code.replace('-', ''));
    expect((await m.agent.get('/api/auth/me').expect(200)).body.user).not.toHaveProperty('recoveryCodes');
    expect((await m.agent.get('/api/auth/recovery-codes').expect(200)).body).toEqual({ remaining: RECOVERY_CODE_COUNT });
  });

  it('regenerating needs the password and voids the old set', async () => {
    const m = await registered();
    const before = await passwordHash(m.id);
    expectApiError(await m.agent.post('/api/auth/recovery-codes').send({ password: 'not-my-password-1' }), 400, ErrorCode.InvalidCredentials);
    expect((await t.query('SELECT 1 FROM recovery_codes WHERE user_id = $1', [m.id])).length).toBe(RECOVERY_CODE_COUNT);
    const res = await m.agent.post('/api/auth/recovery-codes').send({ password: GOOD_PASSWORD }).expect(200);
    const fresh = res.body.recoveryCodes as string[];
    expect(fresh).toHaveLength(RECOVERY_CODE_COUNT);
    expect(fresh.some((c) => m.codes.includes(c))).toBe(false);
    expectApiError(await recover(m.handle, m.codes[0]!), 401, ErrorCode.RecoveryCodeInvalid);
    expect(await passwordHash(m.id)).toBe(before);
    await recover(m.handle, fresh[0]!).expect(200);
  });
});

describe('forgot password', () => {
  it('a code sets the new password, signs in here, and ends every other session and socket at once', async () => {
    const m = await memberSession(t, 'rec');
    const codes = (await m.agent.post('/api/auth/recovery-codes').send({ password: GOOD_PASSWORD }).expect(200)).body.recoveryCodes as string[];
    const other = await signIn(t, m.handle);
    const socket = await connectedChat(t.baseUrl, m.token);
    const ended = new Promise<{ reason: string }>((resolve) => socket.once('session:ended', resolve));
    const disconnected = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
    try {
      // Case, spaces and a missing dash do not matter; the code is typed as people type.
      const res = await recover(m.handle, ` ${codes[3]!.toLowerCase().replace('-', ' ')} `).expect(200);
      expect(res.body).toMatchObject({ id: m.user.id, handle: m.handle });
      const cookie = `kindred_session=${sessionCookie(res)!.value}`;
      await t.http.get('/api/auth/sessions').set('Cookie', cookie).expect(200);
      expect((await ended).reason).toBe('account-recovered');
      await disconnected;
      await m.agent.get('/api/auth/sessions').expect(401);
      await other.get('/api/auth/sessions').expect(401);
      await t.http.post('/api/auth/login').send({ handle: m.handle, password: GOOD_PASSWORD }).expect(401);
      await signIn(t, m.handle, NEW_PASSWORD);
      expect((await t.http.get('/api/auth/recovery-codes').set('Cookie', cookie).expect(200)).body).toEqual({ remaining: RECOVERY_CODE_COUNT - 1 });
    } finally {
      socket.disconnect();
    }
  });

  it('a used code does not work twice (401, password unchanged)', async () => {
    const m = await registered();
    await recover(m.handle, m.codes[0]!).expect(200);
    const after = await passwordHash(m.id);
    expectApiError(await recover(m.handle, m.codes[0]!, 'violet-harbour-ladder-17'), 401, ErrorCode.RecoveryCodeInvalid);
    expect(await passwordHash(m.id)).toBe(after);
  });

  it('gives one answer for an unknown handle, a wrong code and a malformed code', async () => {
    const m = await registered();
    const before = await passwordHash(m.id);
    const answers = [
      await recover(uniqueHandle('nobody'), m.codes[0]!),
      await recover(m.handle, 'ZZZZZ-ZZZZZ'),
      await recover(m.handle, 'not a code!'),
    ];
    for (const res of answers) expectApiError(res, 401, ErrorCode.RecoveryCodeInvalid);
    expect(new Set(answers.map((r) => r.body.message)).size).toBe(1);
    expect(await passwordHash(m.id)).toBe(before);
    expect((await t.query('SELECT 1 FROM recovery_codes WHERE user_id = $1 AND used_at IS NOT NULL', [m.id])).length).toBe(0);
  });

  it('refuses a weak new password (400) without using up the code', async () => {
    const m = await registered();
    const res = await recover(m.handle, m.codes[0]!, 'password123');
    expectApiError(res, 400, ErrorCode.WeakPassword);
    expect(res.body.details[0].field).toBe('newPassword');
    await recover(m.handle, m.codes[0]!).expect(200);
  });

  it('is limited like sign-in: guesses share the sign-in counters, then even a right code waits (429)', async () => {
    const m = await registered();
    await t.http.post('/api/auth/login').send({ handle: m.handle, password: 'wrong-password-1' }).expect(401);
    for (let i = 0; i < 2; i += 1) expectApiError(await recover(m.handle, 'ZZZZZ-ZZZZZ'), 401, ErrorCode.RecoveryCodeInvalid);
    const locked = await recover(m.handle, m.codes[0]!);
    expectApiError(locked, 429, ErrorCode.LoginLocked);
    expect(locked.headers['retry-after']).toBeDefined();
    expect((await t.query('SELECT 1 FROM recovery_codes WHERE user_id = $1 AND used_at IS NOT NULL', [m.id])).length).toBe(0);
  });

  it('rejects a body with missing or extra fields (400 VALIDATION_FAILED)', async () => {
    expectApiError(await t.http.post('/api/auth/recover').send({ handle: 'someone' }), 400, ErrorCode.ValidationFailed);
    expectApiError(await t.http.post('/api/auth/recover').send({ handle: 'someone', recoveryCode: 'x'.repeat(33), newPassword: NEW_PASSWORD }), 400, ErrorCode.ValidationFailed);
    expectApiError(await t.http.post('/api/auth/recover').send({ handle: 'someone', recoveryCode: 'ABCDE-FGH23', newPassword: NEW_PASSWORD, admin: true }), 400, ErrorCode.ValidationFailed);
  });
});

describe('data rights', () => {
  it('the export never carries recovery codes or their hashes; deletion removes them', async () => {
    const m = await registered();
    const exported = JSON.stringify((await m.agent.get('/api/me/export').expect(200)).body);
    const [row] = await t.query<{ code_hash: string }>('SELECT code_hash FROM recovery_codes WHERE user_id = $1 LIMIT 1', [m.id]);
    expect(exported).not.toContain(row!.code_hash);
    expect(exported).not.toMatch(/recovery/i);
    await m.agent.delete('/api/me').send({ password: GOOD_PASSWORD, eraseContent: false }).expect(204);
    expect(await t.query('SELECT 1 FROM recovery_codes WHERE user_id = $1', [m.id])).toEqual([]);
    expectApiError(await recover(m.handle, m.codes[1]!), 401, ErrorCode.RecoveryCodeInvalid);
  });
});
