import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GOOD_PASSWORD, registerMember } from '../support/accounts.js';
import { memberWithRole } from '../support/forum.js';
import { focused, startE2eApp, waitToLeave, type E2eApp } from './support/e2e-app.js';
import { createRoomAs, joinAs } from './support/forum-setup.js';

describe('safety controls in the browser', () => {
  let e2e: E2eApp;
  let room: { id: string; slug: string };

  beforeAll(async () => {
    e2e = await startE2eApp();
    const admin = await memberWithRole(e2e.t, 'admin');
    room = await createRoomAs(admin.agent, { name: 'Safe harbour' });
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it('"Take a pause" traps focus, closes with one Esc and gives focus back', async () => {
    const member = await registerMember(e2e.t);
    const { context, page } = await e2e.person({ reducedMotion: 'reduce' });
    await context.request.post('/api/auth/login', { data: { handle: member.handle, password: GOOD_PASSWORD } });
    await page.goto('/');
    await page.getByRole('button', { name: 'Take a pause' }).click();
    const dialog = page.getByRole('dialog', { name: 'Take a pause' });
    await dialog.waitFor();
    await dialog.getByText('breathe in for four', { exact: false }).waitFor();
    await dialog.getByText('things you can see').waitFor();

    // Tab stays inside the dialog.
    for (let i = 0; i < 6; i += 1) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(`!!document.activeElement?.closest('[role="dialog"]')`)).toBe(true);
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect((await focused(page)).text).toContain('Take a pause');
    // One Esc closed the dialog and did not leave the site.
    await page.waitForTimeout(1_100);
    expect(page.url()).toContain(e2e.baseUrl);
  });

  it('quick exit by double Esc (even while typing) leaves for good: Back does not return and the session is dead', async () => {
    const member = await registerMember(e2e.t);
    await joinAs(member.agent, room.id);
    const { context, page } = await e2e.person();
    await page.goto('/login');
    await page.getByLabel('Handle').fill(member.handle);
    await page.getByLabel('Password').fill(GOOD_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rooms' }).waitFor();
    // Move around inside the app first, so there would be earlier pages to go back to.
    await page.getByRole('link', { name: 'Safe harbour' }).click();
    await page.getByRole('button', { name: 'Start a thread' }).click();
    await page.getByRole('textbox', { name: 'What would you like to share?' }).click();
    await page.keyboard.type('half-written words');

    const cookie = (await context.cookies()).find((c) => c.name === 'kindred_session');
    expect(cookie).toBeDefined();
    const exitResponse = page.waitForResponse((res) => res.url().endsWith('/api/auth/exit'));
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    expect((await exitResponse).status()).toBe(204);
    await waitToLeave(page, e2e.baseUrl);

    await page.goBack().catch(() => undefined);
    expect(page.url().startsWith(e2e.baseUrl)).toBe(false);

    // The old cookie no longer opens anything.
    const me = await fetch(`${e2e.baseUrl}/api/auth/me`, { headers: { cookie: `kindred_session=${cookie!.value}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({ user: null });
  });

  it('the quick-exit button is on every page and works with one click', async () => {
    const { page } = await e2e.person();
    await page.goto('/welcome');
    await page.getByRole('button', { name: 'Quick exit' }).click();
    await waitToLeave(page, e2e.baseUrl);
    await page.goBack().catch(() => undefined);
    expect(page.url().startsWith(e2e.baseUrl)).toBe(false);
  });

  it('a chosen language leaves nothing of Kindred in browser storage, before or after quick exit', async () => {
    const { page } = await e2e.person({ locale: 'en-US' });
    await page.goto('/welcome');
    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('heading', { level: 1, name: 'Te damos la bienvenida a Kindred' }).waitFor();
    const storage = () => page.evaluate(`JSON.stringify({ local: Object.keys(localStorage), session: Object.keys(sessionStorage) })`) as Promise<string>;
    // Any key on the device would show a watching person that Kindred was used here.
    expect(JSON.parse(await storage())).toEqual({ local: [], session: [] });
    // The choice lasts while the page is open: moving within the app stays in Spanish.
    await page.getByRole('link', { name: 'Iniciar sesión' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Iniciar sesión' }).waitFor();
    expect(JSON.parse(await storage())).toEqual({ local: [], session: [] });

    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await waitToLeave(page, e2e.baseUrl);
    // Back in the same tab on a Kindred address that runs no app code (a JSON response), so
    // the tab's own storage is read as quick exit left it.
    await page.goto('/api/auth/me');
    expect(JSON.parse(await storage())).toEqual({ local: [], session: [] });
  });

  it('settings: presence and typing, a data export, and deleting the account after a calm confirmation', async () => {
    const member = await registerMember(e2e.t);
    const { context, page } = await e2e.person();
    await context.request.post('/api/auth/login', { data: { handle: member.handle, password: GOOD_PASSWORD } });
    await page.goto('/settings');

    await page.getByLabel('Show others when I am typing').uncheck();
    await page.getByLabel('Nobody', { exact: true }).check();
    await page.getByRole('button', { name: 'Save these choices' }).click();
    await page.getByText('Saved.', { exact: true }).waitFor();
    expect(await (await context.request.get('/api/me/settings')).json()).toMatchObject({ showTyping: false, showPresence: true, mentionsFrom: 'nobody' });

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download my data' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('kindred-export.json');

    await page.getByLabel('Erase my posts and messages too').check();
    await page.getByRole('region', { name: 'Delete your account' }).getByLabel('Your password', { exact: true }).fill('not-my-password-at-all');
    await page.getByRole('button', { name: 'Delete my account…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete your account?' });
    await dialog.getByText('Your account, your posts and your messages will be erased.').waitFor();
    await dialog.getByRole('button', { name: 'Yes, delete my account' }).click();
    await dialog.getByRole('alert').waitFor();
    await dialog.getByRole('button', { name: 'Keep my account' }).click();
    await page.getByRole('region', { name: 'Delete your account' }).getByLabel('Your password', { exact: true }).fill(GOOD_PASSWORD);
    await page.getByRole('button', { name: 'Delete my account…' }).click();
    await dialog.getByRole('button', { name: 'Yes, delete my account' }).click();
    await page.getByText('Your account is deleted.').waitFor();
    await page.getByRole('link', { name: 'Log in' }).first().waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await (await context.request.get('/api/auth/me')).json()).toEqual({ user: null });
  });
});
