import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import { registerMember } from '../support/accounts.js';
import { memberWithRole } from '../support/forum.js';
import { connectedChat, memberSession, request } from '../support/realtime.js';
import { describeViolations, seriousViolations } from './support/axe.js';
import { chatLog } from './support/chat.js';
import { focused, signedInMember, startE2eApp, type E2eApp } from './support/e2e-app.js';
import { createRoomAs, joinAs, replyAs, threadAs } from './support/forum-setup.js';

const PHONE = { width: 375, height: 812 };

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * Whatever lies under the quick-exit button's corners and middle must be the header, never
 * page content: the header reserves that space and stays at the top while scrolling.
 */
async function expectQuickExitOverHeaderOnly(page: Page): Promise<void> {
  const underneath = (await page.evaluate(`(() => {
    const exit = document.querySelector('.quick-exit').getBoundingClientRect();
    const points = [[exit.left + 2, exit.top + 2], [exit.right - 2, exit.top + 2], [exit.left + 2, exit.bottom - 2], [exit.right - 2, exit.bottom - 2], [exit.left + exit.width / 2, exit.top + exit.height / 2]];
    return points.map(([x, y]) => {
      const below = document.elementsFromPoint(x, y).find((el) => !el.closest('.quick-exit'));
      return below && (below.closest('.site-header') || below === document.documentElement || below === document.body) ? 'header' : (below?.outerHTML ?? '').slice(0, 80);
    });
  })()`)) as string[];
  expect(underneath).toEqual(Array(5).fill('header'));
}

async function expectVisibleAndClear(quickExit: Locator, target: Locator): Promise<void> {
  const exit = (await quickExit.boundingBox())!;
  const box = (await target.boundingBox())!;
  expect(exit.y).toBeGreaterThanOrEqual(0);
  expect(exit.x + exit.width).toBeLessThanOrEqual(PHONE.width);
  expect(overlaps(exit, box)).toBe(false);
}

describe('phone layout (375 px)', () => {
  let e2e: E2eApp;
  let room: { id: string; slug: string; name: string };
  let threadId = '';

  beforeAll(async () => {
    e2e = await startE2eApp();
    const admin = await memberWithRole(e2e.t, 'admin');
    room = await createRoomAs(admin.agent, { name: 'Pocket room' });
    const author = await registerMember(e2e.t);
    await joinAs(author.agent, room.id);
    for (let i = 1; i <= 6; i += 1) {
      const thread = await threadAs(author.agent, room.id, { title: `Thread number ${i}`, body: 'Words. '.repeat(30), warning: { categories: [], noneApply: true } });
      threadId = thread.id;
    }
    for (let i = 1; i <= 4; i += 1) await replyAs(author.agent, threadId, { body: `Reply ${i}. ${'More words. '.repeat(25)}`, warning: { categories: [], noneApply: true } });
    // Enough chat to overflow the log, within the per-member rate limit (two a second).
    await Promise.all(
      [0, 1].map(async (n) => {
        const chatter = await memberSession(e2e.t, 'chatter');
        await joinAs(chatter.agent, room.id);
        const socket = await connectedChat(e2e.baseUrl, chatter.token);
        await request(socket, 'chat:join', { roomId: room.id });
        for (let i = 1; i <= 4; i += 1) {
          const body = `Chat line ${n * 4 + i}, said gently. ${'A few more words to fill the line. '.repeat(4)}`;
          const ack = await request<{ ok: boolean }>(socket, 'message:send', { roomId: room.id, clientId: randomUUID(), body });
          if (!ack.ok) throw new Error('chat message refused');
          await new Promise((resolve) => setTimeout(resolve, 600));
        }
        socket.disconnect();
      }),
    );
  });

  afterAll(async () => {
    await e2e?.close();
  });

  async function phoneMember(colorScheme: 'light' | 'dark' = 'light') {
    const m = await signedInMember(e2e, { viewport: PHONE, colorScheme, bypassCSP: true });
    await joinAs(m.agent, room.id);
    return m;
  }

  async function check(page: Page, name: string) {
    const violations = await seriousViolations(page);
    if (violations.length > 0) throw new Error(`${name}:\n${describeViolations(violations)}`);
    expect(await page.evaluate(`document.documentElement.scrollWidth - document.documentElement.clientWidth`)).toBe(0);
  }

  it('the header is one short row; the rest is in a Menu button that opens, closes with Esc and gives focus back', async () => {
    const { page } = await phoneMember();
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Rooms' }).waitFor();
    const header = page.locator('header.site-header');
    expect((await header.boundingBox())!.height).toBeLessThanOrEqual(72);
    const quickExit = page.getByRole('button', { name: 'Quick exit' });
    expect(await quickExit.isVisible()).toBe(true);
    expect(overlaps((await quickExit.boundingBox())!, (await header.boundingBox())!)).toBe(true);

    const menu = page.getByRole('button', { name: 'Menu' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Settings' }).waitFor();
    await page.getByRole('button', { name: 'Take a pause' }).waitFor();
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    await check(page, 'phone menu open');

    // Keyboard: Tab goes from the button into the menu; Esc closes it and returns focus.
    await menu.focus();
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Rooms');
    await page.keyboard.press('Escape');
    await nav.waitFor({ state: 'hidden' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect((await focused(page)).text).toContain('Menu');
    await page.waitForTimeout(1_100); // so the next Esc is not read as a quick exit

    // Following a link closes the menu.
    await menu.click();
    await nav.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect((await header.boundingBox())!.height).toBeLessThanOrEqual(72);
  });

  it('the room page has Threads | Live chat tabs, arrow keys switch them, and quick exit covers neither', async () => {
    const { page } = await phoneMember();
    await page.goto(`/rooms/${room.slug}`);
    const tablist = page.getByRole('tablist', { name: 'This room' });
    const threadsTab = tablist.getByRole('tab', { name: 'Threads' });
    const chatTab = tablist.getByRole('tab', { name: 'Live chat' });
    await threadsTab.waitFor();
    expect(await threadsTab.getAttribute('aria-selected')).toBe('true');
    const threadsPanel = page.getByRole('tabpanel', { name: 'Threads' });
    await threadsPanel.getByRole('link', { name: 'Thread number 6' }).waitFor();
    expect(await page.getByRole('tabpanel', { name: 'Live chat' }).count()).toBe(0); // hidden panels are not exposed
    expect(await chatLog(page).isVisible()).toBe(false);

    // The chat is right below the tabs, not below every thread.
    await threadsTab.focus();
    await page.keyboard.press('ArrowRight');
    expect(await chatTab.getAttribute('aria-selected')).toBe('true');
    expect((await focused(page)).text).toBe('Live chat');
    await chatLog(page).getByText(/^Chat line [48],/).first().waitFor();
    expect(await threadsPanel.isVisible()).toBe(false);
    // The log starts at the newest message, though it filled while its tab was hidden.
    expect(await chatLog(page).evaluate((log) => log.scrollHeight - log.clientHeight - log.scrollTop)).toBeLessThan(4);
    const composer = page.getByRole('textbox', { name: 'Your message' });
    await composer.waitFor();
    expect((await page.getByRole('heading', { name: 'Live chat' }).boundingBox())!.y).toBeLessThan(PHONE.height);
    await check(page, 'room, chat tab');

    const quickExit = page.getByRole('button', { name: 'Quick exit' });
    await composer.scrollIntoViewIfNeeded();
    await expectVisibleAndClear(quickExit, composer);
    await expectQuickExitOverHeaderOnly(page);
    await composer.focus();
    await expectVisibleAndClear(quickExit, composer);

    await page.keyboard.press('Shift+Tab');
    await chatTab.focus();
    await page.keyboard.press('ArrowLeft');
    expect(await threadsTab.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('End');
    expect(await chatTab.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Home');
    expect(await threadsTab.getAttribute('aria-selected')).toBe('true');
    await threadsPanel.getByRole('link', { name: 'Thread number 6' }).waitFor();
  });

  it('on a long thread, scrolled anywhere, the quick-exit button sits over the header and not over the reply box', async () => {
    const { page } = await phoneMember();
    await page.goto(`/threads/${threadId}`);
    await page.getByText('Reply 4.').waitFor();
    for (const y of [0, 600, 1_400]) {
      await page.evaluate(`window.scrollTo(0, ${y})`);
      await expectQuickExitOverHeaderOnly(page);
    }
    const reply = page.getByRole('textbox', { name: 'Your reply' });
    await reply.scrollIntoViewIfNeeded();
    await expectVisibleAndClear(page.getByRole('button', { name: 'Quick exit' }), reply);
    await expectQuickExitOverHeaderOnly(page);
  });

  it("axe's verdict does not hang on where the page was scrolled: a post's buttons half under the header's Menu button still pass, and the scroll is kept", async () => {
    const { page } = await phoneMember();
    await page.goto(`/threads/${threadId}`);
    await page.getByText('Reply 4.').waitFor();
    // Leave the first post's buttons half under the sticky header's Menu button, as typing in
    // the reply box once did: axe then counted "Report… this thread" as an obscured target.
    const y = (await page.evaluate(`(() => {
      const menu = document.querySelector('.site-header__menu-button').getBoundingClientRect();
      const actions = document.querySelector('.post__actions').getBoundingClientRect();
      window.scrollTo({ top: window.scrollY + actions.top - (menu.top + menu.bottom) / 2, behavior: 'instant' });
      return window.scrollY;
    })()`)) as number;
    expect(y).toBeGreaterThan(0);
    expect(describeViolations(await seriousViolations(page))).toBe('');
    expect(await page.evaluate('window.scrollY')).toBe(y);
  });

  it('dark scheme: the open menu and the chat tab pass axe', async () => {
    const { page } = await phoneMember('dark');
    await page.goto(`/rooms/${room.slug}`);
    await page.getByRole('tab', { name: 'Live chat' }).click();
    await chatLog(page).waitFor();
    await check(page, 'room, chat tab (dark)');
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await check(page, 'phone menu open (dark)');
  });

  it('a desktop keeps the one-row header and both parts of the room side by side', async () => {
    const m = await signedInMember(e2e, { viewport: { width: 1280, height: 900 } });
    await joinAs(m.agent, room.id);
    const { page } = m;
    await page.goto(`/rooms/${room.slug}`);
    await chatLog(page).waitFor();
    expect(await page.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(true);
    expect(await page.getByRole('tablist', { name: 'This room' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Thread number 6' }).isVisible()).toBe(true);
  });
});
