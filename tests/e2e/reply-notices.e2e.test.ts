import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ReplyNoticesService } from '../../apps/api/src/posts/reply-notices.service.js';
import { memberWithRole } from '../support/forum.js';
import { describeViolations, seriousViolations } from './support/axe.js';
import { signedInMember, startE2eApp, type E2eApp } from './support/e2e-app.js';
import { createRoomAs, joinAs, replyAs, threadAs } from './support/forum-setup.js';

/** A reply notice in the browser: worded by the app, counted, opening the thread at 360 px. */
describe('reply notices in the browser', () => {
  let e2e: E2eApp;

  beforeAll(async () => {
    e2e = await startE2eApp();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('two replies make one notice saying how many; opening it goes to the thread at the first unread reply and reads it; axe is clean', async () => {
    const admin = await memberWithRole(e2e.t, 'admin');
    const room = await createRoomAs(admin.agent, { name: 'Evening room' });
    // axe runs in the page, so this context bypasses the CSP that would refuse its script.
    const starter = await signedInMember(e2e, { bypassCSP: true, viewport: { width: 360, height: 740 } });
    const replier = await memberWithRole(e2e.t, 'moderator', 'replier');
    await joinAs(starter.agent, room.id);
    await joinAs(replier.agent, room.id);
    const thread = await threadAs(starter.agent, room.id, { title: 'Small wins', body: 'I slept six hours.', warning: { categories: [], noneApply: true } });
    // The starter has read their thread as it stood (the app opens it after posting).
    await starter.page.goto(`/threads/${thread.id}`);
    await starter.page.getByRole('heading', { level: 1, name: 'Small wins' }).waitFor();
    for (const body of ['That is wonderful.', 'Same here this week.']) await replyAs(replier.agent, thread.id, { body, warning: { categories: [], noneApply: true } });
    await e2e.t.get(ReplyNoticesService).settled();

    const page = starter.page;
    await page.goto('/notifications');
    const notice = page.getByRole('article', { name: /New replies in a thread you follow/ });
    await notice.getByText('2 new replies in “Small wins”.').waitFor();
    expect(describeViolations(await seriousViolations(page))).toBe('');
    await notice.getByRole('link', { name: /^Open/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Small wins' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/threads/${thread.id}`);
    // It opens at the first reply the starter has not seen, under the "new since" divider.
    await page.getByText('New since your last visit').waitFor();
    await page.locator('.post-list > li.new-since + li').getByText('That is wonderful.').waitFor();
    // The click marked it read; the request may still be on its way when the thread shows.
    const readNow = async () => ((await starter.agent.get('/api/me/notifications').expect(200)).body as { kind: string; read: boolean }[])[0];
    let told = await readNow();
    for (let i = 0; i < 20 && !told?.read; i += 1) {
      await new Promise((r) => setTimeout(r, 100));
      told = await readNow();
    }
    expect(told).toMatchObject({ kind: 'reply', read: true });
  });
  it('a member follows a thread from its page and then mutes it; each toggle says it is on, the thread remembers, and axe is clean', async () => {
    const admin = await memberWithRole(e2e.t, 'admin');
    const room = await createRoomAs(admin.agent, { name: 'Quiet corner' });
    const reader = await signedInMember(e2e, { bypassCSP: true, viewport: { width: 360, height: 740 } });
    await joinAs(reader.agent, room.id);
    await joinAs(admin.agent, room.id);
    const thread = await threadAs(admin.agent, room.id, { title: 'Walks we liked', body: 'Share a route.', warning: { categories: [], noneApply: true } });
    const state = async () => (await reader.agent.get(`/api/threads/${thread.id}`).expect(200)).body as { followed: boolean; muted: boolean };

    const page = reader.page;
    await page.goto(`/threads/${thread.id}`);
    const follow = page.getByRole('button', { name: 'Follow this thread' });
    const mute = page.getByRole('button', { name: 'Mute this thread' });
    expect(await follow.getAttribute('aria-pressed')).toBe('false');
    await follow.click();
    await page.getByText('You are following this thread').waitFor();
    expect(await follow.getAttribute('aria-pressed')).toBe('true');
    expect(await state()).toEqual(expect.objectContaining({ followed: true, muted: false }));
    expect(describeViolations(await seriousViolations(page))).toBe('');

    await mute.click();
    await page.getByText('This thread is muted').waitFor();
    expect(await mute.getAttribute('aria-pressed')).toBe('true');
    expect(await state()).toEqual(expect.objectContaining({ muted: true }));
    await page.reload();
    expect(await page.getByRole('button', { name: 'Mute this thread' }).getAttribute('aria-pressed')).toBe('true');
  });
});
