import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChatMessageView, ConversationView } from '@kindred/contracts';
import { expectApiError } from '../support/error-shape.js';
import { createRoom, join, type Agent } from '../support/forum.js';
import { connectedChat, memberSession, record, request, settle, startListeningApp, waitFor, type ChatClient, type ListeningApp } from '../support/realtime.js';

let t: ListeningApp;
let roomId: string;
const sockets: ChatClient[] = [];
type Session = Awaited<ReturnType<typeof memberSession>>;

beforeAll(async () => {
  t = await startListeningApp();
  const admin = await memberSession(t, 'admin');
  await t.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [admin.user.id]);
  roomId = (await createRoom(admin.agent)).id;
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await t?.close();
});

async function roommate(readReceipts?: boolean): Promise<Session> {
  const m = await memberSession(t, 'seen');
  await join(m.agent, roomId).expect(200);
  if (readReceipts !== undefined) await m.agent.patch('/api/me/settings').send({ readReceipts }).expect(200);
  return m;
}
async function openJoined(session: Session, conversationId: string): Promise<ChatClient> {
  const socket = await connectedChat(t.baseUrl, session.token);
  sockets.push(socket);
  expect(await request(socket, 'conversation:join', { conversationId })).toMatchObject({ ok: true });
  return socket;
}
async function conversation(starter: Session, others: Session[]): Promise<string> {
  const res = await starter.agent.post('/api/conversations').send({ participantIds: others.map((o) => o.user.id), body: 'Hello there.', clientId: randomUUID() }).expect(201);
  const id = (res.body as ConversationView).id;
  for (const o of others) await o.agent.post(`/api/conversations/${id}/accept`).expect(200);
  return id;
}
async function send(socket: ChatClient, conversationId: string, body: string): Promise<ChatMessageView> {
  const ack = await request<{ ok: true; message: ChatMessageView }>(socket, 'conversation:send', { conversationId, clientId: randomUUID(), body });
  expect(ack.ok).toBe(true);
  return ack.message;
}
const seenUpTo = async (agent: Agent, id: string) => ((await agent.get(`/api/conversations/${id}`).expect(200)).body as ConversationView).seenUpTo;

describe('read receipts only when both sides turn them on', () => {
  it('are off by default, a setting each member may change, and refused when malformed', async () => {
    const m = await roommate();
    expect((await m.agent.get('/api/me/settings').expect(200)).body.readReceipts).toBe(false);
    expect((await m.agent.patch('/api/me/settings').send({ readReceipts: true }).expect(200)).body.readReceipts).toBe(true);
    expectApiError(await m.agent.patch('/api/me/settings').send({ readReceipts: 'yes' }), 400, 'VALIDATION_FAILED');
  });

  it('show how far the other has read, live, when both opted in', async () => {
    const a = await roommate(true);
    const b = await roommate(true);
    const id = await conversation(a, [b]);
    const sa = await openJoined(a, id);
    const message = await send(sa, id, 'Did you sleep at all?');
    expect(await seenUpTo(a.agent, id)).toBe(1);
    const heard = record<{ conversationId: string }>(sa, 'conversation:changed');
    await openJoined(b, id);
    await waitFor(() => heard.length >= 1, 5_000, 'seen heard');
    expect(await seenUpTo(a.agent, id)).toBe(message.seq);
  });

  it('reveal nothing when only one side opted in: no "seen", and no live hint either', async () => {
    for (const [aOn, bOn] of [
      [true, false],
      [false, true],
      [false, false],
    ] as const) {
      const a = await roommate(aOn);
      const b = await roommate(bOn);
      const id = await conversation(a, [b]);
      const sa = await openJoined(a, id);
      await send(sa, id, 'Are you there?');
      const heard = record<{ conversationId: string }>(sa, 'conversation:changed');
      await openJoined(b, id);
      await settle();
      expect(heard).toEqual([]);
      expect(await seenUpTo(a.agent, id)).toBeNull();
      expect(await seenUpTo(b.agent, id)).toBeNull();
    }
  });

  it('never appear in a group, even with everyone opted in', async () => {
    const a = await roommate(true);
    const b = await roommate(true);
    const c = await roommate(true);
    const id = await conversation(a, [b, c]);
    const sa = await openJoined(a, id);
    await send(sa, id, 'Hello both.');
    const heard = record<{ conversationId: string }>(sa, 'conversation:changed');
    await openJoined(b, id);
    await settle();
    expect(heard).toEqual([]);
    expect(await seenUpTo(a.agent, id)).toBeNull();
  });
});
