import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { GOOD_PASSWORD, registerMember } from '../../support/accounts.js';
import { memberWithRole } from '../../support/forum.js';
import { describeViolations, seriousViolations } from './axe.js';
import { startE2eApp, type E2eApp } from './e2e-app.js';
import { createRoomAs, joinAs, replyAs, threadAs } from './forum-setup.js';

/**
 * The main screens through axe-core in one colour scheme and width. One file per scheme, so
 * each stays short and the two run side by side.
 */
export function describeMainScreens(colorScheme: 'light' | 'dark', width: number): void {
  describe(`accessibility (axe-core) of the main screens (${colorScheme}, ${width} px)`, () => {
    let e2e: E2eApp;
    let roomSlug = '';
    let threadId = '';
    let hiddenThreadId = '';
    let handle = '';

    beforeAll(async () => {
      e2e = await startE2eApp();
      const admin = await memberWithRole(e2e.t, 'admin');
      const room = await createRoomAs(admin.agent, { name: 'Checked room', requireContentWarning: true });
      await createRoomAs(admin.agent, { name: 'Ask-first room', joinPolicy: 'request' });
      roomSlug = room.slug;
      const author = await registerMember(e2e.t);
      await joinAs(author.agent, room.id);
      const thread = await threadAs(author.agent, room.id, {
        title: 'Pinned thoughts',
        body: 'A first post with **bold** words.',
        warning: { categories: ['death-grief'] },
      });
      threadId = thread.id;
      await threadAs(author.agent, room.id, { title: 'No warning here', body: 'Plain words.', warning: { categories: [], noneApply: true } });
      const reply = await replyAs(author.agent, thread.id, { body: 'A reply with a warning.', warning: { categories: ['violence'] } });
      await author.agent.put(`/api/posts/${reply.id}/reactions/hug`).expect(204);

      const hidden = await threadAs(author.agent, room.id, { title: 'Hidden for the viewer', body: 'Words.', warning: { categories: ['eating-body'] } });
      hiddenThreadId = hidden.id;

      const viewer = await registerMember(e2e.t);
      await joinAs(viewer.agent, room.id);
      await viewer.agent.put('/api/me/warning-preferences').send({ 'eating-body': 'hide' }).expect(200);
      await viewer.agent.post('/api/reports').send({ targetType: 'post', targetId: reply.id, category: 'other' }).expect(201);
      handle = viewer.handle;
    });

    afterAll(async () => {
      await e2e?.close();
    });

    async function check(page: Page, name: string) {
      const violations = await seriousViolations(page);
      if (violations.length > 0) throw new Error(`${name}:\n${describeViolations(violations)}`);
      expect(violations).toEqual([]);
      // Nothing may force sideways scrolling, down to a 360 px wide phone.
      const overflow = await page.evaluate(`document.documentElement.scrollWidth - document.documentElement.clientWidth`);
      if (overflow !== 0) throw new Error(`${name}: the page is ${String(overflow)} px wider than the window`);
    }

    it(`has no serious or critical violations (${colorScheme} scheme, ${width} px)`, async () => {
      // bypassCSP only so the axe script can be injected; the app itself never needs it.
      const { context, page } = await e2e.person({ bypassCSP: true, colorScheme, viewport: { width, height: 800 } });

      await page.goto('/login');
      await page.getByRole('heading', { name: 'Log in' }).waitFor();
      await check(page, 'login');

      await page.goto('/register');
      await page.getByRole('heading', { name: 'Create an account' }).waitFor();
      await check(page, 'register');

      await page.goto('/setup');
      await page.getByText('Setup is already complete.').waitFor();
      await check(page, 'setup (done)');
      // The form as on a fresh install: for a moment nobody is an admin.
      const admins = (await e2e.t.query<{ id: string }>(`SELECT id FROM users WHERE role = 'admin'`)).map((a) => a.id);
      await e2e.t.query(`UPDATE users SET role = 'member' WHERE id = ANY($1::uuid[])`, [admins]);
      try {
        await page.goto('/setup');
        await page.getByText('Create the first admin account.').waitFor();
        await check(page, 'setup (form)');
      } finally {
        await e2e.t.query(`UPDATE users SET role = 'admin' WHERE id = ANY($1::uuid[])`, [admins]);
      }

      await page.goto('/no-such-page');
      await page.getByRole('heading', { level: 1 }).waitFor();
      await check(page, 'not found (signed out)');

      await page.goto('/forgot-password');
      await page.getByRole('heading', { name: 'Forgot your password?' }).waitFor();
      await check(page, 'forgot password');

      await page.goto('/welcome');
      await page.getByRole('heading', { name: 'What Kindred is' }).waitFor();
      await check(page, 'welcome');

      await context.request.post('/api/auth/login', { data: { handle, password: GOOD_PASSWORD } });
      await page.goto('/');
      await page.getByRole('heading', { name: 'Your rooms' }).waitFor();
      await page.getByRole('button', { name: /Ask to join/ }).click();
      await check(page, 'home / directory');

      await page.goto(`/rooms/${roomSlug}`);
      await page.getByText('No warning here').waitFor();
      await page.getByRole('button', { name: 'Start a thread' }).click();
      await check(page, 'room');
      if (width < 640) {
        // Phones: the room's live chat is a tab, and the header's links are behind "Menu".
        await page.getByRole('tab', { name: 'Live chat' }).click();
        await page.getByRole('log', { name: 'Chat messages' }).waitFor();
        await check(page, 'room, live chat tab');
        await page.getByRole('button', { name: 'Menu' }).click();
        await page.getByRole('navigation', { name: 'Main' }).waitFor();
        await check(page, 'menu open');
      }

      // Rooms and threads that cannot be opened are explained as states, not errors.
      await page.goto('/rooms/no-such-room');
      await page.getByRole('heading', { name: 'This room is not available' }).waitFor();
      await check(page, 'room not available');
      await page.goto(`/threads/${hiddenThreadId}`);
      await page.getByRole('heading', { name: 'This thread is hidden for you' }).waitFor();
      await check(page, 'thread hidden by settings');

      await page.goto(`/threads/${threadId}`);
      await page.getByRole('button', { name: 'Show thread' }).click();
      await page.getByText('A first post with').waitFor();
      await check(page, 'thread');

      await page.goto('/settings');
      await page.getByText('This device').waitFor();
      await page.getByRole('link', { name: 'Pinned thoughts' }).waitFor(); // "Your reports" names the thread
      await check(page, 'settings');

      await page.goto('/settings/safety');
      await page.getByRole('region', { name: 'Recent sign-ins' }).getByText('Account created').waitFor();
      await check(page, 'safety check');

      await page.goto('/no-such-page');
      await page.getByRole('heading', { level: 1 }).waitFor();
      await check(page, 'not found (signed in)');

      await page.goto('/search');
      await page.getByLabel('Search posts').fill('words');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByText(/Showing|Nothing found/).waitFor();
      await check(page, 'search');

      if (width < 640) await page.getByRole('button', { name: 'Menu' }).click();
      await page.getByRole('button', { name: 'Take a pause' }).click();
      await page.getByRole('dialog').waitFor();
      await check(page, 'pause dialog');
    });
  });
}
