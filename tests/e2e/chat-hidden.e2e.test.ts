import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChatAck, SendMessageResult } from '@kindred/contracts';
import { memberWithRole } from '../support/forum.js';
import { connectedChat, memberSession, request, type ChatClient } from '../support/realtime.js';
import { chatLog, openChat } from './support/chat.js';
import { signedInMember, startE2eApp, type E2eApp } from './support/e2e-app.js';
import { createRoomAs, joinAs } from './support/forum-setup.js';

/**
 * Onboarding promises that what a member hides leaves a quiet note. In chat that holds live,
 * in the first page and after a reload, and the hidden words never reach the page.
 */
describe('hidden messages in live chat', () => {
  let e2e: E2eApp;
  let room: { id: string; slug: string };
  const sockets: ChatClient[] = [];

  beforeAll(async () => {
    e2e = await startE2eApp();
    const admin = await memberWithRole(e2e.t, 'admin');
    room = await createRoomAs(admin.agent, { name: 'Quiet notes' });
  });

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await e2e?.close();
  });

  async function chatter(prefix: string) {
    const person = await memberSession(e2e.t, prefix);
    await joinAs(person.agent, room.id);
    const socket = await connectedChat(e2e.baseUrl, person.token);
    sockets.push(socket);
    await request(socket, 'chat:join', { roomId: room.id });
    const say = async (body: string, categories: string[] = []) => {
      const ack = await request<ChatAck<SendMessageResult>>(socket, 'message:send', { roomId: room.id, clientId: randomUUID(), body, warning: { categories } });
      if (!ack.ok) throw new Error(ack.message);
    };
    return { ...person, say };
  }

  it('shows "N messages hidden by your settings" in their place, coalesced, without their words or authors', async () => {
    const ash = await chatter('ash');
    const blocked = await chatter('unwanted');
    const reader = await signedInMember(e2e);
    await joinAs(reader.agent, room.id);
    await reader.agent.put('/api/me/warning-preferences').send({ violence: 'hide' }).expect(200);
    await reader.agent.post('/api/me/blocks').send({ handle: blocked.handle }).expect(201);

    await ash.say('First, a plain hello.');
    await ash.say('A hard memory from long ago.', ['violence']);
    await ash.say('Another hard one.', ['violence']);
    await ash.say('Plain again, thank you all.');
    await blocked.say('Words from someone blocked.');

    const { page } = reader;
    await openChat(page, room.slug);
    const log = chatLog(page);
    await log.getByText('Plain again, thank you all.').waitFor();
    const lines = async () => (await log.locator('.chat-messages > li').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
    expect((await lines()).map((l) => (l.includes('hidden') ? l : 'message'))).toEqual([
      'message',
      '2 messages hidden by your settings',
      'message',
      '1 message hidden by your settings',
    ]);
    // Few messages: the start of the chat shows, and no "load earlier" that would find nothing.
    await log.getByText('This is the start of the chat.').waitFor();
    expect(await log.getByRole('button', { name: 'Load earlier messages' }).count()).toBe(0);

    // Live: each new hidden message joins the quiet line at the end.
    await ash.say('Still here, live.');
    await log.getByText('Still here, live.').waitFor();
    await ash.say('A live hard one.', ['violence']);
    await log.getByText('1 message hidden by your settings').nth(1).waitFor();
    await blocked.say('More from someone blocked.');
    await log.getByText('2 messages hidden by your settings').nth(1).waitFor();

    // After a reload the history says the same.
    await openChat(page, room.slug);
    await log.getByText('Still here, live.').waitFor();
    expect((await lines()).filter((l) => l.includes('hidden'))).toEqual(['2 messages hidden by your settings', '1 message hidden by your settings', '2 messages hidden by your settings']);

    // Nothing of them is in the page, nor who wrote them in the conversation.
    const html = await page.content();
    for (const words of ['hard memory', 'Another hard one', 'A live hard one', 'someone blocked']) expect(html).not.toContain(words);
    const conversation = await log.innerHTML();
    for (const words of [blocked.handle, 'Violence', 'violence']) expect(conversation).not.toContain(words);
  });
});
