import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChatAck, JoinChatResult, SendMessageResult } from '@kindred/contracts';
import { memberWithRole } from '../support/forum.js';
import { connectChat, connected, memberSession, request } from '../support/realtime.js';
import { signedInMember, startE2eApp, type E2eApp } from './support/e2e-app.js';
import { createRoomAs, joinAs } from './support/forum-setup.js';
import { chatLog, openChat } from './support/chat.js';

const MISSED = ['Missed one: are you still there?', 'Missed two: I am making tea.', 'Missed three: back now.'];

describe('live chat in the browser', () => {
  let e2e: E2eApp;
  let room: { id: string; slug: string };

  beforeAll(async () => {
    e2e = await startE2eApp();
    const admin = await memberWithRole(e2e.t, 'admin');
    room = await createRoomAs(admin.agent, { name: 'Evening chat' });
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it('two members chat in real time, see each other typing and who is here; warned messages stay folded', async () => {
    const ash = await signedInMember(e2e);
    const bay = await signedInMember(e2e);
    await joinAs(ash.agent, room.id);
    await joinAs(bay.agent, room.id);

    await openChat(ash.page, room.slug);
    await openChat(bay.page, room.slug);
    await chatLog(bay.page).getByText('No messages yet').waitFor();
    await bay.page.getByText('2 here now').waitFor();

    // Typing shows on the other side while Ash types, and goes away once the message is sent.
    const box = ash.page.getByRole('textbox', { name: 'Your message' });
    await box.click();
    await ash.page.keyboard.type('Hello from ', { delay: 20 });
    await bay.page.getByText(`${ash.handle} is typing…`).waitFor();
    await ash.page.keyboard.type('the evening room');
    await ash.page.keyboard.press('Enter');
    expect(await box.inputValue()).toBe('');
    await chatLog(bay.page).getByText('Hello from the evening room').waitFor();
    await chatLog(ash.page).getByText('Hello from the evening room').waitFor();
    await bay.page.getByText(`${ash.handle} is typing…`).waitFor({ state: 'detached' });
    // Settled on the sender's side too: no "Sending…" left behind.
    await chatLog(ash.page).getByText('Sending…').waitFor({ state: 'detached' });

    // Bay answers with a content warning; Ash (default "ask first") sees it folded.
    await bay.page.getByRole('textbox', { name: 'Your message' }).fill('Today was hard, the old fear came back.');
    await bay.page.locator('.chat-composer__warnings > summary').click();
    await bay.page.locator('#chat-cw-violence').check();
    await bay.page.getByRole('button', { name: 'Send', exact: true }).click();
    await chatLog(bay.page).getByText('Today was hard').waitFor();
    const fold = chatLog(ash.page).getByRole('button', { name: 'Show message' });
    await fold.waitFor();
    expect(await chatLog(ash.page).innerText()).toContain('Violence');
    expect(await ash.page.content()).not.toContain('Today was hard');
    await fold.click();
    await chatLog(ash.page).getByText('Today was hard, the old fear came back.').waitFor();

    // Words that suggest crisis are sent as usual; only their author sees a gentle offer of support.
    await box.fill('Some nights I feel like everyone would be better off without me.');
    await box.press('Enter');
    const support = ash.page.getByRole('region', { name: 'You don’t have to carry this alone' });
    await support.waitFor();
    // Readers are protected at once: the detector's category folds it for them, labelled as added automatically.
    const crisisFold = chatLog(bay.page).getByRole('button', { name: 'Show message' }).last();
    await crisisFold.waitFor();
    expect(await bay.page.content()).not.toContain('better off without me');
    await crisisFold.click();
    await chatLog(bay.page).getByText('better off without me').waitFor();
    expect(await bay.page.getByText('You don’t have to carry this alone').count()).toBe(0);
    await support.getByRole('button', { name: 'Thank you, close this' }).click();
    await support.waitFor({ state: 'detached' });

    // A pause is one click away from the chat.
    await ash.page.getByRole('button', { name: 'Take a pause from the chat' }).click();
    await ash.page.getByRole('dialog', { name: 'Take a pause' }).waitFor();
    await ash.page.keyboard.press('Escape');

    // Edit and delete one's own message; the other side follows live.
    await chatLog(ash.page).locator('summary', { hasText: 'Options for your message' }).first().click();
    await ash.page.getByRole('button', { name: 'Edit', exact: true }).click();
    const edit = ash.page.getByRole('textbox', { name: 'Edit your message' });
    await edit.fill('Hello again, evening room');
    await edit.press('Enter');
    await chatLog(bay.page).getByText('Hello again, evening room').waitFor();
    await chatLog(ash.page).locator('summary', { hasText: 'Options for your message' }).first().click();
    await ash.page.getByRole('button', { name: 'Delete', exact: true }).click();
    await ash.page.getByRole('dialog').getByRole('button', { name: 'Delete message' }).click();
    await chatLog(bay.page).getByText('Hello again, evening room').waitFor({ state: 'detached' });
  });

  it('loads earlier messages as the member scrolls up', async () => {
    const admin = await memberWithRole(e2e.t, 'admin');
    const long = await createRoomAs(admin.agent, { name: 'Long chat' });
    const reader = await signedInMember(e2e);
    await joinAs(reader.agent, long.id);
    // Eighty earlier messages, written straight to the database (sending them would be slow).
    await e2e.t.query('INSERT INTO chat_rooms (room_id, last_seq) VALUES ($1, 80)', [long.id]);
    await e2e.t.query(
      `INSERT INTO chat_messages (room_id, seq, author_id, client_id, body, created_at)
       SELECT $1, g, $2, 'seeded-' || g, 'Earlier words number ' || g, now() - (80 - g) * interval '1 minute' FROM generate_series(1, 80) g`,
      [long.id, admin.user.id],
    );

    await openChat(reader.page, long.slug);
    const log = chatLog(reader.page);
    await log.getByText('Earlier words number 80', { exact: true }).waitFor();
    expect(await log.getByText('Earlier words number 1', { exact: true }).count()).toBe(0);
    await log.hover();
    await reader.page.mouse.wheel(0, -20_000);
    await log.getByText('Earlier words number 1', { exact: true }).waitFor();
    await log.getByText('This is the start of the chat.').waitFor();
    expect(await log.locator('li.chat-message').count()).toBe(80);
  });

  // Last in this file: it restarts the server.
  it('after a server restart it reconnects by itself, replays what was missed in order, and sends what was written meanwhile exactly once', async () => {
    const admin = await memberWithRole(e2e.t, 'admin');
    const room = await createRoomAs(admin.agent, { name: 'Steady room' });
    const ash = await signedInMember(e2e);
    await joinAs(ash.agent, room.id);
    const bay = await memberSession(e2e.t, 'bay');
    await joinAs(bay.agent, room.id);

    const { page } = ash;
    await openChat(page, room.slug);
    const box = page.getByRole('textbox', { name: 'Your message' });
    await box.fill('Before the restart');
    await box.press('Enter');
    await chatLog(page).getByText('Before the restart').waitFor();
    await chatLog(page).locator('.chat-message--pending').waitFor({ state: 'detached' });
    // Two of bay's messages the page shows; one is reworded and one taken back while it is away.
    const baySocket = connectChat(e2e.baseUrl, bay.token);
    await connected(baySocket);
    expect(await request<ChatAck<JoinChatResult>>(baySocket, 'chat:join', { roomId: room.id })).toMatchObject({ ok: true });
    const changing: string[] = [];
    for (const body of ['To be reworded', 'To be taken back']) {
      changing.push((await request<{ ok: boolean; message: { id: string } }>(baySocket, 'message:send', { roomId: room.id, clientId: randomUUID(), body })).message.id);
    }
    baySocket.disconnect();
    await chatLog(page).getByText('To be taken back').waitFor();

    await e2e.restart(async () => {
      await page.getByText('Reconnecting… your messages are safe.').waitFor();
      // Written while the server is away: it waits, visibly, and is never lost.
      await box.fill('Written while offline');
      await box.press('Enter');
      await chatLog(page).getByText('Not sent yet').waitFor();

      // Meanwhile another member talks through a second instance on the same database.
      const other = await e2e.secondInstance();
      const socket = connectChat(other.baseUrl, bay.token);
      try {
        await connected(socket);
        const joined = await request<ChatAck<JoinChatResult>>(socket, 'chat:join', { roomId: room.id });
        expect(joined.ok).toBe(true);
        for (const body of MISSED) {
          const ack = await request<ChatAck<SendMessageResult>>(socket, 'message:send', { roomId: room.id, clientId: randomUUID(), body });
          expect(ack.ok).toBe(true);
        }
        expect(await request(socket, 'message:edit', { messageId: changing[0], body: 'Reworded while away' })).toMatchObject({ ok: true });
        expect(await request(socket, 'message:delete', { messageId: changing[1] })).toMatchObject({ ok: true });
      } finally {
        socket.disconnect();
        await other.app.close();
      }
    });

    // Back on the same port: the browser reconnects, rejoins with the last message it saw,
    // and the server replays the three missed messages.
    const log = chatLog(page);
    await log.getByText(MISSED[2]!).waitFor({ timeout: 15_000 });
    await page.getByText('Reconnecting… your messages are safe.').waitFor({ state: 'detached' });
    // Sent and confirmed: no optimistic copy ("Sending…", "Not sent yet") is left.
    await log.locator('.chat-message--pending').waitFor({ state: 'detached' });
    const text = await log.innerText();
    const positions = ['Before the restart', ...MISSED, 'Written while offline'].map((body) => text.indexOf(body));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text.split('Written while offline').length - 1).toBe(1);
    // The replay also told the page what changed while it was away.
    expect(text).toContain('Reworded while away');
    expect(text).not.toContain('To be reworded');
    expect(text).not.toContain('To be taken back');
    const rows = await e2e.t.query<{ n: number }>(`SELECT count(*)::int AS n FROM chat_messages WHERE body = 'Written while offline'`);
    expect(rows[0]!.n).toBe(1);
  });
});
