import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChatAck, SendMessageResult } from '@kindred/contracts';
import { memberWithRole } from '../support/forum.js';
import { connectedChat, memberSession, request, type ChatClient } from '../support/realtime.js';
import { describeViolations, seriousViolations } from './support/axe.js';
import { chatLog, openChat } from './support/chat.js';
import { signedInMember, startE2eApp, type E2eApp } from './support/e2e-app.js';
import { createRoomAs, joinAs, replyAs, threadAs } from './support/forum-setup.js';

const PHONE = { width: 375, height: 740 };

/**
 * Issue 15: a member adds their own filters in settings; a post with those words is folded
 * behind their label, a chat message they hide never reaches the page, only its place.
 */
describe('personal filters', () => {
  let e2e: E2eApp;
  let room: { id: string; slug: string };
  let socket: ChatClient | undefined;

  beforeAll(async () => {
    e2e = await startE2eApp();
    const admin = await memberWithRole(e2e.t, 'admin');
    room = await createRoomAs(admin.agent, { name: 'Filtered room' });
  });

  afterAll(async () => {
    socket?.disconnect();
    await e2e?.close();
  });

  it('adding filters in settings folds a post behind the member’s label and hides a chat message', async () => {
    const author = await memberSession(e2e.t, 'writer');
    await joinAs(author.agent, room.id);
    const thread = await threadAs(author.agent, room.id, { title: 'Evenings', body: 'Quiet evenings help me.' });
    await replyAs(author.agent, thread.id, { body: 'We used to walk along Kestrel Road every night.' });

    const reader = await signedInMember(e2e, { bypassCSP: true, viewport: PHONE });
    await joinAs(reader.agent, room.id);
    const { page } = reader;
    await page.goto('/settings');
    const section = page.getByRole('region', { name: 'My filters' });
    await section.getByText('You have no filters yet.').waitFor();

    // A single letter is refused, in words.
    await section.getByLabel('Word or phrase').fill('k');
    await section.getByRole('button', { name: 'Add filter' }).click();
    await section.getByRole('alert').getByText('That would hide almost everything.', { exact: false }).waitFor();

    await section.getByLabel('Word or phrase').fill('kestrel road');
    await section.getByLabel('Your label for it').fill('that street');
    await section.getByRole('button', { name: 'Add filter' }).click();
    await section.getByText('Filter added.').waitFor();
    await section.getByLabel('Word or phrase').fill('ember');
    await section.getByLabel('Hide it completely').check();
    await section.getByRole('button', { name: 'Add filter' }).click();
    await section.getByRole('button', { name: 'Remove ember' }).waitFor();
    const violations = await seriousViolations(page);
    if (violations.length > 0) throw new Error(describeViolations(violations));
    expect(await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')).toBe(0);

    // The reply is folded behind the member's own label; its words are not on the page until asked for.
    await page.goto(`/threads/${thread.id}`);
    await page.getByText('Hidden by your filter: that street').waitFor();
    expect(await page.getByText('Kestrel Road', { exact: false }).count()).toBe(0);
    await page.getByRole('button', { name: 'Show post' }).click();
    await page.getByText('We used to walk along Kestrel Road every night.').waitFor();

    // Live chat: the hidden message keeps only its place, live.
    socket = await connectedChat(e2e.baseUrl, author.token);
    await request(socket, 'chat:join', { roomId: room.id });
    const say = async (body: string) => {
      const ack = await request<ChatAck<SendMessageResult>>(socket!, 'message:send', { roomId: room.id, clientId: randomUUID(), body });
      if (!ack.ok) throw new Error(ack.message);
    };
    await say('Hello, everyone.');
    // The room page puts chat beside the threads on a wide screen (a tab on a phone).
    await page.setViewportSize({ width: 1280, height: 900 });
    await openChat(page, room.slug);
    const log = chatLog(page);
    await log.getByText('Hello, everyone.').waitFor();
    await say('The Embers café is where it happened.');
    await say('Glad to be here.');
    await log.getByText('Glad to be here.').waitFor();
    await log.getByText('1 message hidden by your settings').waitFor();
    expect(await page.getByText('café', { exact: false }).count()).toBe(0);
    // A message their `warn` filter matches arrives folded behind their label.
    await say('I passed Kestrel Road today.');
    await log.getByText('Hidden by your filter: that street').waitFor();
    expect(await log.getByText('I passed Kestrel Road today.').count()).toBe(0);
  });
});
