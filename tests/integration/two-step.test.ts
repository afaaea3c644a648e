import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ErrorCode } from '@kindred/contracts';
import { Secret, TOTP } from 'otpauth';
import { Clock } from '../../apps/api/src/common/clock.js';
import { GOOD_PASSWORD, uniqueHandle } from '../support/accounts.js';
import { sessionCookie, setCookies } from '../support/cookies.js';
import { expectApiError } from '../support/error-shape.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ LOGIN_MAX_FAILURES: '4', LOGIN_LOCK_MINUTES: '15' });
});
afterAll(async () => {
  await t?.close();
});

const now = () => t.get(Clock).now().getTime();
/** Moves the app's clock to the next 30-second step, so a fresh code exists. */
const nextStep = () => t.get(Clock).advance(30_000);
const codeAt = (secret: string, timestamp = now()) => new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp });

async function memberWithTotp() {
  const handle = uniqueHandle('otp');
  const reg = await t.http.post('/api/auth/register').send({ handle, password: GOOD_PASSWORD }).expect(201);
  const agent = t.agent().set('Cookie', `kindred_session=${sessionCookie(reg)!.value}`);
  const setup = await agent.post('/api/auth/totp/setup').send({ password: GOOD_PASSWORD }).expect(200);
  await agent.post('/api/auth/totp/confirm').send({ code: codeAt(setup.body.secret) }).expect(204);
  nextStep();
  return { handle, agent, id: reg.body.id as string, secret: setup.body.secret as string, codes: reg.body.recoveryCodes as string[] };
}

/** The password step; returns the pending cookie header to send with the second step. */
async function passwordStep(handle: string) {
  const res = await t.http.post('/api/auth/login').send({ handle, password: GOOD_PASSWORD }).expect(200);
  expect(res.body).toEqual({ twoStepRequired: true });
  expect(sessionCookie(res)).toBeUndefined();
  const pending = setCookies(res).find((c) => c.name === 'kindred_pending');
  expect(pending?.attributes).toMatchObject({ httponly: true, path: '/api/auth' });
  return `kindred_pending=${pending!.value}`;
}
const secondStep = (cookie: string | undefined, code: string) => {
  const req = t.http.post('/api/auth/login/two-step');
  return (cookie ? req.set('Cookie', cookie) : req).send({ code });
};

describe('setting up two-step sign-in', () => {
  it('needs the password, makes a QR code locally, stores the secret sealed, and turns on only after a first code', async () => {
    const handle = uniqueHandle('otp');
    const reg = await t.http.post('/api/auth/register').send({ handle, password: GOOD_PASSWORD }).expect(201);
    const agent = t.agent().set('Cookie', `kindred_session=${sessionCookie(reg)!.value}`);
    expectApiError(await agent.post('/api/auth/totp/setup').send({ password: 'not-my-password-1' }), 400, ErrorCode.InvalidCredentials);
    const setup = await agent.post('/api/auth/totp/setup').send({ password: GOOD_PASSWORD }).expect(200);
    expect(setup.body.otpauthUri).toMatch(new RegExp(`^otpauth://totp/Kindred:${handle}\\?.*secret=${setup.body.secret}`));
    expect(setup.body.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(setup.body.qrDataUrl.split(',')[1], 'base64').toString()).toContain('<svg');
    const [row] = await t.query<{ secret_encrypted: string }>('SELECT secret_encrypted FROM totp_credentials WHERE user_id = $1', [reg.body.id]);
    expect(row!.secret_encrypted).not.toContain(setup.body.secret);
    expect((await agent.get('/api/auth/totp').expect(200)).body).toEqual({ enabled: false });
    // Not on yet: sign-in is still one step.
    await t.http.post('/api/auth/login').send({ handle, password: GOOD_PASSWORD }).expect(200).expect((res) => expect(res.body.handle).toBe(handle));

    expectApiError(await agent.post('/api/auth/totp/confirm').send({ code: '000000' === codeAt(setup.body.secret) ? '111111' : '000000' }), 400, ErrorCode.TwoStepCodeInvalid);
    expect((await agent.get('/api/auth/totp').expect(200)).body).toEqual({ enabled: false });
    await agent.post('/api/auth/totp/confirm').send({ code: codeAt(setup.body.secret) }).expect(204);
    expect((await agent.get('/api/auth/totp').expect(200)).body).toEqual({ enabled: true });
    expectApiError(await agent.post('/api/auth/totp/setup').send({ password: GOOD_PASSWORD }), 409, ErrorCode.Conflict);
    expect(JSON.stringify((await agent.get('/api/me/export').expect(200)).body)).not.toContain(setup.body.secret);
  });
});

describe('two-step sign-in', () => {
  it('password, then a code: only then a session', async () => {
    const m = await memberWithTotp();
    const pending = await passwordStep(m.handle);
    await t.http.get('/api/auth/sessions').set('Cookie', pending).expect(401);
    const res = await secondStep(pending, codeAt(m.secret)).expect(200);
    expect(res.body.handle).toBe(m.handle);
    await t.http.get('/api/auth/sessions').set('Cookie', `kindred_session=${sessionCookie(res)!.value}`).expect(200);
    expect(setCookies(res).find((c) => c.name === 'kindred_pending')?.value).toBe('');
  });

  it('a code works once in its window (401 the second time), and a code from a passed window is refused', async () => {
    const m = await memberWithTotp();
    const code = codeAt(m.secret);
    await secondStep(await passwordStep(m.handle), code).expect(200);
    expectApiError(await secondStep(await passwordStep(m.handle), code), 401, ErrorCode.TwoStepCodeInvalid);
    nextStep();
    expectApiError(await secondStep(await passwordStep(m.handle), codeAt(m.secret, now() - 120_000)), 401, ErrorCode.TwoStepCodeInvalid);
    await secondStep(await passwordStep(m.handle), codeAt(m.secret)).expect(200);
  });

  it('a recovery code works as the second step, once', async () => {
    const m = await memberWithTotp();
    await secondStep(await passwordStep(m.handle), m.codes[2]!).expect(200);
    expectApiError(await secondStep(await passwordStep(m.handle), m.codes[2]!), 401, ErrorCode.TwoStepCodeInvalid);
  });

  it('without the password step, with a made-up pending cookie, or after five minutes, the second step is refused (401 TWO_STEP_EXPIRED)', async () => {
    const m = await memberWithTotp();
    expectApiError(await secondStep(undefined, codeAt(m.secret)), 401, ErrorCode.TwoStepExpired);
    const pending = await passwordStep(m.handle);
    expectApiError(await secondStep(`kindred_pending=${pending.split('=')[1]!.slice(0, -2)}xy`, codeAt(m.secret)), 401, ErrorCode.TwoStepExpired);
    t.get(Clock).advance(5 * 60_000 + 1_000);
    expectApiError(await secondStep(pending, codeAt(m.secret)), 401, ErrorCode.TwoStepExpired);
  });

  it('the pending sign-in is single-use: replaying its cookie after the second step succeeded is refused', async () => {
    const m = await memberWithTotp();
    const pending = await passwordStep(m.handle);
    await secondStep(pending, codeAt(m.secret)).expect(200);
    nextStep();
    expectApiError(await secondStep(pending, codeAt(m.secret)), 401, ErrorCode.TwoStepExpired);
    expectApiError(await secondStep(pending, m.codes[0]!), 401, ErrorCode.TwoStepExpired);
    // Refused before the code was looked at: the recovery code is still unused.
    await secondStep(await passwordStep(m.handle), m.codes[0]!).expect(200);
  });

  it('a wrong code leaves the pending sign-in for another try; two answers at once sign in once', async () => {
    const m = await memberWithTotp();
    const pending = await passwordStep(m.handle);
    expectApiError(await secondStep(pending, codeAt(m.secret) === '123456' ? '654321' : '123456'), 401, ErrorCode.TwoStepCodeInvalid);
    const [first, second] = await Promise.all([secondStep(pending, m.codes[4]!), secondStep(pending, m.codes[5]!)]);
    expect([first.status, second.status].sort()).toEqual([200, 401]);
    // The losing answer used nothing up: exactly one of the two codes is spent.
    const used = await t.query('SELECT 1 FROM recovery_codes WHERE user_id = $1 AND used_at IS NOT NULL', [m.id]);
    expect(used).toHaveLength(1);
  });

  it('forgot password with two-step on: the recovery code resets the password but does not sign in; the second step is still asked and the spent code cannot be it', async () => {
    const m = await memberWithTotp();
    const newPassword = 'violet-harbour-ladder-17';
    const res = await t.http.post('/api/auth/recover').send({ handle: m.handle, recoveryCode: m.codes[1], newPassword }).expect(200);
    expect(res.body).toEqual({ twoStepRequired: true });
    expect(sessionCookie(res)).toBeUndefined();
    const pending = `kindred_pending=${setCookies(res).find((c) => c.name === 'kindred_pending')!.value}`;
    expectApiError(await secondStep(pending, m.codes[1]!), 401, ErrorCode.TwoStepCodeInvalid);
    const signedIn = await secondStep(pending, codeAt(m.secret)).expect(200);
    expect(signedIn.body.handle).toBe(m.handle);
    // Two-step stays on, with the new password.
    nextStep();
    const again = await t.http.post('/api/auth/login').send({ handle: m.handle, password: newPassword }).expect(200);
    expect(again.body).toEqual({ twoStepRequired: true });
  });

  it('wrong codes count against the sign-in lock, and knowing the password does not reset it', async () => {
    const m = await memberWithTotp();
    const wrong = codeAt(m.secret) === '123456' ? '654321' : '123456';
    for (let i = 0; i < 4; i += 1) expectApiError(await secondStep(await passwordStep(m.handle), wrong), 401, ErrorCode.TwoStepCodeInvalid);
    const locked = await t.http.post('/api/auth/login').send({ handle: m.handle, password: GOOD_PASSWORD });
    expectApiError(locked, 429, ErrorCode.LoginLocked);
  });

  it('turning it off needs the password and a code; then sign-in is one step again', async () => {
    const m = await memberWithTotp();
    expectApiError(await m.agent.post('/api/auth/totp/disable').send({ password: GOOD_PASSWORD, code: '000000' === codeAt(m.secret) ? '111111' : '000000' }), 401, ErrorCode.TwoStepCodeInvalid);
    expectApiError(await m.agent.post('/api/auth/totp/disable').send({ password: 'not-my-password-1', code: codeAt(m.secret) }), 400, ErrorCode.InvalidCredentials);
    expect((await m.agent.get('/api/auth/totp').expect(200)).body).toEqual({ enabled: true });
    await m.agent.post('/api/auth/totp/disable').send({ password: GOOD_PASSWORD, code: codeAt(m.secret) }).expect(204);
    expect((await m.agent.get('/api/auth/totp').expect(200)).body).toEqual({ enabled: false });
    const res = await t.http.post('/api/auth/login').send({ handle: m.handle, password: GOOD_PASSWORD }).expect(200);
    expect(res.body.handle).toBe(m.handle);
  });

  it('deleting the account removes the secret', async () => {
    const m = await memberWithTotp();
    await m.agent.delete('/api/me').send({ password: GOOD_PASSWORD, eraseContent: false }).expect(204);
    expect(await t.query('SELECT 1 FROM totp_credentials WHERE user_id = $1', [m.id])).toEqual([]);
  });
});
