import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { registerMember } from '../support/accounts.js';
import { memberWithRole } from '../support/forum.js';
import { describeViolations, seriousViolations } from './support/axe.js';
import { signedInMember, startE2eApp, type E2eApp } from './support/e2e-app.js';
import { createRoomAs, joinAs, replyAs, threadAs } from './support/forum-setup.js';

/** Issue 14: a member keeps posts to reread, with a private note; what becomes unreadable stays out. */
describe('saved posts', () => {
  let e2e: E2eApp;

  beforeAll(async () => {
    e2e = await startE2eApp();
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it('save from the thread, add a note on the Saved page, and a post removed later becomes a placeholder', async () => {
    const admin = await memberWithRole(e2e.t, 'admin');
    const room = await createRoomAs(admin.agent, { name: 'Keeping room' });
    const author = await registerMember(e2e.t);
    await joinAs(author.agent, room.id);
    const thread = await threadAs(author.agent, room.id, { title: 'Small steps', body: 'Where it began.' });
    const kept = await replyAs(author.agent, thread.id, { body: 'Breathe out longer than you breathe in.' });

    // At phone width, with axe: the Saved page must read well at 360 px.
    // bypassCSP: only so axe can be injected.
    const reader = await signedInMember(e2e, { viewport: { width: 360, height: 740 }, bypassCSP: true });
    await joinAs(reader.agent, room.id);
    const { page } = reader;
    await page.goto(`/threads/${thread.id}`);
    const reply = page.getByRole('article', { name: `Reply by ${author.handle}` });
    await reply.getByRole('button', { name: `Save Reply by ${author.handle}` }).click();
    await reply.getByRole('link', { name: 'See saved posts' }).click();

    await page.getByRole('heading', { name: 'Saved posts', level: 1 }).waitFor();
    await page.getByText('Breathe out longer than you breathe in.').waitFor();
    await page.getByRole('button', { name: 'Add a note' }).click();
    await page.getByLabel('Your note').fill('For nights when sleep will not come.');
    await page.getByRole('button', { name: 'Save note' }).click();
    await page.getByText('For nights when sleep will not come.').waitFor();
    expect(describeViolations(await seriousViolations(page))).toBe('');
    const width = await page.evaluate('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(360);

    await admin.agent.post(`/api/moderation/post/${kept.id}/actions`).send({ action: 'remove', reason: 'Removed for the test.' }).expect(200);
    await page.reload();
    await page.getByText('This post is no longer available to you.').waitFor();
    // The note stays (it is the member's own words); the post's words do not.
    await page.getByText('For nights when sleep will not come.').waitFor();
    expect(await page.getByText('Breathe out longer than you breathe in.').count()).toBe(0);

    await page.getByRole('button', { name: 'Remove from saved' }).click();
    await page.getByText('Nothing saved yet.', { exact: false }).waitFor();
  });
});
