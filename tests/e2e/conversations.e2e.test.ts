import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { memberWithRole } from '../support/forum.js';
import { describeViolations, seriousViolations } from './support/axe.js';
import { chatLog, openChat } from './support/chat.js';
import { signedInMember, startE2eApp, type E2eApp } from './support/e2e-app.js';
import { createRoomAs, joinAs, threadAs } from './support/forum-setup.js';

const PHONE = { width: 360, height: 740 };

async function say(page: Page, words: string): Promise<void> {
  const box = page.getByRole('textbox', { name: 'Your message' });
  await box.fill(words);
  await box.press('Enter');
  await chatLog(page).getByText(words).waitFor();
  await chatLog(page).getByText('Sending…').waitFor({ state: 'detached' });
}

async function expectAxeClean(page: Page): Promise<void> {
  const violations = await seriousViolations(page);
  expect(describeViolations(violations)).toBe('');
}

/** Nothing of Kindred's in any browser storage: house rule 12. */
async function expectNothingStored(page: Page): Promise<void> {
  const stored = await page.evaluate(`(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    databases: (await indexedDB.databases()).length,
    cookies: document.cookie,
  }))()`);
  expect(stored).toEqual({ local: 0, session: 0, databases: 0, cookies: '' });
}

// One app and browser for the whole file: every test below makes its own members and rooms.
let e2e: E2eApp;

beforeAll(async () => {
  e2e = await startE2eApp();
});

afterAll(async () => {
  await e2e?.close();
});

describe('private conversations in the browser', () => {
  let room: { id: string; slug: string };

  beforeAll(async () => {
    const admin = await memberWithRole(e2e.t, 'admin');
    room = await createRoomAs(admin.agent, { name: 'Quiet corner' });
  });

  it('request from a room → accept → chat both ways → block: the blocked member’s words stop reaching the blocker', async () => {
    const ash = await signedInMember(e2e, { bypassCSP: true });
    const bay = await signedInMember(e2e, { bypassCSP: true });
    await joinAs(ash.agent, room.id);
    await joinAs(bay.agent, room.id);

    // Bay speaks in the room; Ash asks them for a private conversation from their message.
    await openChat(bay.page, room.slug);
    await say(bay.page, 'Anyone else find evenings the hardest?');
    await bay.page.goto('/messages');
    await bay.page.getByRole('heading', { name: 'Requests' }).waitFor();
    await bay.page.getByText('No requests waiting.').waitFor();

    await openChat(ash.page, room.slug);
    await chatLog(ash.page).locator('summary', { hasText: `Options for the message from ${bay.handle}` }).first().click();
    await ash.page.getByRole('button', { name: `Message ${bay.handle} privately` }).click();
    const ask = ash.page.getByRole('dialog', { name: `Ask ${bay.handle} for a private conversation` });
    await ask.getByRole('textbox', { name: 'Your first message' }).fill('Evenings are hard for me too. Would you like to talk?');
    await ask.getByRole('button', { name: 'Send request' }).click();
    await ash.page.getByRole('heading', { name: `Conversation with ${bay.handle}` }).waitFor();
    await ash.page.getByText('Waiting for an answer. You can write more once they accept.').waitFor();

    // Bay's inbox hears of it live: the request sits apart, with an unread count in the header.
    const request = bay.page.getByRole('link', { name: new RegExp(ash.handle) });
    await request.waitFor();
    expect(await bay.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Messages/ }).innerText()).toMatch(/1/);
    await expectAxeClean(bay.page);
    await request.click();
    await bay.page.getByRole('heading', { name: `${ash.handle} would like to talk with you` }).waitFor();
    await chatLog(bay.page).getByText('Evenings are hard for me too.').waitFor();
    await bay.page.getByRole('button', { name: 'Accept' }).click();

    // Both ways, live, with typing shown (both show their presence by default).
    const bayBox = bay.page.getByRole('textbox', { name: 'Your message' });
    await bayBox.waitFor();
    await ash.page.getByRole('textbox', { name: 'Your message' }).waitFor();
    await bayBox.click();
    await bay.page.keyboard.type('Yes, thank', { delay: 20 });
    await ash.page.getByText(`${bay.handle} is typing…`).waitFor();
    await bayBox.fill('');
    await say(bay.page, 'Yes, thank you for asking.');
    await ash.page.getByRole('textbox', { name: 'Your message' }).waitFor();
    await chatLog(ash.page).getByText('Yes, thank you for asking.').waitFor();
    await say(ash.page, 'Tea helps me a little.');
    await chatLog(bay.page).getByText('Tea helps me a little.').waitFor();
    await expectAxeClean(bay.page);

    // The check before sending looks at private messages too, privately and without blocking.
    await bayBox.fill('You can call me on +44 7700 900123 tonight');
    await bay.page.getByText('Looks like a phone number.').waitFor();
    await bayBox.fill('');

    // A supportive reaction from the message's menu reaches the other side live, as a quiet count.
    await chatLog(bay.page).locator('summary', { hasText: `Options for the message from ${ash.handle}` }).last().click();
    await chatLog(bay.page).getByRole('button', { name: 'Sending strength' }).click();
    await chatLog(ash.page).getByRole('list', { name: 'Reactions' }).getByText('Sending strength').waitFor();
    expect(await chatLog(ash.page).getByRole('list', { name: 'Reactions' }).innerText()).toContain('1');
    // Read while open: no unread count is left for Bay.
    await bay.page.goto('/messages');
    await bay.page.getByRole('heading', { name: 'Conversations' }).waitFor();
    expect(await bay.page.locator('.inbox-item .count-badge').count()).toBe(0);
    await bay.page.goBack();

    // Bay blocks Ash from Ash's message; what Ash writes afterwards never reaches Bay.
    await chatLog(bay.page).locator('summary', { hasText: `Options for the message from ${ash.handle}` }).first().click();
    await bay.page.getByRole('button', { name: `Block ${ash.handle}` }).click();
    await bay.page.getByRole('dialog').getByRole('button', { name: `Block ${ash.handle}`, exact: true }).click();
    await bay.page.getByText(`You blocked ${ash.handle}.`, { exact: false }).waitFor();
    expect(await chatLog(bay.page).getByText('Tea helps me a little.').count()).toBe(0);
    await say(ash.page, 'Are you still there?');
    await bay.page.waitForTimeout(500);
    expect(await bay.page.content()).not.toContain('Are you still there?');
    await bay.page.goto('/messages');
    await bay.page.getByText('No conversations yet.', { exact: false }).waitFor();
    expect(await bay.page.content()).not.toContain('Are you still there?');

    await expectNothingStored(ash.page);
    await expectNothingStored(bay.page);
  });

  it('fits a 360 px phone: inbox and conversation without sideways scrolling, the message box in reach', async () => {
    const ash = await signedInMember(e2e);
    const bay = await signedInMember(e2e, { bypassCSP: true, viewport: PHONE });
    await joinAs(ash.agent, room.id);
    await joinAs(bay.agent, room.id);
    const started = await ash.agent
      .post('/api/conversations')
      .send({ participantIds: [bay.user.id], body: 'A long first message that has to wrap on a small screen without pushing anything sideways.', clientId: crypto.randomUUID() })
      .expect(201);
    const id = started.body.id as string;
    await bay.agent.post(`/api/conversations/${id}/accept`).expect(200);

    const overflow = () => bay.page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    await bay.page.goto('/messages');
    await bay.page.getByRole('link', { name: new RegExp(ash.handle) }).waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await expectAxeClean(bay.page);
    await bay.page.goto(`/messages/${id}`);
    await chatLog(bay.page).getByText('A long first message').waitFor();
    const box = bay.page.getByRole('textbox', { name: 'Your message' });
    await box.waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    const rect = await box.boundingBox();
    expect(rect && rect.x >= 0 && rect.x + rect.width <= PHONE.width).toBe(true);
    await say(bay.page, 'Writing from my phone.');
    expect(await bay.page.getByText('Seen', { exact: true }).count()).toBe(0);
    await expectAxeClean(bay.page);
  });

  it('shows "seen" only when both people turned read receipts on', async () => {
    const ash = await signedInMember(e2e);
    const bay = await signedInMember(e2e, { bypassCSP: true, viewport: PHONE });
    await joinAs(ash.agent, room.id);
    await joinAs(bay.agent, room.id);
    await bay.page.goto('/settings');
    await bay.page.getByRole('checkbox', { name: 'Show “seen” in one-to-one conversations' }).check();
    await bay.page.getByRole('button', { name: 'Save these choices' }).click();
    await bay.page.getByText('Saved.', { exact: true }).waitFor();
    const started = await ash.agent.post('/api/conversations').send({ participantIds: [bay.user.id], body: 'Hello.', clientId: crypto.randomUUID() }).expect(201);
    const id = started.body.id as string;
    await bay.agent.post(`/api/conversations/${id}/accept`).expect(200);

    await bay.page.goto(`/messages/${id}`);
    await say(bay.page, 'One side only so far.');
    // Ash reads it, but has not turned receipts on: Bay sees nothing.
    await ash.agent.get(`/api/conversations/${id}/messages`).expect(200);
    await bay.page.waitForTimeout(500);
    expect(await bay.page.getByText('Seen', { exact: true }).count()).toBe(0);

    await ash.agent.patch('/api/me/settings').send({ readReceipts: true }).expect(200);
    await say(bay.page, 'Both sides now.');
    await ash.agent.get(`/api/conversations/${id}/messages`).expect(200);
    await bay.page.getByText('Seen', { exact: true }).waitFor();
  });
});

describe('a check-in from a moderation queue item', () => {
  it('a moderator checks in privately as the team from a crisis item; the member sees the team, never the moderator’s name', async () => {
    const admin = await memberWithRole(e2e.t, 'admin');
    const room = await createRoomAs(admin.agent, { name: 'Late night room' });
    const member = await signedInMember(e2e);
    await joinAs(member.agent, room.id);
    await threadAs(member.agent, room.id, { title: 'Tonight', body: 'Some nights I feel like everyone would be better off without me.' });

    const moderator = await signedInMember(e2e, { bypassCSP: true });
    await e2e.t.query(`UPDATE users SET role = 'moderator' WHERE id = $1`, [moderator.user.id]);
    await moderator.page.goto('/moderation');
    const item = moderator.page.getByRole('article', { name: /Thread “Tonight”/ }).first();
    await item.getByRole('button', { name: /^Check in privately/ }).click();
    await item.getByRole('textbox', { name: 'Your message' }).fill('Hi, this is the moderation team. We read your thread and wanted to see how you are.');
    expect(await item.getByRole('checkbox', { name: /Sign it as the moderation team/ }).isChecked()).toBe(true);
    await item.getByRole('button', { name: 'Send check-in' }).click();
    await moderator.page.getByText('Check-in sent.', { exact: false }).waitFor();
    await moderator.page.getByText('From the moderation team').waitFor();
    await expectAxeClean(moderator.page);

    await member.page.goto('/messages');
    const checkIn = member.page.getByRole('link', { name: /the moderation team/ });
    await checkIn.waitFor();
    await member.page.getByText('From the moderation team').waitFor();
    await checkIn.click();
    await chatLog(member.page).getByText('We read your thread').waitFor();
    await member.page.getByRole('textbox', { name: 'Your message' }).waitFor();
    expect(await member.page.content()).not.toContain(moderator.handle);
  });
});

describe('asking from a thread', () => {
  it('offers a private conversation from a post’s author, and shows the server’s one refusal when they accept none', async () => {
    const admin = await memberWithRole(e2e.t, 'admin');
    const room = await createRoomAs(admin.agent, { name: 'Threads room' });
    const author = await signedInMember(e2e);
    const reader = await signedInMember(e2e, { bypassCSP: true });
    await joinAs(author.agent, room.id);
    await joinAs(reader.agent, room.id);
    const thread = await threadAs(author.agent, room.id, { title: 'Small wins', body: 'I went for a walk today.' });
    await author.agent.patch('/api/me/settings').send({ whoCanMessageMe: 'nobody' }).expect(200);

    await reader.page.goto(`/threads/${thread.id}`);
    await reader.page.getByRole('button', { name: `Message ${author.handle} privately` }).click();
    const ask = reader.page.getByRole('dialog', { name: `Ask ${author.handle} for a private conversation` });
    await ask.getByRole('textbox', { name: 'Your first message' }).fill('Walks help me too.');
    await ask.getByRole('button', { name: 'Send request' }).click();
    await ask.getByRole('alert').waitFor();
    expect(await ask.getByRole('alert').innerText()).toContain('cannot receive a conversation from you');
    await expectAxeClean(reader.page);

    await author.agent.patch('/api/me/settings').send({ whoCanMessageMe: 'rooms' }).expect(200);
    await ask.getByRole('button', { name: 'Send request' }).click();
    await reader.page.getByRole('heading', { name: `Conversation with ${author.handle}` }).waitFor();
  });
});
