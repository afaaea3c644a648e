import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ErrorCode } from '@kindred/contracts';
import { registerMember, signIn } from '../support/accounts.js';
import { expectApiError } from '../support/error-shape.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

const storedLanguage = async (id: string) => (await t.query<{ language: string | null }>('SELECT language FROM users WHERE id = $1', [id]))[0]!.language;

describe("a member's language", () => {
  it('starts unset (the browser decides), is saved in settings, travels with the session and the export', async () => {
    const m = await registerMember(t);
    expect((await m.agent.get('/api/auth/me').expect(200)).body.user.language).toBeNull();
    expect((await m.agent.get('/api/me/settings').expect(200)).body.language).toBeNull();

    const saved = await m.agent.patch('/api/me/settings').send({ language: 'es' }).expect(200);
    expect(saved.body).toMatchObject({ language: 'es', showPresence: true, mentionsFrom: 'rooms' });
    expect(await storedLanguage(m.user.id)).toBe('es');
    // Every device the member signs in on follows the choice.
    const elsewhere = await signIn(t, m.handle);
    expect((await elsewhere.get('/api/auth/me').expect(200)).body.user.language).toBe('es');
    expect((await m.agent.get('/api/me/export').expect(200)).body.settings.language).toBe('es');

    // Other settings saved later leave the language as it is.
    await m.agent.patch('/api/me/settings').send({ showTyping: false }).expect(200);
    expect(await storedLanguage(m.user.id)).toBe('es');

    // null goes back to following the browser.
    expect((await m.agent.patch('/api/me/settings').send({ language: null }).expect(200)).body.language).toBeNull();
    expect(await storedLanguage(m.user.id)).toBeNull();
  });

  it('refuses a language Kindred does not ship, changing nothing', async () => {
    const m = await registerMember(t);
    await m.agent.patch('/api/me/settings').send({ language: 'en' }).expect(200);
    for (const language of ['fr', 'ES', 'es-MX', 'ar-XB', '', 5, ['es'], { es: true }]) {
      expectApiError(await m.agent.patch('/api/me/settings').send({ language, showTyping: false }), 400, ErrorCode.ValidationFailed);
    }
    expect(await storedLanguage(m.user.id)).toBe('en');
    expect((await m.agent.get('/api/me/settings').expect(200)).body.showTyping).toBe(true);
  });

  it('needs a session', async () => {
    expectApiError(await t.http.patch('/api/me/settings').send({ language: 'es' }), 401, ErrorCode.Unauthenticated);
  });
});
