import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChatAck, SendMessageResult } from '@kindred/contracts';
import type { Page } from 'playwright-core';
import { GOOD_PASSWORD, registerMember } from '../support/accounts.js';
import { memberWithRole } from '../support/forum.js';
import { connectedChat, memberSession, request } from '../support/realtime.js';
import { describeViolations, seriousViolations } from './support/axe.js';
import { chatLog } from './support/chat.js';
import { startE2eApp, type E2eApp } from './support/e2e-app.js';
import { createRoomAs, joinAs, threadAs } from './support/forum-setup.js';

describe('accessibility (axe-core) of live chat, notifications and the moderator dashboard', () => {
  let e2e: E2eApp;
  let roomSlug = '';
  let modHandle = '';
  let authorHandle = '';

  beforeAll(async () => {
    e2e = await startE2eApp();
    const admin = await memberWithRole(e2e.t, 'admin');
    // First posts wait for review here, so the dashboard has a held post to show.
    const room = await createRoomAs(admin.agent, { name: 'Checked chat', premoderateFirstPosts: 1 });
    roomSlug = room.slug;
    const mod = await registerMember(e2e.t);
    modHandle = mod.handle;
    await joinAs(mod.agent, room.id);
    await admin.agent.put(`/api/rooms/${room.id}/moderators`).send({ userId: mod.user.id }).expect(204);
    const author = await memberSession(e2e.t, 'author');
    authorHandle = author.handle;
    await joinAs(author.agent, room.id);
    const reporter = await registerMember(e2e.t);
    await joinAs(reporter.agent, room.id);
    await threadAs(author.agent, room.id, { title: 'A first thread, held', body: 'Waiting for a moderator.' });
    const askFirst = await createRoomAs(admin.agent, { name: 'Ask-first circle', joinPolicy: 'request' });
    await admin.agent.put(`/api/rooms/${askFirst.id}/moderators`).send({ userId: mod.user.id }).expect(204);
    const asker = await registerMember(e2e.t);
    await asker.agent.post(`/api/rooms/${askFirst.id}/join`).send({ acceptGuidelines: true, message: 'I would like to join, please.' }).expect(200);
    // The moderator hides one topic, so the chat shows a quiet "hidden by your settings" line.
    await mod.agent.put('/api/me/warning-preferences').send({ 'self-harm': 'hide' }).expect(200);

    const socket = await connectedChat(e2e.baseUrl, author.token);
    await request(socket, 'chat:join', { roomId: room.id });
    const ids: string[] = [];
    const bodies: [string, string[]][] = [
      ['Evening, everyone. Long day.', []],
      ['Something from today still sits heavy.', ['violence']],
      ['You never listen to anyone here.', []],
      ['Something the moderator chose not to see.', ['self-harm']],
    ];
    for (const [body, categories] of bodies) {
      const ack = await request<ChatAck<SendMessageResult>>(socket, 'message:send', { roomId: room.id, clientId: randomUUID(), body, warning: { categories } });
      if (!ack.ok) throw new Error(ack.message);
      ids.push(ack.message.id);
    }
    socket.disconnect();
    await reporter.agent.post('/api/reports').send({ targetType: 'message', targetId: ids[2], category: 'harassment', note: 'Felt pointed.' }).expect(201);
    // A decision about the author gives them an appealable notice (a warning to the member is one;
    // adding a content warning is an edit, never appealable).
    await admin.agent.post(`/api/moderation/member/${author.user.id}/actions`).send({ action: 'warn', reason: 'Please keep it kind to others' }).expect(200);
  });

  afterAll(async () => {
    await e2e?.close();
  });

  async function check(page: Page, name: string) {
    const violations = await seriousViolations(page);
    if (violations.length > 0) throw new Error(`${name}:\n${describeViolations(violations)}`);
    expect(violations).toEqual([]);
    const overflow = await page.evaluate(`document.documentElement.scrollWidth - document.documentElement.clientWidth`);
    if (overflow !== 0) throw new Error(`${name}: the page is ${String(overflow)} px wider than the window`);
  }

  async function signIn(handle: string, colorScheme: 'light' | 'dark', width: number) {
    const { context, page } = await e2e.person({ bypassCSP: true, colorScheme, viewport: { width, height: 800 } });
    const res = await context.request.post('/api/auth/login', { data: { handle, password: GOOD_PASSWORD } });
    if (!res.ok()) throw new Error(`login failed: ${res.status()}`);
    return page;
  }

  for (const [colorScheme, width] of [['light', 360], ['dark', 1280]] as const) {
    it(`has no serious or critical violations (${colorScheme} scheme, ${width} px)`, async () => {
      const mod = await signIn(modHandle, colorScheme, width);
      await mod.goto(`/rooms/${roomSlug}`);
      // On a phone the live chat is the room's second tab.
      if (width < 640) await mod.getByRole('tab', { name: 'Live chat' }).click();
      await chatLog(mod).getByText('You never listen to anyone here.').waitFor();
      await chatLog(mod).getByText('1 message hidden by your settings').waitFor();
      await chatLog(mod).getByRole('button', { name: 'Show message' }).first().waitFor();
      await mod.getByText('Moderator controls').click();
      await chatLog(mod).locator('summary', { hasText: `the message from ${authorHandle}` }).last().click();
      await check(mod, 'chat panel');

      await mod.goto('/moderation');
      const item = mod.getByRole('article', { name: `Chat message by ${authorHandle} in Checked chat` });
      await item.waitFor();
      // A harm item starts folded (the fold is checked too); the first pass reveals it, and the server remembers that for the second.
      if (colorScheme === 'light') {
        await check(mod, 'folded queue item');
        await item.getByRole('button', { name: /^Show this item/ }).click();
      }
      await item.getByRole('button', { name: /^Fold it again/ }).waitFor();
      await item.getByText('The conversation around it').click();
      await item.getByRole('button', { name: /^Take action/ }).click();
      await check(mod, 'moderator dashboard');
      await mod.getByRole('tab', { name: /^Held posts/ }).click();
      await mod.getByRole('heading', { name: /A first thread, held/ }).waitFor();
      await check(mod, 'held posts');
      await mod.getByRole('tab', { name: /^Join requests/ }).click();
      await mod.getByText('I would like to join, please.').waitFor();
      await check(mod, 'join requests');
      await mod.getByRole('tab', { name: 'Log' }).click();
      await mod.getByRole('list', { name: 'Log entries' }).waitFor();
      await check(mod, 'moderation log');

      const author = await signIn(authorHandle, colorScheme, width);
      await author.goto('/notifications');
      await author.getByRole('button', { name: 'Ask for a second look' }).click();
      await check(author, 'notifications');
    });
  }
});
