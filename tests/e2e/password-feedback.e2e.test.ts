/**
 * The three forms that choose a password show the server's zxcvbn feedback on the field
 * (the server decides; the web app ships no dictionaries), tied to the input for assistive
 * technology, and accept a strong passphrase afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { SetupService } from '../../apps/api/src/setup/setup.service.js';
import { GOOD_PASSWORD } from '../support/accounts.js';
import { describeViolations, seriousViolations } from './support/axe.js';
import { signedInMember, startE2eApp, type E2eApp } from './support/e2e-app.js';

const HARDER = 'Please choose a password that is harder to guess.';
const ANOTHER_WORD = 'Add more words that are less common.';
const PERSONAL = 'It contains your handle, your email or a word about Kindred, which are guessed first.';

/** The field's error text, checked to be what the input announces (aria-describedby). */
async function fieldError(page: Page, inputId: string): Promise<string> {
  const error = page.locator(`#${inputId}-error`);
  await error.waitFor();
  const input = page.locator(`#${inputId}`);
  expect(await input.getAttribute('aria-invalid')).toBe('true');
  expect((await input.getAttribute('aria-describedby'))?.split(' ')).toContain(`${inputId}-error`);
  return (await error.textContent()) ?? '';
}

describe('password feedback in the browser', () => {
  let e2e: E2eApp;

  beforeAll(async () => {
    e2e = await startE2eApp();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('first-admin setup shows why a password is guessable, then accepts a passphrase', async () => {
    const token = await e2e.t.get(SetupService).issueToken();
    const { page } = await e2e.person();
    await page.goto(`/setup#token=${token}`);
    await page.getByLabel('Admin handle').fill('night_owl');
    await page.getByLabel('Password', { exact: true }).fill('nightowl2025');
    await page.getByLabel('Confirm password').fill('nightowl2025');
    await page.getByRole('button', { name: 'Create admin account' }).click();
    await page.getByRole('alert').getByText(HARDER).waitFor();
    const feedback = await fieldError(page, 'password');
    expect(feedback).toContain(PERSONAL);
    expect(feedback).toContain(ANOTHER_WORD);

    await page.getByLabel('Password', { exact: true }).fill(GOOD_PASSWORD);
    await page.getByLabel('Confirm password').fill(GOOD_PASSWORD);
    await page.getByRole('button', { name: 'Create admin account' }).click();
    await page.getByText('The admin account is ready and you are signed in.').waitFor();
  });

  it('registration shows the feedback on the password field, accessibly', async () => {
    const { page } = await e2e.person({ bypassCSP: true });
    await page.goto('/register');
    await page.getByLabel('Handle').fill('maple_brook');
    await page.getByLabel('Password').fill('maplebrook2024');
    await page.getByRole('button', { name: 'Create account' }).click();
    const feedback = await fieldError(page, 'password');
    expect(feedback).toBe(`${PERSONAL} ${ANOTHER_WORD}`);
    const violations = await seriousViolations(page);
    expect(describeViolations(violations)).toBe('');

    await page.getByLabel('Password').fill(GOOD_PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    // The recovery codes are shown once, before anything else.
    await page.getByRole('button', { name: 'I have saved them, continue' }).click();
    await page.waitForURL('**/welcome');
  });

  it('changing the password shows the feedback on the new password', async () => {
    const { page } = await signedInMember(e2e);
    await page.goto('/settings');
    await page.getByLabel('Current password').fill(GOOD_PASSWORD);
    await page.getByLabel('New password', { exact: true }).fill('password123');
    await page.getByLabel('New password again').fill('password123');
    await page.getByRole('button', { name: 'Change password' }).click();
    const feedback = await fieldError(page, 'new-password');
    expect(feedback).toBe(`This is a commonly used password. ${ANOTHER_WORD}`);
  });
});
