import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startE2eApp, type E2eApp } from './support/e2e-app.js';

/**
 * Someone's first, signed-out visit: nothing in the console reads as an error (no 401 for
 * "who is signed in", no missing favicon), and the app icon comes from our own origin.
 */
describe('a first visit, signed out', () => {
  let e2e: E2eApp;

  beforeAll(async () => {
    e2e = await startE2eApp();
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it('logs no console errors and fetches nothing that fails, on every signed-out page', async () => {
    const { page } = await e2e.person();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
    });

    for (const [path, heading] of [
      ['/', 'Welcome to Kindred'],
      ['/welcome', 'Welcome to Kindred'],
      ['/login', 'Log in'],
      ['/register', 'Create an account'],
      // A members-only page sends a signed-out visitor to the login page, calmly.
      ['/settings', 'Log in'],
    ] as const) {
      const me = page.waitForResponse((response) => response.url().endsWith('/api/auth/me'));
      await page.goto(path);
      expect((await me).status()).toBe(200);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      // Let the page's own requests finish: going on at once would abort one still on its way
      // (the home page's room list), which is the test's doing, not a failure of the page.
      await page.waitForLoadState('networkidle');
    }
    // The icons the page links to (browsers fetch them lazily, so ask as the page would).
    for (const href of await page.locator('link[rel~="icon"], link[rel="apple-touch-icon"], link[rel="manifest"]').evaluateAll((links) => links.map((l) => l.getAttribute('href')))) {
      const res = await page.request.get(href!);
      expect([href, res.status()]).toEqual([href, 200]);
    }
    expect(problems).toEqual([]);
  });
});
