import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GOOD_PASSWORD, registerMember } from '../support/accounts.js';
import { memberWithRole } from '../support/forum.js';
import { focused, startE2eApp, tabTo, waitForPage, type E2eApp } from './support/e2e-app.js';
import { createRoomAs, joinAs } from './support/forum-setup.js';

describe('keyboard-only use', () => {
  let e2e: E2eApp;

  beforeAll(async () => {
    e2e = await startE2eApp();
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it('logs in, opens a room, starts a thread with a warning, replies and reacts using only the keyboard', async () => {
    const admin = await memberWithRole(e2e.t, 'admin');
    const room = await createRoomAs(admin.agent, { name: 'Quiet keys' });
    const member = await registerMember(e2e.t);
    await joinAs(member.agent, room.id);

    const { page } = await e2e.person();
    const keys = page.keyboard;
    await page.goto('/login');
    await page.getByRole('heading', { name: 'Log in' }).waitFor();

    await tabTo(page, 'the handle field', async () => (await focused(page)).id === 'handle');
    await keys.type(member.handle);
    await keys.press('Tab');
    expect((await focused(page)).id).toBe('password');
    await keys.type(GOOD_PASSWORD);
    await keys.press('Enter');
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('heading', { level: 1, name: 'Rooms' }).waitFor();
    // After navigation focus sits at the start of the new page's content.
    expect((await focused(page)).id).toBe('main');

    await tabTo(page, 'the room link', async () => (await focused(page)).text === 'Quiet keys');
    await keys.press('Enter');
    await page.waitForURL(`**/rooms/${room.slug}`);
    await page.getByRole('button', { name: 'Start a thread' }).waitFor();

    await tabTo(page, 'Start a thread', async () => (await focused(page)).text === 'Start a thread');
    await keys.press('Enter');
    // The composer opens with focus in the title field.
    await waitForPage(page, `document.activeElement?.id === 'thread-title'`);
    await keys.type('Typed without a mouse');
    await tabTo(page, 'the body field', async () => (await focused(page)).id === 'thread-body');
    await keys.type('Small steps today.');
    await tabTo(page, 'the Death and grief checkbox', async () => (await focused(page)).id === 'thread-cw-death-grief');
    await keys.press('Space');
    await tabTo(page, 'Post thread', async () => (await focused(page)).text === 'Post thread');
    await keys.press('Enter');
    await page.waitForURL('**/threads/*');
    await page.getByRole('heading', { level: 1, name: 'Typed without a mouse' }).waitFor();
    await page.getByText('Death and grief').first().waitFor();

    await tabTo(page, 'the reply box', async () => (await focused(page)).id === 'reply-body');
    await keys.type('Replying, still by keyboard.');
    await tabTo(page, 'Post reply', async () => (await focused(page)).text === 'Post reply');
    await keys.press('Enter');
    await page.getByText('Your reply is posted').waitFor();
    await page.getByText('Replying, still by keyboard.').waitFor();

    await page.keyboard.press('Shift+Tab');
    await tabTo(page, 'the "I relate" reaction', async () => (await focused(page)).text.startsWith('I relate'));
    await keys.press('Space');
    await waitForPage(page, `document.activeElement?.getAttribute('aria-pressed') === 'true'`);
    expect((await focused(page)).text).toMatch(/^I relate,?\s*1$/);
  });
});
