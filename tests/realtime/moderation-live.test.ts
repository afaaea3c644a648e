import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { NotificationView, QueueUpdate } from '@kindred/contracts';
import { createRoom, join } from '../support/forum.js';
import { connectedChat, memberSession, record, request, startListeningApp, waitFor, type ChatClient, type ListeningApp } from '../support/realtime.js';

let t: ListeningApp;
let admin: Awaited<ReturnType<typeof memberSession>>;
const sockets: ChatClient[] = [];

beforeAll(async () => {
  t = await startListeningApp();
  admin = await memberSession(t, 'admin');
  await t.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [admin.user.id]);
});
afterEach(() => {
  for (const s of sockets.splice(0)) s.disconnect();
});
afterAll(async () => {
  await t?.close();
});

async function open(token: string) {
  const socket = await connectedChat(t.baseUrl, token);
  sockets.push(socket);
  return socket;
}

describe('moderation in real time', () => {
  it('open moderator dashboards hear about new, claimed and resolved queue items; members do not', async () => {
    const room = await createRoom(admin.agent);
    const moderator = await memberSession(t, 'mod');
    await admin.agent.put(`/api/rooms/${room.id}/moderators`).send({ userId: moderator.user.id }).expect(204);
    const author = await memberSession(t);
    const reporter = await memberSession(t);
    for (const m of [author, reporter]) await join(m.agent, room.id).expect(200);
    const modSocket = await open(moderator.token);
    const memberSocket = await open(reporter.token);
    const modUpdates = record<QueueUpdate>(modSocket, 'queue:updated');
    const memberUpdates = record<QueueUpdate>(memberSocket, 'queue:updated');

    const thread = await author.agent.post(`/api/rooms/${room.id}/threads`).send({ title: 'x', body: 'rude words' }).expect(201);
    await reporter.agent.post('/api/reports').send({ targetType: 'post', targetId: thread.body.firstPost.id, category: 'harassment' }).expect(201);
    await waitFor(() => modUpdates.some((u) => u.status === 'open' && u.severity === 2), 5_000, 'new item');
    const itemId = modUpdates.at(-1)!.itemId;
    await moderator.agent.post(`/api/moderation/queue/${itemId}/claim`).expect(200);
    await waitFor(() => modUpdates.some((u) => u.status === 'claimed' && u.claimedBy === moderator.user.id), 5_000, 'claimed');
    await moderator.agent.post(`/api/moderation/queue/${itemId}/dismiss`).send({ reason: 'Blunt but not abusive' }).expect(204);
    await waitFor(() => modUpdates.some((u) => u.status === 'dismissed'), 5_000, 'dismissed');
    expect(memberUpdates).toEqual([]);
  });

  it("a room moderator appointed while their dashboard is open hears that room's queue at once, and stops hearing it when stepped down", async () => {
    const room = await createRoom(admin.agent);
    const moderator = await memberSession(t, 'appointee');
    const author = await memberSession(t);
    const reporter = await memberSession(t);
    for (const m of [author, reporter]) await join(m.agent, room.id).expect(200);
    const modSocket = await open(moderator.token);
    const modUpdates = record<QueueUpdate>(modSocket, 'queue:updated');
    const report = async (body: string) => {
      const thread = await author.agent.post(`/api/rooms/${room.id}/threads`).send({ title: 'x', body }).expect(201);
      const item = await reporter.agent.post('/api/reports').send({ targetType: 'post', targetId: thread.body.firstPost.id, category: 'harassment' }).expect(201);
      return item.body as { id: string };
    };

    await admin.agent.put(`/api/rooms/${room.id}/moderators`).send({ userId: moderator.user.id }).expect(204);
    await report('rude words');
    await waitFor(() => modUpdates.some((u) => u.status === 'open'), 5_000, 'the new item, on the socket opened before the appointment');

    await admin.agent.delete(`/api/rooms/${room.id}/moderators/${moderator.user.id}`).send({ reason: 'Stepping back' }).expect(204);
    const heard = modUpdates.length;
    // A member's dashboard hears nothing of the room now; the admin's (global) one is told, so waiting on it bounds the wait.
    const adminSocket = await open(admin.token);
    const adminUpdates = record<QueueUpdate>(adminSocket, 'queue:updated');
    await report('ruder words');
    await waitFor(() => adminUpdates.some((u) => u.status === 'open'), 5_000, 'the admin told of the second item');
    expect(modUpdates).toHaveLength(heard);
  });

  it('a ban disconnects the member’s sockets immediately, and the member is told privately over the socket first', async () => {
    const room = await createRoom(admin.agent);
    const member = await memberSession(t);
    await join(member.agent, room.id).expect(200);
    const socket = await open(member.token);
    await request(socket, 'chat:join', { roomId: room.id });
    const notices = record<NotificationView>(socket, 'notification');
    const disconnected = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
    const started = Date.now();
    await admin.agent.post(`/api/moderation/member/${member.user.id}/actions`).send({ action: 'ban', reason: 'Threats' }).expect(200);
    await disconnected;
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(notices.map((n) => n.kind)).toContain('moderation-action');
  });

  it('a crisis message is sent as usual; only its author receives the resources', async () => {
    const room = await createRoom(admin.agent);
    const author = await memberSession(t);
    const friend = await memberSession(t);
    for (const m of [author, friend]) await join(m.agent, room.id).expect(200);
    const a = await open(author.token);
    const b = await open(friend.token);
    for (const s of [a, b]) await request(s, 'chat:join', { roomId: room.id });
    const inbox = record<{ body: string; support?: unknown }>(b, 'message:new');
    const ack = await request<{ ok: boolean; support?: { name: string }[] }>(a, 'message:send', {
      roomId: room.id,
      clientId: randomUUID(),
      body: 'i dont want to be here anymore, i have been giving my things away',
    });
    expect(ack.ok).toBe(true);
    expect(ack.support?.length).toBeGreaterThan(0);
    await waitFor(() => inbox.length === 1, 5_000, 'delivery');
    expect(inbox[0]!.support).toBeUndefined();
    const [item] = await t.query<{ kind: string; severity: number }>(`SELECT kind, severity FROM queue_items WHERE room_id = $1`, [room.id]);
    expect(item).toEqual({ kind: 'crisis', severity: 3 });
  });
});
