import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ThreadDetail } from '@kindred/contracts';
import type { Page } from 'playwright-core';
import { memberWithRole } from '../support/forum.js';
import { describeViolations, seriousViolations } from './support/axe.js';
import { chatLog, openChat } from './support/chat.js';
import { signedInMember, startE2eApp, waitForPage, type E2eApp } from './support/e2e-app.js';
import { createRoomAs, joinAs, threadAs } from './support/forum-setup.js';
import { untranslatedStrings } from './support/untranslated.js';

async function expectAxeClean(page: Page, name: string): Promise<void> {
  const violations = await seriousViolations(page);
  if (violations.length > 0) throw new Error(`${name}:\n${describeViolations(violations)}`);
}

/**
 * The check waits for the writer to pause (PAUSE_MS in use-compose-check.ts) before it asks.
 * The members' pages run their timers on Playwright's clock (time still flows as usual), and
 * the tests move it past that pause instead of waiting it out; what is checked is unchanged.
 */
const CHECK_PAUSE_MS = 700;

/** Issue 15, item 2: the check before sending, in Chromium. */
describe('the check before sending', () => {
  let e2e: E2eApp;
  let room: { id: string; slug: string };
  let threadId = '';
  let member: Awaited<ReturnType<typeof signedInMember>>;

  beforeAll(async () => {
    e2e = await startE2eApp();
    const admin = await memberWithRole(e2e.t, 'admin');
    room = await createRoomAs(admin.agent, { name: 'Check before sending' });
    threadId = (await threadAs(admin.agent, room.id, { title: 'Evening check-in', body: 'How is everyone?' })).id;
    // bypassCSP: axe-core is injected into the page to check it.
    member = await signedInMember(e2e, { bypassCSP: true });
    await member.context.clock.install();
    await joinAs(member.agent, room.id);
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it('suggests a warning before a thread is posted; added, the thread carries it; the panel is private, calm and axe-clean', async () => {
    const { page } = member;
    await page.goto(`/rooms/${room.slug}`);
    await page.getByRole('button', { name: 'Start a thread' }).click();
    await page.getByLabel('Title').fill('After I left');
    await page.getByRole('textbox', { name: 'What would you like to share?' }).fill('He stalked me for months after I left. Text me on 555-201-3344 if you went through it too.');
    await page.clock.runFor(CHECK_PAUSE_MS);

    const panel = page.locator('#thread-compose-check');
    await panel.getByRole('heading', { name: 'Before you send' }).waitFor();
    await panel.getByText('Looks like a phone number.').waitFor();
    expect(await panel.locator('mark').allTextContents()).toEqual(['555-201-3344']);
    await page.getByRole('status').filter({ hasText: 'Before you send: we noticed something' }).waitFor({ state: 'attached' });
    await expectAxeClean(page, 'new thread with the check panel open');
    // At phone width the panel fits without sideways scrolling.
    const wide = page.viewportSize();
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    if (wide) await page.setViewportSize(wide);

    await panel.getByRole('button', { name: 'Add the “Stalking and harassment” warning' }).click();
    expect(await page.getByRole('group', { name: 'Content warnings' }).getByLabel('Stalking and harassment').isChecked()).toBe(true);
    // Asked again with the warning chosen, the check no longer suggests it.
    await page.clock.runFor(CHECK_PAUSE_MS);
    await panel.getByRole('button', { name: 'Add the “Stalking and harassment” warning' }).waitFor({ state: 'detached' });

    await panel.getByRole('button', { name: 'Edit my words' }).click();
    expect(await page.evaluate('document.activeElement?.id')).toBe('thread-body');

    await page.getByRole('button', { name: 'Post thread' }).click();
    await page.waitForURL('**/threads/*');
    await page.getByRole('heading', { level: 1, name: 'After I left' }).waitFor();
    const id = page.url().split('/threads/')[1]!.split(/[?#]/)[0]!;
    const thread = (await member.agent.get(`/api/threads/${id}`).expect(200)).body as ThreadDetail;
    expect(thread.warning?.categories).toEqual(['stalking-harassment']);
    // Nothing of the check, nor the draft, in browser storage.
    expect(await page.evaluate('localStorage.length + sessionStorage.length')).toBe(0);
  });

  it('offers the crisis resources first when a reply’s words read as crisis', async () => {
    const { page } = member;
    await page.goto(`/threads/${threadId}`);
    await page.getByRole('textbox', { name: 'Your reply' }).fill('I want to end my life tonight. My sister Emily Carter is the only one who knows.');
    await page.clock.runFor(CHECK_PAUSE_MS);
    const panel = page.locator('#reply-compose-check');
    await panel.getByRole('heading', { name: 'Before you send' }).waitFor();
    const crisis = panel.locator('.compose-check__crisis');
    await crisis.getByText('these people are ready to listen').waitFor();
    await crisis.locator('.crisis-resources__item').first().waitFor();
    // Crisis comes before everything else in the panel.
    const order = await panel.locator('.compose-check__crisis, .compose-check__identifying, .compose-check__warnings').evaluateAll((els) => els.map((e) => e.className));
    expect(order[0]).toBe('compose-check__crisis');
    await panel.getByText('Looks like someone’s full name.').waitFor();
    await expectAxeClean(page, 'reply with the crisis part of the panel open');
  });

  it('in live chat, "Send as is" sends the words unchanged', async () => {
    const { page } = member;
    await openChat(page, room.slug);
    await page.getByRole('textbox', { name: 'Your message' }).fill('you can write to me at quiet.fern@example.org');
    await page.clock.runFor(CHECK_PAUSE_MS);
    const panel = page.locator('#chat-compose-check');
    await panel.getByText('Looks like an email address.').waitFor();
    await panel.getByRole('button', { name: 'Send as is' }).click();
    await chatLog(page).getByText('you can write to me at quiet.fern@example.org').waitFor();
    await panel.waitFor({ state: 'detached' });
  });

  it('speaks Spanish to a member who chose it, with nothing left in English', async () => {
    const spanish = await signedInMember(e2e, { bypassCSP: true });
    await spanish.context.clock.install();
    await joinAs(spanish.agent, room.id);
    await spanish.agent.patch('/api/me/settings').send({ language: 'es' }).expect(200);
    const { page } = spanish;
    await page.goto(`/threads/${threadId}`);
    await waitForPage(page, `document.documentElement.lang === 'es'`);
    await page.locator('#reply-body').fill('Mi ex me pegaba. Ahora vivo en Calle Mayor 15 y tengo miedo.');
    await page.clock.runFor(CHECK_PAUSE_MS);
    const panel = page.locator('#reply-compose-check');
    await panel.getByRole('heading', { name: 'Antes de enviar' }).waitFor();
    await panel.getByText('Parece una dirección postal.').waitFor();
    await panel.getByRole('button', { name: 'Añadir el aviso «Violencia doméstica»' }).waitFor();
    expect(await untranslatedStrings(page)).toEqual([]);
    await expectAxeClean(page, 'Spanish reply with the check panel open');
  });
});
