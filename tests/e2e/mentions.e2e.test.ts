import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MentionNoticesService } from '../../apps/api/src/mentions/mention-notices.service.js';
import { GOOD_PASSWORD, registerMember, uniqueHandle } from '../support/accounts.js';
import { memberWithRole } from '../support/forum.js';
import { describeViolations, seriousViolations } from './support/axe.js';
import { signedInMember, startE2eApp, type E2eApp } from './support/e2e-app.js';
import { chatLog, openChat } from './support/chat.js';
import { createRoomAs, joinAs, threadAs } from './support/forum-setup.js';

/** Typing "@ab" in the reply box at phone width, choosing from the list by keyboard, posting; the member mentioned is told. */
describe('mentions in the browser', () => {
  let e2e: E2eApp;

  beforeAll(async () => {
    e2e = await startE2eApp();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('the reply composer offers room members after "@", inserts the chosen handle, and the mentioned member sees the notice', async () => {
    const admin = await memberWithRole(e2e.t, 'admin');
    const room = await createRoomAs(admin.agent, { name: 'Morning room' });
    const author = await signedInMember(e2e, { bypassCSP: true, viewport: { width: 375, height: 740 } });
    const prefix = `ab${Date.now().toString(36).slice(-5)}`;
    const abby = await registerMember(e2e.t, uniqueHandle(`${prefix}by`));
    const abel = await registerMember(e2e.t, uniqueHandle(`${prefix}el`));
    for (const m of [author, abby, abel]) await joinAs(m.agent, room.id);
    const thread = await threadAs(abel.agent, room.id, { title: 'Small steps', body: 'What helped this week?', warning: { categories: [], noneApply: true } });

    const page = author.page;
    await page.goto(`/threads/${thread.id}`);
    const box = page.getByRole('textbox', { name: 'Your reply' });
    await box.pressSequentially(`Thank you @${prefix}`);
    const list = page.getByRole('listbox', { name: 'Members you can mention' });
    await list.waitFor();
    expect(await list.getByRole('option').allTextContents()).toEqual([`@${abby.handle}`, `@${abel.handle}`].sort());
    expect(describeViolations(await seriousViolations(page))).toBe('');

    // Keyboard: the box keeps focus and points at the highlighted option.
    await box.press('ArrowDown');
    const active = await box.getAttribute('aria-activedescendant');
    expect(await page.locator(`#${active}`).textContent()).toBe(`@${abel.handle}`);
    await box.press('ArrowUp');
    await box.press('Escape');
    await list.waitFor({ state: 'detached' });
    await box.pressSequentially('b');
    await list.getByRole('option', { name: `@${abby.handle}` }).waitFor();
    await box.press('Enter');
    await list.waitFor({ state: 'detached' });
    expect(await box.inputValue()).toBe(`Thank you @${abby.handle} `);
    await box.pressSequentially('for asking.');
    await page.getByRole('button', { name: 'Post reply' }).click();
    await page.getByText('Your reply is posted. Thank you for being here.').waitFor();
    await e2e.t.get(MentionNoticesService).settled();
    // Nothing of the suggestions in browser storage.
    expect(await page.evaluate('localStorage.length + sessionStorage.length')).toBe(0);

    const { context, page: abbyPage } = await e2e.person({ viewport: { width: 375, height: 740 } });
    const login = await context.request.post('/api/auth/login', { data: { handle: abby.handle, password: GOOD_PASSWORD } });
    expect(login.ok()).toBe(true);
    await abbyPage.goto('/notifications');
    const notice = abbyPage.getByRole('article', { name: /You were mentioned/ });
    await notice.getByText(`${author.handle} mentioned you in “Small steps”.`).waitFor();
    // Opening it leads to the thread (at the post) and reads it.
    await notice.getByRole('link', { name: /^Open/ }).click();
    await abbyPage.getByRole('heading', { level: 1, name: 'Small steps' }).waitFor();
    expect(new URL(abbyPage.url()).pathname).toBe(`/threads/${thread.id}`);
    // At the post: it is brought into view and has focus, so a screen reader starts there too.
    const focusedPost = abbyPage.locator('article:focus');
    await focusedPost.waitFor();
    expect(await focusedPost.getAttribute('id')).toBe(new URL(abbyPage.url()).hash.slice(1));
    expect(await focusedPost.textContent()).toContain('for asking.');
    let read = false;
    for (let i = 0; i < 20 && !read; i += 1) {
      const notices = (await context.request.get('/api/me/notifications').then((r) => r.json())) as { kind: string; read: boolean }[];
      read = notices.some((n) => n.kind === 'mention' && n.read);
      if (!read) await new Promise((r) => setTimeout(r, 100));
    }
    expect(read).toBe(true);
  });

  it('in room chat, Enter inserts the chosen handle instead of sending; the next Enter sends, and the member is told', async () => {
    const admin = await memberWithRole(e2e.t, 'admin');
    const room = await createRoomAs(admin.agent, { name: 'Chat room' });
    const author = await signedInMember(e2e);
    const prefix = `cd${Date.now().toString(36).slice(-5)}`;
    const cora = await registerMember(e2e.t, uniqueHandle(prefix));
    for (const m of [author, cora]) await joinAs(m.agent, room.id);

    const page = author.page;
    await openChat(page, room.slug);
    const box = page.getByRole('textbox', { name: 'Your message' });
    await box.pressSequentially(`hello @${prefix}`);
    const list = page.getByRole('listbox', { name: 'Members you can mention' });
    await list.getByRole('option', { name: `@${cora.handle}` }).waitFor();
    await box.press('Enter');
    await list.waitFor({ state: 'detached' });
    expect(await box.inputValue()).toBe(`hello @${cora.handle} `);
    await box.press('Enter');
    await chatLog(page).getByText(`hello @${cora.handle}`).waitFor();
    // The log shows a message while it is still sending, before the server has committed it and
    // started telling the mentioned member: wait for the telling to start, then for it to end.
    const mentions = async () =>
      ((await cora.agent.get('/api/me/notifications').expect(200)).body as { kind: string; code: string; params: Record<string, string> }[]).filter((n) => n.kind === 'mention');
    let told = await mentions();
    for (let i = 0; i < 50 && told.length === 0; i += 1) {
      await new Promise((r) => setTimeout(r, 100));
      await e2e.t.get(MentionNoticesService).settled();
      told = await mentions();
    }
    expect(told).toEqual([expect.objectContaining({ code: 'mention.chat', params: { roomName: 'Chat room', authorHandle: author.handle } })]);
  });
});
