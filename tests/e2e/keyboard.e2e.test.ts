import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChatAck, SendMessageResult } from '@kindred/contracts';
import type { Page } from 'playwright-core';
import { GOOD_PASSWORD, registerMember } from '../support/accounts.js';
import { memberWithRole } from '../support/forum.js';
import { connectedChat, memberSession, request } from '../support/realtime.js';
import { openChat } from './support/chat.js';
import { focused, signedInMember, startE2eApp, tabTo, waitForPage, type E2eApp } from './support/e2e-app.js';
import { createRoomAs, joinAs } from './support/forum-setup.js';

/** What a screen reader announces for the focused element: its aria-labelledby text, then its description. */
function announced(page: Page): Promise<{ label: string; description: string; inList: boolean }> {
  return page.evaluate(`(() => {
    const el = document.activeElement;
    const text = (attr) => (el?.getAttribute(attr) ?? '').split(' ').filter(Boolean).map((id) => document.getElementById(id)?.textContent ?? '').join(' ').replace(/\\s+/g, ' ').trim();
    return { label: el?.getAttribute('aria-labelledby') ? text('aria-labelledby') : (el?.textContent ?? '').trim(), description: text('aria-describedby'), inList: !!el?.closest('.chat-messages') };
  })()`);
}

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

  it('moves through the chat with one tab stop: arrow keys between messages, Enter for a message’s actions', async () => {
    const admin = await memberWithRole(e2e.t, 'admin');
    const room = await createRoomAs(admin.agent, { name: 'Keys in chat' });
    const bay = await memberSession(e2e.t, 'bay');
    await joinAs(bay.agent, room.id);
    const reader = await signedInMember(e2e);
    await joinAs(reader.agent, room.id);
    const socket = await connectedChat(e2e.baseUrl, bay.token);
    await request(socket, 'chat:join', { roomId: room.id });
    for (const [body, categories] of [['Evening, everyone.', []], ['Something heavy today.', ['violence']], ['Still here.', []]] as const) {
      const ack = await request<ChatAck<SendMessageResult>>(socket, 'message:send', { roomId: room.id, clientId: randomUUID(), body, warning: { categories } });
      if (!ack.ok) throw new Error(ack.message);
    }
    socket.disconnect();

    const { page } = reader;
    const keys = page.keyboard;
    await openChat(page, room.slug);
    await page.getByText('Still here.').waitFor();
    await page.getByRole('button', { name: 'Take a pause from the chat' }).focus();
    // From the chat's heading to the message box, the whole conversation is one stop.
    const stops: boolean[] = [];
    await tabTo(page, 'the message box', async () => {
      stops.push((await announced(page)).inList);
      return (await focused(page)).id === 'chat-message';
    });
    expect(stops.filter(Boolean)).toHaveLength(1);

    await keys.press('Shift+Tab');
    let now = await announced(page);
    // The newest message comes first, named by who, when and what; the keys are explained.
    expect(now.inList).toBe(true);
    expect(now.label).toMatch(new RegExp(`^${bay.handle} .+ Still here\\.$`));
    expect(now.description).toBe('Up and down arrow keys move between messages; Enter opens a message’s actions.');
    await keys.press('ArrowUp');
    now = await announced(page);
    expect(now.label).toContain('Content warning');
    expect(now.label).toContain('Violence');
    expect(now.label).not.toContain('heavy');
    await keys.press('Home');
    expect((await announced(page)).label).toContain('Evening, everyone.');
    await keys.press('End');
    expect((await announced(page)).label).toContain('Still here.');
    await keys.press('ArrowUp');

    // Enter opens the folded message's actions; the first is to show it.
    await keys.press('Enter');
    expect((await focused(page)).text).toBe('Show message');
    await keys.press('Enter');
    await waitForPage(page, `document.activeElement?.textContent?.includes('Something heavy today.') === true`);
    expect((await announced(page)).label).toContain('Something heavy today.');

    // Escape closes the actions and returns to the message.
    await keys.press('Enter');
    expect((await focused(page)).text).toBe('Report');
    await keys.press('ArrowDown');
    expect((await focused(page)).text).toBe(`Block ${bay.handle}`);
    await keys.press('Escape');
    now = await announced(page);
    expect([now.inList, now.label.includes('Something heavy today.')]).toEqual([true, true]);
    expect(await page.locator('.chat-message__menu[open]').count()).toBe(0);

    // An action's dialog gives focus back to the message when it closes.
    await keys.press('Shift+F10');
    await keys.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Report to the moderators' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await announced(page)).label).toContain('Something heavy today.');

    // Tab leaves the list; Shift+Tab comes back to the same message.
    await keys.press('Tab');
    expect((await announced(page)).inList).toBe(false);
    await keys.press('Shift+Tab');
    expect((await announced(page)).label).toContain('Something heavy today.');
  });
});
