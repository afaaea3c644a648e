import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import type { ChatChanges, ChatItem, ChatMessageView } from '@kindred/contracts';
import { createRoom, join } from '../support/forum.js';
import { memberSession, realtimeTestBed, request } from '../support/realtime.js';

const bed = realtimeTestBed();
const open = (token: string) => bed.open(token);

type Joined = { ok: boolean; messages: ChatItem[]; changes: ChatChanges; lastChange: number; truncated: boolean };
type Sent = { ok: boolean; message: ChatMessageView };

describe('replay after a reconnect tells what changed while away', () => {
  it('edits and removals made while a client was disconnected come back with the replay; hidden ones stay placeholders', async () => {
    const room = await createRoom(bed.admin.agent);
    const [alice, bob, carol] = [await memberSession(bed.t), await memberSession(bed.t), await memberSession(bed.t)];
    for (const m of [alice, bob, carol]) await join(m.agent, room.id).expect(200);
    await carol.agent.put('/api/me/warning-preferences').send({ 'self-harm': 'hide' }).expect(200);
    const aliceSocket = await open(alice.token);
    await request(aliceSocket, 'chat:join', { roomId: room.id });
    const sent: ChatMessageView[] = [];
    for (const body of ['first words', 'second words', 'third words', 'fourth words', 'fifth words']) {
      sent.push((await request<Sent>(aliceSocket, 'message:send', { roomId: room.id, clientId: randomUUID(), body })).message);
    }
    // A change before the others join is history to them, not a change to replay.
    expect(await request(aliceSocket, 'message:edit', { messageId: sent[4]!.id, body: 'fifth words, fixed' })).toMatchObject({ ok: true });

    const away = new Map<string, number>();
    for (const m of [bob, carol]) {
      const socket = await open(m.token);
      const first = await request<Joined>(socket, 'chat:join', { roomId: room.id });
      expect(first).toMatchObject({ ok: true, lastChange: 1, changes: { updated: [], removed: [] } });
      away.set(m.user.id, first.lastChange);
      socket.disconnect();
    }

    // While they are away: an edit, the author's own delete, a moderator's removal, and an
    // edit that adds a category carol hides.
    const adminSocket = await open(bed.admin.token);
    expect(await request(aliceSocket, 'message:edit', { messageId: sent[0]!.id, body: 'first words, reworded' })).toMatchObject({ ok: true });
    expect(await request(aliceSocket, 'message:delete', { messageId: sent[1]!.id })).toMatchObject({ ok: true });
    expect(await request(adminSocket, 'mod:message:remove', { messageId: sent[2]!.id, reason: 'Names a person outside the group.' })).toMatchObject({ ok: true });
    expect(await request(aliceSocket, 'message:edit', { messageId: sent[3]!.id, body: 'fourth words, now with a warning', warning: { categories: ['self-harm'] } })).toMatchObject({
      ok: true,
    });

    const bobBack = await request<Joined>(await open(bob.token), 'chat:join', { roomId: room.id, lastMessageId: sent[4]!.id, sinceChange: away.get(bob.user.id) });
    expect(bobBack).toMatchObject({ ok: true, messages: [], truncated: false, lastChange: 5 });
    expect(bobBack.changes.removed.sort()).toEqual([sent[1]!.seq, sent[2]!.seq].sort());
    expect(bobBack.changes.updated).toEqual([
      expect.objectContaining({ kind: 'message', id: sent[0]!.id, seq: 1, body: 'first words, reworded', editedAt: expect.any(String) }),
      expect.objectContaining({ kind: 'message', id: sent[3]!.id, seq: 4, body: 'fourth words, now with a warning', warning: { categories: ['self-harm'], note: null } }),
    ]);
    // Removed messages come back as their place only.
    expect(JSON.stringify(bobBack.changes)).not.toMatch(/second words|third words/);

    const carolBack = await request<Joined>(await open(carol.token), 'chat:join', { roomId: room.id, lastMessageId: sent[4]!.id, sinceChange: away.get(carol.user.id) });
    expect(carolBack.changes.removed.sort()).toEqual([sent[1]!.seq, sent[2]!.seq].sort());
    expect(carolBack.changes.updated[0]).toMatchObject({ kind: 'message', id: sent[0]!.id, body: 'first words, reworded' });
    // The message carol now hides is a placeholder with nothing of the message in it.
    expect(carolBack.changes.updated[1]).toEqual({ kind: 'hidden', roomId: room.id, seq: 4, createdAt: sent[3]!.createdAt, reason: 'your-settings' });
    expect(JSON.stringify(carolBack)).not.toMatch(/fourth words|self-harm|second words|third words/);
    expect(JSON.stringify(carolBack)).not.toContain(sent[3]!.id);

    // Caught up: the next replay from the new change number has nothing to tell.
    const again = await request<Joined>(await open(bob.token), 'chat:join', { roomId: room.id, lastMessageId: sent[4]!.id, sinceChange: bobBack.lastChange });
    expect(again).toMatchObject({ ok: true, changes: { updated: [], removed: [] }, lastChange: 5 });
  });

  it('refuses a change number that is not a whole number', async () => {
    const room = await createRoom(bed.admin.agent);
    const member = await memberSession(bed.t);
    await join(member.agent, room.id).expect(200);
    const socket = await open(member.token);
    expect(await request(socket, 'chat:join', { roomId: room.id, sinceChange: -1 })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    expect(await request(socket, 'chat:join', { roomId: room.id, sinceChange: 'all' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
  });
});
