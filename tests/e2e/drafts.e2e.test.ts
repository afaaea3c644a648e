import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DraftLookup } from '@kindred/contracts';
import { GOOD_PASSWORD, registerMember } from '../support/accounts.js';
import { memberWithRole } from '../support/forum.js';
import { signedInMember, startE2eApp, waitToLeave, type E2eApp } from './support/e2e-app.js';
import { createRoomAs, joinAs, replyAs, threadAs } from './support/forum-setup.js';

/** Issue 14: drafts kept on the server as the member types, and replies to one post. */
describe('drafts and replies to a post', () => {
  let e2e: E2eApp;
  let admin: Awaited<ReturnType<typeof memberWithRole>>;

  beforeAll(async () => {
    e2e = await startE2eApp();
    admin = await memberWithRole(e2e.t, 'admin');
  });

  afterAll(async () => {
    await e2e?.close();
  });

  async function threadWithReply() {
    const room = await createRoomAs(admin.agent, { name: 'Drafting room' });
    const author = await registerMember(e2e.t);
    await joinAs(author.agent, room.id);
    const thread = await threadAs(author.agent, room.id, { title: 'Evenings', body: 'How do you wind down?' });
    const earlier = await replyAs(author.agent, thread.id, { body: 'I keep a small notebook by the bed and write three lines.' });
    return { room, author, thread, earlier };
  }

  /**
   * The page's timers on Playwright's clock (time still flows as usual), so that a test can
   * move past the app's pause before it saves a draft (DRAFT_SAVE_DELAY_MS) instead of
   * waiting it out. What is saved, and when the test looks, is unchanged.
   */
  async function memberWithClock() {
    const member = await signedInMember(e2e);
    await member.context.clock.install();
    return member;
  }
  const SAVE_DELAY_MS = 1_000;

  it('a reply typed and not sent is there again after a reload, and Discard draft removes it after a calm confirm', async () => {
    const { room, thread } = await threadWithReply();
    const member = await memberWithClock();
    await joinAs(member.agent, room.id);
    const { page } = member;
    await page.goto(`/threads/${thread.id}`);
    const box = page.getByRole('textbox', { name: 'Your reply' });
    const saved = page.waitForResponse((res) => res.url().includes(`/api/me/drafts/reply/${thread.id}`) && res.request().method() === 'PUT');
    await box.fill('Some nights I cannot write anything at all, and');
    await page.clock.runFor(SAVE_DELAY_MS);
    expect((await saved).status()).toBe(200);
    await page.getByText('Draft saved').waitFor();

    await page.reload();
    await page.getByText('We brought back the draft you were writing', { exact: false }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Your reply' }).inputValue()).toBe('Some nights I cannot write anything at all, and');

    await page.getByRole('button', { name: 'Discard draft' }).click();
    const dialog = page.getByRole('dialog', { name: 'Discard this draft?' });
    await dialog.getByRole('button', { name: 'Keep writing' }).click();
    expect(await page.getByRole('textbox', { name: 'Your reply' }).inputValue()).toBe('Some nights I cannot write anything at all, and');
    await page.getByRole('button', { name: 'Discard draft' }).click();
    await dialog.getByRole('button', { name: 'Discard draft' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.getByRole('textbox', { name: 'Your reply' }).inputValue()).toBe('');
    expect(((await member.agent.get(`/api/me/drafts/reply/${thread.id}`).expect(200)).body as DraftLookup).draft).toBeNull();
  });

  it('a new thread started on one device waits behind "Continue your thread draft" on another', async () => {
    const { room } = await threadWithReply();
    const member = await memberWithClock();
    await joinAs(member.agent, room.id);
    const { page } = member;
    await page.goto(`/rooms/${room.slug}`);
    await page.getByRole('button', { name: 'Start a thread' }).click();
    // The save that holds the words too (one made after the title alone, when the two boxes are
    // filled more than the pause apart, would not be the one to wait for).
    const saved = page.waitForResponse(
      (res) => res.url().includes(`/api/me/drafts/thread/${room.id}`) && res.request().method() === 'PUT' && (res.request().postData() ?? '').includes('It took me an hour'),
    );
    await page.getByLabel('Title').fill('A slow morning');
    await page.getByRole('textbox', { name: 'What would you like to share?' }).fill('It took me an hour to get up, and that is all right.');
    await page.clock.runFor(SAVE_DELAY_MS);
    await saved;
    await page.getByText('Draft saved').waitFor();

    const elsewhere = await e2e.person();
    const res = await elsewhere.context.request.post('/api/auth/login', { data: { handle: member.handle, password: GOOD_PASSWORD } });
    expect(res.ok()).toBe(true);
    await elsewhere.page.goto(`/rooms/${room.slug}`);
    await elsewhere.page.getByRole('button', { name: 'Continue your thread draft' }).click();
    expect(await elsewhere.page.getByLabel('Title').inputValue()).toBe('A slow morning');
    expect(await elsewhere.page.getByRole('textbox', { name: 'What would you like to share?' }).inputValue()).toBe('It took me an hour to get up, and that is all right.');
    await elsewhere.context.close();
  });

  it('Reply to this answers one post: the reply links back to it with a short quote', async () => {
    const { room, author, thread, earlier } = await threadWithReply();
    const member = await signedInMember(e2e);
    await joinAs(member.agent, room.id);
    const { page } = member;
    await page.goto(`/threads/${thread.id}`);
    const target = page.getByRole('article', { name: `Reply by ${author.handle}` });
    await target.getByRole('button', { name: `Reply to this post by ${author.handle}` }).click();
    await page.getByRole('link', { name: `Replying to ${author.handle}` }).waitFor();
    // Screen readers hear which post the reply answers when they reach the box.
    expect(await page.getByRole('textbox', { name: 'Your reply' }).getAttribute('aria-describedby')).toContain('reply-target');
    // The reply box has focus: the member can type at once.
    await page.keyboard.type('Three lines is a lovely idea. I will try it tonight.');
    await page.getByRole('button', { name: 'Post reply' }).click();

    const mine = page.getByRole('article', { name: `Reply by ${member.handle}` });
    await mine.getByRole('link', { name: `In reply to ${author.handle}` }).waitFor();
    await mine.getByText('I keep a small notebook by the bed and write three lines.').waitFor();
    // The link brings the answered post into view and gives it focus, without a new history entry.
    const before = await page.evaluate('history.length');
    await mine.getByRole('link', { name: `In reply to ${author.handle}` }).click();
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe(`post-${earlier.id}`);
    expect(await page.evaluate('history.length')).toBe(before);
    // Posting deleted the draft on the server.
    expect(((await member.agent.get(`/api/me/drafts/reply/${thread.id}`).expect(200)).body as DraftLookup).draft).toBeNull();
  });

  it('quick exit deletes the draft: signing in again finds an empty reply box', async () => {
    const { room, thread } = await threadWithReply();
    const member = await memberWithClock();
    await joinAs(member.agent, room.id);
    const { page } = member;
    await page.goto(`/threads/${thread.id}`);
    const saved = page.waitForResponse((res) => res.url().includes(`/api/me/drafts/reply/${thread.id}`) && res.request().method() === 'PUT');
    await page.getByRole('textbox', { name: 'Your reply' }).fill('Words nobody else should ever find');
    await page.clock.runFor(SAVE_DELAY_MS);
    await saved;
    await page.getByRole('button', { name: 'Quick exit' }).click();
    await waitToLeave(page, e2e.baseUrl);

    const again = await e2e.person();
    const res = await again.context.request.post('/api/auth/login', { data: { handle: member.handle, password: GOOD_PASSWORD } });
    expect(res.ok()).toBe(true);
    const drafts = await again.context.request.get(`/api/me/drafts/reply/${thread.id}`);
    expect(((await drafts.json()) as DraftLookup).draft).toBeNull();
    await again.page.goto(`/threads/${thread.id}`);
    const box = again.page.getByRole('textbox', { name: 'Your reply' });
    await box.waitFor();
    // Give a restore every chance to happen: it must not.
    await again.page.waitForLoadState('networkidle');
    expect(await box.inputValue()).toBe('');
    expect(await again.page.getByText('We brought back the draft you were writing', { exact: false }).count()).toBe(0);
  });
});
