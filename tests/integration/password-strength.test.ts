/**
 * New passwords must reach zxcvbn score 3 given what an attacker knows (handle, email, this
 * site) on every path that sets one; the refusal carries zxcvbn's feedback as coded details.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ErrorCode } from '@kindred/contracts';
import { passwordProblems } from '../../apps/api/src/auth/password.js';
import { SetupService } from '../../apps/api/src/setup/setup.service.js';
import { GOOD_PASSWORD, uniqueHandle } from '../support/accounts.js';
import { expectApiError } from '../support/error-shape.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

interface Detail {
  field: string;
  problem: string;
  code?: string;
}

/** Refused as WEAK_PASSWORD, the first detail saying why (`warning`), then zxcvbn's suggestions. */
function expectWeak(res: Parameters<typeof expectApiError>[0], field: string, warning: string): void {
  expectApiError(res, 400, ErrorCode.WeakPassword);
  expect(res.body.message).toBe('Please choose a password that is harder to guess.');
  const details = res.body.details as Detail[];
  expect(details[0]).toMatchObject({ field, code: `password.warning.${warning}` });
  expect(details.slice(1).length).toBeGreaterThan(0);
  for (const detail of details) {
    expect(detail.field).toBe(field);
    expect(detail.code).toMatch(/^password\.(warning|suggestion)\.[A-Za-z]+$/);
    expect(detail.problem.length).toBeGreaterThan(10);
    expect(detail.problem.length).toBeLessThan(120);
  }
}

async function userExists(handle: string): Promise<boolean> {
  return (await t.query('SELECT 1 FROM users WHERE handle_key = $1', [handle.toLowerCase()])).length > 0;
}

describe('registration', () => {
  it('refuses a common password, with zxcvbn feedback the form can show', async () => {
    const handle = uniqueHandle('common');
    expectWeak(await t.http.post('/api/auth/register').send({ handle, password: 'password123' }), 'password', 'common');
    expect(await userExists(handle)).toBe(false);
  });

  it('refuses a password made of the handle run together, or of the email, though neither contains them whole', async () => {
    expectWeak(await t.http.post('/api/auth/register').send({ handle: 'maple_brook', password: 'maplebrook2024' }), 'password', 'userInputs');
    expect(await userExists('maple_brook')).toBe(false);
    const email = 'quiet.fern@example.org';
    expectWeak(await t.http.post('/api/auth/register').send({ handle: uniqueHandle('mail'), email, password: 'quietfern1987' }), 'password', 'userInputs');
    // Words about this site are guessed first too.
    expectWeak(await t.http.post('/api/auth/register').send({ handle: uniqueHandle('site'), password: 'kindred2024!' }), 'password', 'userInputs');
  });

  it('accepts a passphrase of unrelated words', async () => {
    await t.http.post('/api/auth/register').send({ handle: 'maple_brook', password: GOOD_PASSWORD }).expect(201);
    await t.http.post('/api/auth/register').send({ handle: uniqueHandle('phrase'), password: 'copper kettle under snow' }).expect(201);
  });
});

describe('changing the password', () => {
  it('judges the new password with the handle and email on record, and keeps the old one on refusal', async () => {
    const handle = 'willow_creek';
    const agent = t.agent();
    await agent.post('/api/auth/register').send({ handle, password: GOOD_PASSWORD, email: 'slow.river@example.net' }).expect(201);
    expectWeak(await agent.post('/api/auth/password').send({ currentPassword: GOOD_PASSWORD, newPassword: 'willowcreek99' }), 'newPassword', 'userInputs');
    expectWeak(await agent.post('/api/auth/password').send({ currentPassword: GOOD_PASSWORD, newPassword: 'slowriver2020' }), 'newPassword', 'userInputs');
    await t.http.post('/api/auth/login').send({ handle, password: GOOD_PASSWORD }).expect(200);
    await agent.post('/api/auth/password').send({ currentPassword: GOOD_PASSWORD, newPassword: 'lantern moss quietly hums' }).expect(204);
  });
});

describe('first-admin setup', () => {
  it('applies the same score', async () => {
    const token = await t.get(SetupService).issueToken();
    expectWeak(await t.http.post('/api/setup/admin').send({ token, handle: 'night_owl', password: 'nightowl2025' }), 'password', 'userInputs');
    expectWeak(await t.http.post('/api/setup/admin').send({ token, handle: 'first_admin', password: 'qwertyuiop12' }), 'password', 'similarToCommon');
    await t.http.post('/api/setup/admin').send({ token, handle: 'first_admin', password: GOOD_PASSWORD }).expect(201);
  });
});

describe('the estimator (a worker thread, off the event loop)', () => {
  it('answers many estimates at once, each with its own verdict (the same as one at a time)', async () => {
    const cases = Array.from({ length: 12 }, (_, i) =>
      [
        { password: 'password123', context: { handle: uniqueHandle('many') } },
        { password: `maplebrook${1990 + i}`, context: { handle: 'maple_brook' } },
        { password: `lantern moss quietly hums ${i}`, context: { handle: uniqueHandle('many') } },
      ][i % 3]!,
    );
    const codes = (problems: { code?: string }[]) => problems.map((p) => p.code);
    const oneAtATime = [];
    for (const c of cases) oneAtATime.push(codes(await passwordProblems(c.password, c.context)));
    const atOnce = (await Promise.all(cases.map((c) => passwordProblems(c.password, c.context)))).map(codes);
    expect(atOnce).toEqual(oneAtATime);
    expect(oneAtATime.map((found) => found[0])).toEqual(cases.map((_, i) => ['password.warning.common', 'password.warning.userInputs', undefined][i % 3]));
  });
});
