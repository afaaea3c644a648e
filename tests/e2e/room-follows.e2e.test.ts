import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RoomThreadNoticesService } from '../../apps/api/src/posts/room-thread-notices.service.js';
import { memberWithRole } from '../support/forum.js';
import { describeViolations, seriousViolations } from './support/axe.js';
import { signedInMember, startE2eApp, type E2eApp } from './support/e2e-app.js';
import { createRoomAs, joinAs, threadAs } from './support/forum-setup.js';

/** Following a room in the browser: a toggle on the room page, a live badge for a new thread, a worded notice. */
describe('room follows in the browser', () => {
  let e2e: E2eApp;

  beforeAll(async () => {
    e2e = await startE2eApp();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('follow a room at 375 px; a new thread there raises the badge live; the notice leads back to the room; axe is clean', async () => {
    const admin = await memberWithRole(e2e.t, 'admin');
    const room = await createRoomAs(admin.agent, { name: 'Morning room' });
    // axe runs in the page, so this context bypasses the CSP that would refuse its script.
    const reader = await signedInMember(e2e, { bypassCSP: true, viewport: { width: 375, height: 740 } });
    const author = await memberWithRole(e2e.t, 'moderator', 'author');
    await joinAs(reader.agent, room.id);
    await joinAs(author.agent, room.id);

    const page = reader.page;
    await page.goto(`/rooms/${room.slug}`);
    const toggle = page.getByRole('button', { name: 'Follow this room' });
    await toggle.waitFor();
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    await page.getByRole('button', { name: 'Follow this room', pressed: true }).waitFor();
    await page.getByText('You are following this room').waitFor();
    expect(describeViolations(await seriousViolations(page))).toBe('');

    // Someone else starts a thread; the badge in the header counts it without a reload.
    await threadAs(author.agent, room.id, { title: 'Tea and a walk', body: 'It helped today.', warning: { categories: [], noneApply: true } });
    await e2e.t.get(RoomThreadNoticesService).settled();
    await page.locator('.count-badge', { hasText: 'unread notifications' }).filter({ hasText: '1' }).waitFor();
    // The room's list picks the new thread up too.
    await page.getByRole('link', { name: /Tea and a walk/ }).waitFor();

    await page.goto('/notifications');
    const notice = page.getByRole('article', { name: /New threads in a room you follow/ });
    await notice.getByText('1 new thread in Morning room.').waitFor();
    await notice.getByRole('link', { name: /^Open/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Morning room' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/rooms/${room.slug}`);
  });

  it('switching room-thread notices off in Settings keeps the next new thread quiet; the choice is kept', async () => {
    const admin = await memberWithRole(e2e.t, 'admin');
    const room = await createRoomAs(admin.agent, { name: 'Quiet room' });
    const reader = await signedInMember(e2e, { viewport: { width: 375, height: 740 } });
    const author = await memberWithRole(e2e.t, 'moderator', 'author');
    await joinAs(reader.agent, room.id);
    await joinAs(author.agent, room.id);
    await reader.agent.put(`/api/rooms/${room.id}/follow`).expect(204);

    const page = reader.page;
    await page.goto('/settings');
    const box = page.getByRole('checkbox', { name: 'New threads in rooms I follow' });
    await box.waitFor();
    expect(await box.isChecked()).toBe(true);
    await box.uncheck();
    await page.getByRole('button', { name: 'Save notification choices' }).click();
    await page.getByRole('button', { name: 'Save notification choices' }).and(page.locator(':disabled')).waitFor();
    expect((await reader.agent.get('/api/me/notification-settings').expect(200)).body).toMatchObject({ roomThreads: false, replies: true });

    await threadAs(author.agent, room.id, { title: 'Unheard', body: 'Some words.', warning: { categories: [], noneApply: true } });
    await e2e.t.get(RoomThreadNoticesService).settled();
    expect(((await reader.agent.get('/api/me/notifications').expect(200)).body as { kind: string }[]).filter((n) => n.kind === 'room-thread')).toEqual([]);
    await page.reload();
    await box.waitFor();
    expect(await box.isChecked()).toBe(false);
  });
});
