/**
 * Account safety in the browser: recovery codes shown once after registration (copy or
 * download, nothing kept in storage), "Forgot password?" with a code, a new set from Settings,
 * and the safety check page. Phone width, axe.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { Secret, TOTP } from 'otpauth';
import { Clock } from '../../apps/api/src/common/clock.js';
import { GOOD_PASSWORD, signIn, uniqueHandle } from '../support/accounts.js';
import { describeViolations, seriousViolations } from './support/axe.js';
import { startE2eApp, type E2eApp } from './support/e2e-app.js';

const PHONE = { width: 375, height: 740 };
const NEW_PASSWORD = 'amber-meadow-kettle-88';
const CODE = /^[0-9A-Z]{5}-[0-9A-Z]{5}$/;

async function check(page: Page, name: string) {
  const violations = await seriousViolations(page);
  if (violations.length > 0) throw new Error(`${name}:\n${describeViolations(violations)}`);
  const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
  expect(overflow).toBe(0);
}

async function shownCodes(page: Page): Promise<string[]> {
  const list = page.getByRole('list', { name: 'Recovery codes' });
  await list.waitFor();
  return (await list.locator('code').allTextContents()).map((c) => c.trim());
}

describe('recovery codes in the browser', () => {
  let e2e: E2eApp;

  beforeAll(async () => {
    e2e = await startE2eApp();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('registration shows 10 codes once, downloadable as text, kept nowhere in the browser; a code then resets the password', async () => {
    const { page } = await e2e.person({ bypassCSP: true, viewport: PHONE, acceptDownloads: true });
    const handle = uniqueHandle('saver');
    await page.goto('/register');
    await page.getByLabel('Handle').fill(handle);
    await page.getByLabel('Password').fill(GOOD_PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();

    const codes = await shownCodes(page);
    expect(codes).toHaveLength(10);
    for (const code of codes) expect(code).toMatch(CODE);
    expect(await page.evaluate('document.activeElement?.id')).toBe('new-recovery-codes-heading');
    await check(page, 'codes after registration');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download as a text file' }).click()]);
    expect(download.suggestedFilename()).toBe('kindred-recovery-codes.txt');
    const text = await readFile((await download.path())!, 'utf8');
    for (const code of codes) expect(text).toContain(code);
    expect(text).toContain(handle);

    const stored = (await page.evaluate('JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })')) as string;
    for (const code of codes) expect(stored).not.toContain(code);

    await page.getByRole('button', { name: 'I have saved them, continue' }).click();
    await page.waitForURL('**/welcome');

    // Another device stays signed in until the password is reset with a code.
    const otherDevice = await signIn(e2e.t, handle);
    const { page: later } = await e2e.person({ bypassCSP: true, viewport: PHONE });
    await later.goto('/login');
    await later.getByRole('link', { name: 'Forgot your password?' }).click();
    await later.getByRole('heading', { name: 'Forgot your password?' }).waitFor();
    await check(later, 'forgot password');

    await later.getByLabel('Handle').fill(handle);
    await later.getByLabel('Recovery code').fill('ZZZZZ-ZZZZZ');
    await later.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await later.getByLabel('New password again').fill(NEW_PASSWORD);
    await later.getByRole('button', { name: 'Set new password' }).click();
    await later.getByRole('alert').getByText('That handle and recovery code do not match.').waitFor();
    await check(later, 'forgot password, wrong code');

    await later.getByLabel('Recovery code').fill(codes[4]!.toLowerCase());
    await later.getByRole('button', { name: 'Set new password' }).click();
    await later.waitForURL('**/settings');
    await later.getByText('Your new password is set').waitFor();
    await later.getByText('You have 9 unused recovery codes.').waitFor();
    await otherDevice.get('/api/auth/sessions').expect(401);
    await signIn(e2e.t, handle, NEW_PASSWORD);
  });

  it('Settings makes a new set after the password, and the old codes stop working', async () => {
    const handle = uniqueHandle('renew');
    const registered = await e2e.t.http.post('/api/auth/register').send({ handle, password: GOOD_PASSWORD }).expect(201);
    const oldCodes = registered.body.recoveryCodes as string[];
    const { context, page } = await e2e.person({ bypassCSP: true, viewport: PHONE });
    await context.request.post('/api/auth/login', { data: { handle, password: GOOD_PASSWORD } });
    await page.goto('/settings');
    const section = page.getByRole('region', { name: 'Recovery codes' });
    await section.getByText('You have 10 unused recovery codes.').waitFor();

    await section.getByLabel('Your password').fill('not-my-password-1');
    await section.getByRole('button', { name: 'Make new recovery codes' }).click();
    await section.getByRole('alert').waitFor();
    expect(await page.getByRole('list', { name: 'Recovery codes' }).count()).toBe(0);

    await section.getByLabel('Your password').fill(GOOD_PASSWORD);
    await section.getByRole('button', { name: 'Make new recovery codes' }).click();
    const fresh = await shownCodes(page);
    expect(fresh).toHaveLength(10);
    expect(fresh.some((c) => oldCodes.includes(c))).toBe(false);
    await check(page, 'settings, new codes');
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await page.getByText('You have 10 unused recovery codes.').waitFor();

    const old = await e2e.t.http.post('/api/auth/recover').send({ handle, recoveryCode: oldCodes[0], newPassword: NEW_PASSWORD });
    expect(old.status).toBe(401);
  });

  it('the safety check shows devices and recent sign-ins, and one step locks everyone else out', async () => {
    const handle = uniqueHandle('check');
    await e2e.t.http.post('/api/auth/register').send({ handle, password: GOOD_PASSWORD }).expect(201);
    await e2e.t.http.post('/api/auth/login').send({ handle, password: 'wrong-password-1' }).expect(401);
    const otherDevice = await signIn(e2e.t, handle);
    const { context, page } = await e2e.person({ bypassCSP: true, viewport: PHONE });
    await context.request.post('/api/auth/login', { data: { handle, password: GOOD_PASSWORD } });
    await page.goto('/settings');
    await page.getByRole('link', { name: 'Open the safety check' }).click();
    await page.getByRole('heading', { level: 1, name: 'Safety check' }).waitFor();
    await page.getByText('This device').waitFor();
    const history = page.getByRole('region', { name: 'Recent sign-ins' });
    await history.getByText('Account created').waitFor();
    await history.getByText('Someone tried a wrong password').waitFor();
    expect(await history.getByText('Signed in', { exact: true }).count()).toBe(2);
    await check(page, 'safety check');

    const secure = page.getByRole('region', { name: 'Someone else may know my password' });
    await secure.getByLabel('Current password').fill('not-my-password-1');
    await secure.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await secure.getByLabel('New password again').fill(NEW_PASSWORD);
    await secure.getByRole('button', { name: 'Secure my account' }).click();
    await secure.getByRole('alert').getByText('Nothing was changed').waitFor();
    await otherDevice.get('/api/auth/sessions').expect(200);

    await secure.getByLabel('Current password').fill(GOOD_PASSWORD);
    await secure.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await secure.getByLabel('New password again').fill(NEW_PASSWORD);
    await secure.getByRole('button', { name: 'Secure my account' }).click();
    // The session registration started counts too: two other devices.
    await secure.getByText(/Done\. Your password is changed and 2 other devices signed out/).waitFor();
    expect(await shownCodes(page)).toHaveLength(10);
    await check(page, 'safety check, account secured');
    await otherDevice.get('/api/auth/sessions').expect(401);
    await signIn(e2e.t, handle, NEW_PASSWORD);
  });

  it('two-step sign-in: set up in Settings with a local QR code, then logging in asks for a code', async () => {
    const handle = uniqueHandle('twostep');
    await e2e.t.http.post('/api/auth/register').send({ handle, password: GOOD_PASSWORD }).expect(201);
    const { context, page } = await e2e.person({ bypassCSP: true, viewport: PHONE });
    await context.request.post('/api/auth/login', { data: { handle, password: GOOD_PASSWORD } });
    await page.goto('/settings');
    const section = page.getByRole('region', { name: 'Two-step sign-in' });
    await section.getByText('Two-step sign-in is off.').waitFor();
    await section.getByLabel('Your password').fill(GOOD_PASSWORD);
    await section.getByRole('button', { name: 'Set up two-step sign-in' }).click();
    const qr = section.getByRole('img', { name: 'QR code for your authenticator app' });
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    await check(page, 'two-step setup');
    const secret = ((await section.locator('code').textContent()) ?? '').trim();
    const code = () => new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: e2e.t.get(Clock).now().getTime() });
    await section.getByLabel('Code from your authenticator app').fill(code());
    await section.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
    await section.getByText('Two-step sign-in is on. Next time').waitFor();

    // The confirming code is used up: log in with the next one.
    e2e.t.get(Clock).advance(30_000);
    const { page: later } = await e2e.person({ bypassCSP: true, viewport: PHONE });
    await later.goto('/login');
    await later.getByLabel('Handle').fill(handle);
    await later.getByLabel('Password').fill(GOOD_PASSWORD);
    await later.getByRole('button', { name: 'Log in' }).click();
    await later.getByText('One more step').waitFor();
    await check(later, 'two-step login');
    await later.getByLabel('Code from your authenticator app').fill(code());
    await later.getByRole('button', { name: 'Log in' }).click();
    await later.waitForURL((url) => url.pathname === '/');
    expect((await (await later.request.get('/api/auth/me')).json()).user.handle).toBe(handle);
  });
});
