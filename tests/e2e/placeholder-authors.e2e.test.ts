import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import type { ChatAck, SendMessageResult } from '@kindred/contracts';
import { GOOD_PASSWORD } from '../support/accounts.js';
import { memberWithRole } from '../support/forum.js';
import { connectedChat, memberSession, request } from '../support/realtime.js';
import { signedInMember, startE2eApp, waitForPage, type E2eApp } from './support/e2e-app.js';
import { createRoomAs, joinAs, replyAs, threadAs } from './support/forum-setup.js';
import { untranslatedStrings } from './support/untranslated.js';

/**
 * The API names a deleted account "former member" (a reserved handle, see contracts/common.ts);
 * the web words it in the reader's language wherever an author's name appears: posts, the thread
 * list, the live chat and the moderation log.
 */
describe('placeholder authors in the reader’s language', () => {
  let e2e: E2eApp;
  let room: { id: string; slug: string; name: string };
  let threadId = '';

  beforeAll(async () => {
    e2e = await startE2eApp();
    const admin = await memberWithRole(e2e.t, 'admin');
    room = await createRoomAs(admin.agent, { name: 'Sala tranquila', description: 'Un lugar para hablar despacio.', guidelines: 'Sé amable.' });

    // A member writes a thread, a reply and a chat message, is warned by a moderator, then
    // deletes their account keeping their words; the moderator later deletes theirs too, so the
    // log entry has a former member on both sides.
    const leaver = await memberSession(e2e.t, 'sevaa');
    await joinAs(leaver.agent, room.id);
    const thread = await threadAs(leaver.agent, room.id, { title: 'Un día largo', body: 'Hoy fue un día difícil.', warning: { categories: [], noneApply: true } });
    threadId = thread.id;
    await replyAs(leaver.agent, threadId, { body: 'Mañana será otro día.', warning: { categories: [], noneApply: true } });
    const socket = await connectedChat(e2e.baseUrl, leaver.token);
    await request(socket, 'chat:join', { roomId: room.id });
    const ack = await request<ChatAck<SendMessageResult>>(socket, 'message:send', { roomId: room.id, clientId: randomUUID(), body: 'Me despido, gracias.', warning: { categories: [] } });
    if (!ack.ok) throw new Error(ack.message);
    socket.disconnect();

    const moderator = await memberWithRole(e2e.t, 'moderator', 'modera');
    await moderator.agent.post(`/api/moderation/member/${leaver.user.id}/actions`).send({ action: 'warn', reason: 'Un recordatorio amable.', roomId: room.id }).expect(200);
    for (const agent of [leaver.agent, moderator.agent]) await agent.delete('/api/me').send({ password: GOOD_PASSWORD, eraseContent: false }).expect(204);
  });

  afterAll(async () => {
    await e2e?.close();
  });

  async function expectAllSpanish(page: Page, where: string) {
    await waitForPage(page, `document.documentElement.lang === 'es'`);
    const english = await untranslatedStrings(page);
    expect({ where, english }).toEqual({ where, english: [] });
  }

  it('a deleted member’s thread, reply and chat message read “antiguo miembro” in Spanish, with no English', async () => {
    const m = await signedInMember(e2e, { locale: 'es-ES' });
    await joinAs(m.agent, room.id);
    const { page } = m;

    await page.goto(`/threads/${threadId}`);
    await page.getByRole('heading', { level: 1, name: 'Un día largo' }).waitFor();
    await page.getByText('Mañana será otro día.').waitFor();
    expect(await page.locator('.post__author').allTextContents()).toEqual(['antiguo miembro', 'antiguo miembro']);
    // A placeholder is no one to block.
    expect(await page.getByRole('button', { name: /^Bloquear/ }).count()).toBe(0);
    await expectAllSpanish(page, 'thread by a former member');

    await page.goto(`/rooms/${room.slug}`);
    await page.getByRole('heading', { name: 'Chat en directo' }).waitFor();
    const log = page.getByRole('log', { name: 'Mensajes del chat' });
    await log.getByText('Me despido, gracias.').waitFor();
    await page.locator('.chat .chat-banner').waitFor({ state: 'detached' });
    expect(await log.locator('.chat-message__author').first().textContent()).toBe('antiguo miembro');
    await expectAllSpanish(page, 'room with a former member’s thread and chat message');
  }, 120_000);

  it('the moderation log names a deleted moderator and member in Spanish, with no English', async () => {
    const mod = await signedInMember(e2e, { locale: 'es-ES' });
    await e2e.t.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [mod.user.id]);
    const { page } = mod;
    await page.goto('/moderation');
    await page.getByRole('heading', { level: 1, name: 'Moderación' }).waitFor();
    await page.getByRole('tab', { name: /^Registro/ }).click();
    const entry = page.locator('.log-entry', { hasText: 'Un recordatorio amable.' });
    await entry.waitFor();
    expect(await entry.locator('.log-entry__people .link-button').allTextContents()).toEqual([
      expect.stringMatching(/^antiguo miembro/),
      expect.stringMatching(/^antiguo miembro/),
    ]);
    await expectAllSpanish(page, 'moderation log');
  }, 120_000);

  it('in English the same placeholder reads “former member”', async () => {
    const m = await signedInMember(e2e, { locale: 'en-US' });
    await joinAs(m.agent, room.id);
    await m.page.goto(`/threads/${threadId}`);
    await m.page.getByRole('heading', { level: 1, name: 'Un día largo' }).waitFor();
    await m.page.getByText('Mañana será otro día.').waitFor();
    expect(await m.page.locator('.post__author').allTextContents()).toEqual(['former member', 'former member']);
  }, 60_000);
});
