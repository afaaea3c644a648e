import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { registerMember } from '../support/accounts.js';
import { memberWithRole } from '../support/forum.js';
import { describeViolations, seriousViolations } from './support/axe.js';
import { signedInMember, startE2eApp, type E2eApp } from './support/e2e-app.js';
import { createRoomAs, joinAs, replyAs, threadAs } from './support/forum-setup.js';

/** Issue 14: a returning member sees what changed since their last visit, and can set it aside. */
describe('what is new since the last visit', () => {
  let e2e: E2eApp;

  beforeAll(async () => {
    e2e = await startE2eApp();
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it('counts in the directory and the room, the thread opens at the first unread post past its first page, mark all as read', async () => {
    const admin = await memberWithRole(e2e.t, 'admin');
    const room = await createRoomAs(admin.agent, { name: 'Evening circle' });
    const author = await registerMember(e2e.t);
    await joinAs(author.agent, room.id);
    const thread = await threadAs(author.agent, room.id, { title: 'Long conversation', body: 'Where it began.' });
    // More than one page (50 posts) before the reader's last visit.
    for (let i = 1; i <= 55; i += 1) await replyAs(author.agent, thread.id, { body: `Earlier words ${i}.` });

    // At phone width: what is new must read well at 360 px.
    // bypassCSP: only so axe can be injected.
    const reader = await signedInMember(e2e, { viewport: { width: 360, height: 740 }, bypassCSP: true });
    await joinAs(reader.agent, room.id);
    // The last visit: the whole thread was read (two pages).
    const first = (await reader.agent.get(`/api/threads/${thread.id}/posts?limit=50`).expect(200)).body as { nextCursor: string };
    await reader.agent.get(`/api/threads/${thread.id}/posts?limit=50&cursor=${encodeURIComponent(first.nextCursor)}`).expect(200);
    await replyAs(author.agent, thread.id, { body: 'Fresh words one.' });
    await replyAs(author.agent, thread.id, { body: 'Fresh words two.' });
    await threadAs(author.agent, room.id, { title: 'A newer thread', body: 'Just started.' });

    const { page } = reader;
    await page.goto('/');
    const card = page.locator('.room-card', { hasText: 'Evening circle' });
    await card.getByText('1 new thread').waitFor();
    await card.getByText('2 unread posts').waitFor();

    await card.getByRole('link', { name: 'Evening circle' }).click();
    const item = page.locator('.thread-item', { hasText: 'Long conversation' });
    await item.getByText('2 unread').waitFor();
    await page.locator('.thread-item', { hasText: 'A newer thread' }).getByText('New', { exact: true }).waitFor();

    await item.getByRole('link', { name: 'Long conversation' }).click();
    const divider = page.getByText('New since your last visit');
    await divider.waitFor();
    // The divider sits right before the first unread post, and the page was brought to it.
    const after = page.locator('.post-list > li.new-since + li');
    await after.getByText('Fresh words one.').waitFor();
    await expect(divider.isVisible()).resolves.toBe(true);
    const box = await divider.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(page.viewportSize()!.height);
    const violations = await seriousViolations(page);
    expect(describeViolations(violations)).toBe('');

    // Back in the room: read now, and "Mark all as read" sets the new thread aside too.
    await page.getByRole('link', { name: '← Evening circle' }).click();
    await page.locator('.thread-item', { hasText: 'A newer thread' }).getByText('New', { exact: true }).waitFor();
    await item.getByText('2 unread').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Mark all as read' }).click();
    await page.getByText('Everything in this room is marked as read.').waitFor();
    await page.locator('.thread-item', { hasText: 'A newer thread' }).getByText('New', { exact: true }).waitFor({ state: 'detached' });
    await page.goto('/');
    await page.locator('.room-card', { hasText: 'Evening circle' }).getByText('You are a member').waitFor();
    expect(await page.locator('.room-card', { hasText: 'Evening circle' }).locator('.badge--new').count()).toBe(0);
  });
});
