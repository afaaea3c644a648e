/**
 * Passkeys in the web app, with Chromium's virtual authenticator standing in for the phone's
 * screen lock: add one in Settings, log out, log in with it (no handle), then find and remove
 * it on the safety check. Also: forgot password with two-step on asks for the second step.
 * Phone width, axe on every changed screen. Served on localhost (WebAuthn refuses IP addresses).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { Secret, TOTP } from 'otpauth';
import { Clock } from '../../apps/api/src/common/clock.js';
import { GOOD_PASSWORD, uniqueHandle } from '../support/accounts.js';
import { addVirtualAuthenticator, createPasskey } from '../support/virtual-authenticator.js';
import { describeViolations, seriousViolations } from './support/axe.js';
import { signedInMember, startE2eApp, type E2eApp } from './support/e2e-app.js';

const PHONE = { width: 375, height: 740 };

async function check(page: Page, name: string) {
  const violations = await seriousViolations(page);
  if (violations.length > 0) throw new Error(`${name}:\n${describeViolations(violations)}`);
  const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
  expect(overflow).toBe(0);
}

const signedInHandle = async (page: Page) => ((await (await page.request.get('/api/auth/me')).json()) as { user: { handle: string } | null }).user?.handle ?? null;

describe('passkeys in the browser', () => {
  let e2e: E2eApp;

  beforeAll(async () => {
    e2e = await startE2eApp({ localhost: true });
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('Settings → add a passkey → log out → log in with it, no handle typed', async () => {
    const member = await signedInMember(e2e, { bypassCSP: true, viewport: PHONE });
    const { page } = member;
    await addVirtualAuthenticator(page);

    await page.goto('/settings');
    const section = page.getByRole('region', { name: 'Passkeys', exact: true });
    await section.getByText('You have no passkeys.').waitFor();
    await section.getByRole('button', { name: 'Add a passkey' }).click();
    await section.getByText('Please give the passkey a name.').first().waitFor();
    await section.getByLabel('Name for the new passkey').fill('My phone');
    await section.getByLabel('Your password').fill(GOOD_PASSWORD);
    await section.getByRole('button', { name: 'Add a passkey' }).click();
    await section.getByText('Passkey "My phone" added.').waitFor();
    await section.getByText('not used yet').waitFor();
    await check(page, 'settings with a passkey');

    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('button', { name: 'Log out', exact: true }).click();
    await page.waitForURL('**/login');
    expect(await signedInHandle(page)).toBeNull();
    await page.getByRole('button', { name: 'Use a passkey' }).waitFor();
    await check(page, 'login with the passkey choice');
    await page.getByRole('button', { name: 'Use a passkey' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    expect(await signedInHandle(page)).toBe(member.handle);
  }, 90_000);

  it('the safety check lists passkeys, says securing the account keeps them, and removes one with the password', async () => {
    const member = await signedInMember(e2e, { bypassCSP: true, viewport: PHONE });
    const { page, context } = member;
    await page.goto('/settings/safety');
    await addVirtualAuthenticator(page);
    const options = await (await context.request.post('/api/auth/passkeys/options', { data: { password: GOOD_PASSWORD } })).json();
    const credential = await createPasskey(page, options);
    expect((await context.request.post('/api/auth/passkeys', { data: { name: 'My phone', response: credential } })).status()).toBe(201);

    await page.reload();
    const listed = page.getByRole('region', { name: 'Passkeys that can log in' });
    await listed.getByRole('listitem').filter({ hasText: 'My phone' }).waitFor();
    await listed.getByText('If you see one you do not recognise, remove it').waitFor();
    await page.getByText('Your passkeys are not changed by this step.').waitFor();
    await check(page, 'safety check with a passkey');
    await listed.getByRole('button', { name: 'Remove My phone' }).click();
    await listed.getByLabel('Your password, to remove "My phone"').fill('not-my-password-1');
    await listed.getByRole('button', { name: 'Remove passkey' }).click();
    await listed.getByRole('alert').first().waitFor();
    await check(page, 'removing a passkey, wrong password');
    expect(await e2e.t.query('SELECT 1 FROM passkeys WHERE user_id = $1', [member.user.id])).toHaveLength(1);
    await listed.getByLabel('Your password, to remove "My phone"').fill(GOOD_PASSWORD);
    await listed.getByRole('button', { name: 'Remove passkey' }).click();
    await listed.getByText('Passkey "My phone" removed.').waitFor();
    await listed.getByText('You have no passkeys.').waitFor();
    expect(await e2e.t.query('SELECT 1 FROM passkeys WHERE user_id = $1', [member.user.id])).toEqual([]);
  }, 90_000);

  it('forgot password with two-step on: the new password is set, then the second step is asked before signing in', async () => {
    const handle = uniqueHandle('resetotp');
    const reg = await e2e.t.http.post('/api/auth/register').send({ handle, password: GOOD_PASSWORD }).expect(201);
    const { context, page } = await e2e.person({ bypassCSP: true, viewport: PHONE });
    await context.request.post('/api/auth/login', { data: { handle, password: GOOD_PASSWORD } });
    const setup = (await (await context.request.post('/api/auth/totp/setup', { data: { password: GOOD_PASSWORD } })).json()) as { secret: string };
    const code = () => new TOTP({ secret: Secret.fromBase32(setup.secret), digits: 6, period: 30 }).generate({ timestamp: e2e.t.get(Clock).now().getTime() });
    expect((await context.request.post('/api/auth/totp/confirm', { data: { code: code() } })).status()).toBe(204);
    await context.request.post('/api/auth/logout');
    e2e.t.get(Clock).advance(30_000);

    await page.goto('/forgot-password');
    await page.getByLabel('Handle').fill(handle);
    await page.getByLabel('Recovery code').fill((reg.body.recoveryCodes as string[])[0]!);
    await page.getByLabel('New password', { exact: true }).fill('amber-meadow-kettle-88');
    await page.getByLabel('New password again').fill('amber-meadow-kettle-88');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByText('Two-step sign-in is still on').waitFor();
    expect(await signedInHandle(page)).toBeNull();
    await check(page, 'second step after a reset');
    await page.getByLabel('Code from your authenticator app').fill(code());
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL('**/settings');
    expect(await signedInHandle(page)).toBe(handle);
  }, 90_000);
});
