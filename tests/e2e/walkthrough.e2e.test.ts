import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { SetupService } from '../../apps/api/src/setup/setup.service.js';
import { GOOD_PASSWORD, registerMember, uniqueHandle } from '../support/accounts.js';
import { memberWithRole } from '../support/forum.js';
import { focused, signedInMember, startE2eApp, waitToLeave, type E2eApp } from './support/e2e-app.js';
import { createRoomAs, joinAs, threadAs } from './support/forum-setup.js';

/** What a first-time member and moderator stumbled on (issue 20), each checked in Chromium. */
describe('first-time walkthrough fixes', () => {
  let e2e: E2eApp;

  beforeAll(async () => {
    e2e = await startE2eApp();
  });

  afterAll(async () => {
    await e2e?.close();
  });

  // First, while the fresh database has no admin yet.
  it('setup: pasting the setup link into a tab that already shows /setup uses its token', async () => {
    const token = await e2e.t.get(SetupService).issueToken();
    const { page } = await e2e.person();
    await page.goto('/setup');
    await page.getByRole('heading', { name: 'Set up Kindred' }).waitFor();
    await page.getByLabel('Setup token').waitFor();

    // Same page, new fragment: the browser does not load the page again.
    await page.goto(`/setup#token=${token}`);
    await page.getByLabel('Setup token').waitFor({ state: 'detached' });
    // The token leaves the address bar at once.
    expect(new URL(page.url()).hash).toBe('');
    await page.getByLabel('Admin handle').fill('first_admin');
    await page.getByLabel('Password', { exact: true }).fill(GOOD_PASSWORD);
    await page.getByLabel('Confirm password').fill(GOOD_PASSWORD);
    await page.getByRole('button', { name: 'Create admin account' }).click();
    await page.getByText('The admin account is ready').waitFor();
  });

  describe('as members', () => {
    let room: { id: string; slug: string; name: string };
    let author: Awaited<ReturnType<typeof registerMember>>;
    let thread: { id: string; firstPost: { id: string } };

    beforeAll(async () => {
      const admin = await memberWithRole(e2e.t, 'admin');
      room = await createRoomAs(admin.agent, { name: 'Harbour room' });
      author = await registerMember(e2e.t);
      await joinAs(author.agent, room.id);
      thread = await threadAs(author.agent, room.id, { title: 'Finding my feet', body: 'Small steps.', warning: { categories: [], noneApply: true } });
    });

    async function member() {
      const m = await signedInMember(e2e);
      await joinAs(m.agent, room.id);
      return m;
    }

    it('Back returns within the app, keeps unsent words, and quick exit still cannot be returned to', async () => {
      const { page } = await member();
      await page.goto('/');
      await page.getByRole('link', { name: 'Harbour room' }).click();
      await page.getByRole('heading', { level: 1, name: 'Harbour room' }).waitFor();
      await page.getByRole('textbox', { name: 'Your message' }).fill('a chat line not sent yet');
      await page.getByRole('button', { name: 'Start a thread' }).click();
      await page.getByLabel('Title').fill('Half a title');
      await page.getByRole('textbox', { name: 'What would you like to share?' }).fill('half a thought');
      await page.getByRole('link', { name: 'Finding my feet' }).click();
      await page.getByRole('heading', { level: 1, name: 'Finding my feet' }).waitFor();
      await page.getByRole('textbox', { name: 'Your reply' }).fill('words I am still finding');

      await page.goBack();
      await page.getByRole('heading', { level: 1, name: 'Harbour room' }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/rooms/${room.slug}`);
      // The half-written thread is open again, and the chat box kept its line.
      expect(await page.getByLabel('Title').inputValue()).toBe('Half a title');
      expect(await page.getByRole('textbox', { name: 'What would you like to share?' }).inputValue()).toBe('half a thought');
      expect(await page.getByRole('textbox', { name: 'Your message' }).inputValue()).toBe('a chat line not sent yet');

      await page.goForward();
      await page.getByRole('heading', { level: 1, name: 'Finding my feet' }).waitFor();
      expect(await page.getByRole('textbox', { name: 'Your reply' }).inputValue()).toBe('words I am still finding');
      await page.goBack();
      await page.goBack();
      await page.getByRole('heading', { level: 1, name: 'Rooms' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/');

      // Drafts live in memory only, never in browser storage.
      const stored = (await page.evaluate(`JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)])`)) as string;
      expect(stored).not.toMatch(/still finding|Half a title|half a thought|chat line/);

      // Deeper in again, then quick exit: Back must not lead to any Kindred page.
      await page.goForward();
      await page.goForward();
      await page.getByRole('heading', { level: 1, name: 'Finding my feet' }).waitFor();
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await waitToLeave(page, e2e.baseUrl);
      await page.goBack().catch(() => undefined);
      expect(page.url().startsWith(e2e.baseUrl)).toBe(false);
    });

    // Unsent words are the member's own draft on the server (brought back on any device where
    // they sign in); the browser keeps nothing for the next person (quick exit deletes the draft).
    it('logging out leaves no unsent words in the browser for the next person', async () => {
      const m = await member();
      const next = await registerMember(e2e.t);
      await joinAs(next.agent, room.id);
      const { page } = m;
      await page.goto(`/threads/${thread.id}`);
      await page.getByRole('textbox', { name: 'Your reply' }).fill('not for the next person');
      await page.getByRole('button', { name: 'Log out' }).click();
      await page.getByRole('heading', { name: 'Log in' }).waitFor();
      await page.getByLabel('Handle').fill(next.handle);
      await page.getByLabel('Password').fill(GOOD_PASSWORD);
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByRole('heading', { level: 1, name: 'Rooms' }).waitFor();
      await page.goto(`/threads/${thread.id}`);
      const box = page.getByRole('textbox', { name: 'Your reply' });
      await box.waitFor();
      await page.waitForLoadState('networkidle');
      expect(await box.inputValue()).toBe('');
      expect(await page.getByText('not for the next person').count()).toBe(0);
    });

    async function expectCalm(page: Page, title: string) {
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0);
      expect(await page.getByRole('alert').count()).toBe(0);
    }

    it('a thread hidden by the member’s own settings or a block is explained calmly, with the way to change it', async () => {
      const hidden = await threadAs(author.agent, room.id, { title: 'Heavy topic', body: 'Words about it.', warning: { categories: ['self-harm'] } });
      const m = await member();
      await m.agent.put('/api/me/warning-preferences').send({ 'self-harm': 'hide' }).expect(200);
      await m.page.goto(`/threads/${hidden.id}`);
      await expectCalm(m.page, 'This thread is hidden for you');
      await m.page.getByText('You chose not to see it').waitFor();
      expect(await m.page.getByText('Heavy topic').count()).toBe(0);
      await m.page.getByRole('link', { name: 'Change what you see' }).click();
      await m.page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();

      await m.agent.post('/api/me/blocks').send({ handle: author.handle }).expect(201);
      await m.page.goto(`/threads/${thread.id}`);
      await expectCalm(m.page, 'This thread is hidden for you');
      await m.page.getByRole('link', { name: 'Go to all rooms' }).waitFor();
    });

    it('a room that does not exist and one hidden from the member read the same calm words', async () => {
      const admin = await memberWithRole(e2e.t, 'admin');
      const unlisted = await createRoomAs(admin.agent, { name: 'Invite-only room', visibility: 'hidden', joinPolicy: 'invite' });
      const { page } = await member();
      await page.goto('/rooms/no-such-room-here');
      await expectCalm(page, 'This room is not available');
      const missing = await page.locator('main').innerText();
      await page.goto(`/rooms/${unlisted.slug}`);
      await expectCalm(page, 'This room is not available');
      expect(await page.locator('main').innerText()).toBe(missing);
      await page.getByRole('link', { name: 'Go to all rooms' }).click();
      await page.getByRole('heading', { level: 1, name: 'Rooms' }).waitFor();
    });

    it('reduced motion keeps the paced breathing cues, still, with a working stop button', async () => {
      const { context, page } = await e2e.person({ reducedMotion: 'reduce' });
      // The page's timers run on Playwright's clock (real time flows until the test moves it on),
      // so the four-second steps are stepped through instead of waited out.
      await context.clock.install();
      await context.request.post('/api/auth/login', { data: { handle: author.handle, password: GOOD_PASSWORD } });
      await page.goto('/');
      await page.getByRole('button', { name: 'Take a pause' }).click();
      const dialog = page.getByRole('dialog', { name: 'Take a pause' });
      const cue = (text: string) => dialog.getByText(text, { exact: true });
      await cue('breathe in…').waitFor();
      expect(await cue('breathe in…').isVisible()).toBe(true);
      // Nothing animates.
      expect(await page.evaluate(`document.getAnimations().filter((a) => a.playState === 'running').length`)).toBe(0);
      // The words move on in step, four seconds each.
      await page.clock.runFor(4_000);
      await cue('hold…').waitFor({ timeout: 6_000 });

      // Every visible button in the guide does something: stopping holds the cue.
      const stop = dialog.getByRole('button', { name: 'Stop the words' });
      expect(await stop.isVisible()).toBe(true);
      await stop.click();
      await dialog.getByRole('button', { name: 'Start the words again', pressed: true }).waitFor();
      const held = await dialog.locator('.breathing__stage').innerText();
      // More than a whole step: a cue still running would have moved on.
      await page.clock.runFor(4_500);
      expect(await dialog.locator('.breathing__stage').innerText()).toBe(held);
      await dialog.getByRole('button', { name: 'Start the words again' }).click();
      await dialog.getByRole('button', { name: 'Stop the words', pressed: false }).waitFor();
    });

    for (const width of [1280, 375]) {
      it(`crisis resources after a new thread sit in the page column (${width} px)`, async () => {
        const m = await signedInMember(e2e, { viewport: { width, height: 900 } });
        await joinAs(m.agent, room.id);
        const { page } = m;
        await page.goto(`/rooms/${room.slug}`);
        await page.getByRole('button', { name: 'Start a thread' }).click();
        await page.getByLabel('Title').fill(`Tonight (${width})`);
        await page.getByRole('textbox', { name: 'What would you like to share?' }).fill('Some nights I feel like everyone would be better off without me.');
        await page.getByLabel('None of these apply').check();
        await page.getByRole('button', { name: 'Post thread' }).click();
        await page.getByRole('heading', { level: 1, name: `Tonight (${width})` }).waitFor();
        const panel = page.getByRole('region', { name: 'You don’t have to carry this alone' });
        await panel.waitFor();
        const column = (await page.locator('main .page').first().boundingBox())!;
        const box = (await panel.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(column.x);
        expect(box.x + box.width).toBeLessThanOrEqual(column.x + column.width + 0.5);
        // Under the thread's title, not above the page heading.
        const heading = (await page.getByRole('heading', { level: 1 }).boundingBox())!;
        expect(box.y).toBeGreaterThan(heading.y);
      });
    }

    it('after a first registration the rooms page says welcome, not welcome back; no email is asked for', async () => {
      const { page } = await e2e.person();
      const handle = uniqueHandle('first');
      await page.goto('/register');
      await page.getByRole('heading', { name: 'Create an account' }).waitFor();
      expect(await page.getByLabel(/email/i).count()).toBe(0);
      await page.getByLabel('Handle').fill(handle);
      await page.getByLabel('Password').fill(GOOD_PASSWORD);
      await page.getByRole('button', { name: 'Create account' }).click();
      // The recovery codes are shown once, before anything else.
      await page.getByRole('button', { name: 'I have saved them, continue' }).click();
      await page.getByRole('heading', { name: 'What Kindred is' }).waitFor();
      for (let i = 0; i < 3; i += 1) await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('button', { name: 'Save and go to the rooms' }).click();
      await page.getByRole('heading', { level: 1, name: 'Rooms' }).waitFor();
      await page.getByText(`Welcome, ${handle}.`).waitFor();
      expect(await page.getByText(/Welcome back/).count()).toBe(0);
    });

    it('"Your reports" names the thread and the room', async () => {
      const m = await member();
      await m.agent.post('/api/reports').send({ targetType: 'post', targetId: thread.firstPost.id, category: 'other' }).expect(201);
      await m.page.goto('/settings');
      const reports = m.page.getByRole('region', { name: 'Your reports' });
      await reports.getByText('You reported a reply').waitFor();
      await reports.getByRole('link', { name: 'Finding my feet' }).waitFor();
      await reports.getByText('Harbour room').waitFor();
    });

    it('opening one room card’s join panel does not stretch the card beside it', async () => {
      const admin = await memberWithRole(e2e.t, 'admin');
      await createRoomAs(admin.agent, { name: 'Aa left room', guidelines: 'Line one.\n\nLine two.\n\nLine three.\n\nLine four.' });
      await createRoomAs(admin.agent, { name: 'Ab right room' });
      const { page } = await signedInMember(e2e, { viewport: { width: 1280, height: 900 } });
      await page.goto('/');
      const left = page.locator('.room-card', { hasText: 'Aa left room' });
      const right = page.locator('.room-card', { hasText: 'Ab right room' });
      await right.waitFor();
      const before = (await right.boundingBox())!;
      const leftBox = (await left.boundingBox())!;
      // The two share a row.
      expect(Math.abs(before.y - leftBox.y)).toBeLessThan(1);
      await left.getByRole('button', { name: /^Join/ }).click();
      await left.getByText('Line four.').waitFor();
      expect((await left.boundingBox())!.height).toBeGreaterThan(leftBox.height + 50);
      expect((await right.boundingBox())!.height).toBe(before.height);
      expect((await focused(page)).text).toContain('Close');
    });
  });
});
