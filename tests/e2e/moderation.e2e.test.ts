import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { registerMember } from '../support/accounts.js';
import { memberWithRole } from '../support/forum.js';
import { signedInMember, startE2eApp, type E2eApp } from './support/e2e-app.js';
import { createRoomAs, joinAs, threadAs } from './support/forum-setup.js';
import { chatLog, openChat } from './support/chat.js';

const HARSH = 'Nobody here would even notice if you left.';

describe('moderation in the browser', () => {
  let e2e: E2eApp;

  beforeAll(async () => {
    e2e = await startE2eApp();
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it('a reported chat message reaches the room moderator, is removed with a reason, and its author is told and can appeal', async () => {
    const admin = await memberWithRole(e2e.t, 'admin');
    const room = await createRoomAs(admin.agent, { name: 'Harbour chat' });
    const author = await signedInMember(e2e);
    const reporter = await signedInMember(e2e);
    const mod = await signedInMember(e2e);
    for (const m of [author, reporter, mod]) await joinAs(m.agent, room.id);
    await admin.agent.put(`/api/rooms/${room.id}/moderators`).send({ userId: mod.user.id }).expect(204);

    await openChat(author.page, room.slug);
    await openChat(reporter.page, room.slug);
    const box = author.page.getByRole('textbox', { name: 'Your message' });
    await box.fill(HARSH);
    await box.press('Enter');
    await chatLog(reporter.page).getByText(HARSH).waitFor();

    // The reporter reports it from the message's options.
    await chatLog(reporter.page).locator('summary', { hasText: `the message from ${author.handle}` }).click();
    await reporter.page.getByRole('button', { name: 'Report', exact: true }).click();
    const dialog = reporter.page.getByRole('dialog', { name: 'Report to the moderators' });
    await dialog.getByLabel('Harassment or abuse').check();
    await dialog.getByLabel('Anything the moderators should know').fill('Said to someone who was struggling.');
    await dialog.getByRole('button', { name: 'Send report' }).click();
    await reporter.page.getByRole('dialog', { name: 'Thank you for telling us' }).getByRole('button', { name: 'Close', exact: true }).click();

    // The room moderator finds it in the dashboard, in context, and removes it with a reason.
    const mp = mod.page;
    await mp.goto('/');
    await mp.getByRole('link', { name: 'Moderation' }).click();
    await mp.getByRole('heading', { level: 1, name: 'Moderation' }).waitFor();
    const item = mp.getByRole('article', { name: `Chat message by ${author.handle} in Harbour chat` });
    await item.waitFor();
    expect(await item.innerText()).toContain('Harm');
    expect(await item.innerText()).toContain('Said to someone who was struggling.');
    // A harm item reaches the moderator folded; its words open when they choose.
    expect(await item.innerText()).not.toContain(HARSH);
    await item.getByRole('button', { name: /^Show this item/ }).click();
    await item.locator('.queue-item__body', { hasText: HARSH }).waitFor();
    await item.getByRole('button', { name: /^Claim/ }).click();
    await item.getByText('Claimed by you').waitFor();
    await item.getByRole('button', { name: /^Take action/ }).click();
    expect(await item.getByLabel('Action').inputValue()).toBe('message:remove');
    await item.getByLabel('Reason', { exact: true }).selectOption('Harassment or a personal attack');
    await item.getByRole('button', { name: 'Apply' }).click();
    await mp.getByText('Removed. The author is told privately').waitFor();
    await item.waitFor({ state: 'detached' });

    // Gone for the members at once.
    await chatLog(reporter.page).getByText(HARSH).waitFor({ state: 'detached' });
    await chatLog(author.page).getByText(HARSH).waitFor({ state: 'detached' });

    // The author is told privately, live, and can ask for a second look.
    const ap = author.page;
    await ap.getByRole('link', { name: /Notifications 1 unread/ }).waitFor();
    await ap.getByRole('link', { name: /Notifications/ }).click();
    await ap.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    await ap.getByText('Reason: Harassment or a personal attack').waitFor();
    await ap.getByRole('button', { name: 'Ask for a second look' }).click();
    await ap.getByLabel('What would you like the moderators to know?').fill('I was upset and wrote it badly. I am sorry.');
    await ap.getByRole('button', { name: 'Send', exact: true }).click();
    await ap.getByText('A different moderator will look at this again').waitFor();
    await ap.getByRole('button', { name: /Mark as read/ }).click();
    await ap.getByText('You are all caught up.').waitFor();

    // The open dashboard hears about the appeal live.
    await mp.getByRole('article').filter({ hasText: 'Appeal' }).first().waitFor();

    // The reporter hears the outcome.
    await reporter.page.getByRole('link', { name: /Notifications 1 unread/ }).waitFor();
  });

  it('join requests and held first posts are decided from the dashboard', async () => {
    const admin = await memberWithRole(e2e.t, 'admin');
    const room = await createRoomAs(admin.agent, { name: 'Careful room', joinPolicy: 'request', premoderateFirstPosts: 1 });
    const mod = await signedInMember(e2e);
    await admin.agent.put(`/api/rooms/${room.id}/moderators`).send({ userId: mod.user.id }).expect(204);
    const asker = await registerMember(e2e.t);
    await asker.agent.post(`/api/rooms/${room.id}/join`).send({ acceptGuidelines: true, message: 'I found this room through a friend.' }).expect(200);
    const newcomer = await registerMember(e2e.t);
    await newcomer.agent.post(`/api/rooms/${room.id}/join`).send({ acceptGuidelines: true }).expect(200);
    const requests = (await mod.agent.get(`/api/rooms/${room.id}/join-requests`).expect(200)).body as { id: string; user: { id: string } }[];
    const newcomerRequest = requests.find((r) => r.user.id === newcomer.user.id)!;
    await mod.agent.post(`/api/rooms/${room.id}/join-requests/${newcomerRequest.id}/decision`).send({ approve: true }).expect(204);
    await threadAs(newcomer.agent, room.id, { title: 'My first thread here', body: 'Held until a moderator reads it.' });

    const { page } = mod;
    await page.goto('/moderation');
    await page.getByRole('tab', { name: /Held posts 1/ }).click();
    const held = page.getByRole('article', { name: /Thread “My first thread here”/ });
    await held.getByRole('button', { name: /^Review/ }).click();
    expect(await held.getByLabel('Action').inputValue()).toBe('thread:approve');
    await held.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('Approved. The author is told').waitFor();

    await page.getByRole('tab', { name: /Join requests 1/ }).click();
    await page.getByText('I found this room through a friend.').waitFor();
    await page.getByRole('button', { name: `Approve ${asker.handle}` }).click();
    await page.getByText(`${asker.handle} can join now.`).waitFor();

    await page.getByRole('tab', { name: 'Log' }).click();
    const log = page.getByRole('list', { name: 'Log entries' });
    await log.getByText('Approved a thread').waitFor();
    expect(await log.getByText('Approved a join request').count()).toBe(2);
    await page.getByRole('combobox', { name: 'Action' }).selectOption('thread.approve');
    await log.getByText('Approved a join request').first().waitFor({ state: 'detached' });
    expect(await log.getByText('Approved a thread').count()).toBe(1);
  });
});
