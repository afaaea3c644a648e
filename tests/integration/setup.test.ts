import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SetupService } from '../../apps/api/src/setup/setup.service.js';
import { GOOD_PASSWORD } from '../support/accounts.js';
import { sessionCookie } from '../support/cookies.js';
import { expectApiError } from '../support/error-shape.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('first-admin setup', () => {
  it('is needed on an empty database, accepts only the issued token once, and signs the admin in', async () => {
    expect((await t.http.get('/api/setup/status').expect(200)).body).toEqual({ needed: true });
    const token = await t.get(SetupService).issueToken();

    expectApiError(
      await t.http.post('/api/setup/admin').send({ token: 'x'.repeat(32), handle: 'first_admin', password: GOOD_PASSWORD }),
      403,
      'SETUP_TOKEN_INVALID',
    );
    expectApiError(await t.http.post('/api/setup/admin').send({ token, handle: 'first_admin', password: 'password123' }), 400, 'WEAK_PASSWORD');

    const res = await t.http.post('/api/setup/admin').send({ token, handle: 'first_admin', password: GOOD_PASSWORD }).expect(201);
    expect(res.body).toMatchObject({ handle: 'first_admin', role: 'admin' });
    const cookie = sessionCookie(res)!;
    await t.http.get('/api/admin/users').set('Cookie', `kindred_session=${cookie.value}`).expect(200);

    expect((await t.http.get('/api/setup/status').expect(200)).body).toEqual({ needed: false });
    expectApiError(await t.http.post('/api/setup/admin').send({ token, handle: 'second_admin', password: GOOD_PASSWORD }), 409, 'SETUP_UNAVAILABLE');
    const admins = await t.query<{ n: number }>(`SELECT count(*)::int AS n FROM users WHERE role = 'admin'`);
    expect(admins[0]!.n).toBe(1);
  });
});
