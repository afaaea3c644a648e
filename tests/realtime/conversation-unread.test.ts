import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChatMessageView, ConversationInbox, ConversationView } from '@kindred/contracts';
import { createRoom, join, type Agent } from '../support/forum.js';
import { connectedChat, memberSession, record, request, settle, startListeningApp, waitFor, type ChatClient, type ListeningApp } from '../support/realtime.js';

let t: ListeningApp;
let roomId: string;
const sockets: ChatClient[] = [];
type Session = Awaited<ReturnType<typeof memberSession>>;
type Ack<T = object> = { ok: true } & T;

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

async function roommate(): Promise<Session> {
  const m = await memberSession(t, 'unread');
  await join(m.agent, roomId).expect(200);
  return m;
}
async function open(token: string): Promise<ChatClient> {
  const socket = await connectedChat(t.baseUrl, token);
  sockets.push(socket);
  return socket;
}
const startWith = async (starter: Session, others: Session[], extra: Record<string, unknown> = {}) =>
  ((await starter.agent.post('/api/conversations').send({ participantIds: others.map((o) => o.user.id), body: 'Hello there.', clientId: randomUUID(), ...extra }).expect(201)).body as ConversationView).id;
/** Started by `starter`, accepted by everyone else (accepting opens it, so nothing is unread yet). */
async function conversation(starter: Session, others: Session[]): Promise<string> {
  const id = await startWith(starter, others);
  for (const o of others) await o.agent.post(`/api/conversations/${id}/accept`).expect(200);
  return id;
}
const send = async (socket: ChatClient, conversationId: string, body: string, extra: Record<string, unknown> = {}) => {
  const ack = await request<Ack<{ message: ChatMessageView }>>(socket, 'conversation:send', { conversationId, clientId: randomUUID(), body, ...extra });
  expect(ack.ok).toBe(true);
  return ack.message;
};
const inbox = async (agent: Agent) => (await agent.get('/api/conversations').expect(200)).body as ConversationInbox;
const unreadIn = async (agent: Agent, id: string) => {
  const box = await inbox(agent);
  return [...box.requests, ...box.conversations].find((c) => c.id === id)?.unread;
};

describe('unread counts per conversation', () => {
  it('counts a request as its one first message until it is opened; the sender has nothing unread', async () => {
    const a = await roommate();
    const b = await roommate();
    const id = await startWith(a, [b]);
    expect(await inbox(b.agent)).toMatchObject({ requests: [{ id, unread: 1 }], unreadTotal: 1 });
    expect(await inbox(a.agent)).toMatchObject({ conversations: [{ id, standing: 'pending', unread: 0 }], unreadTotal: 0 });
    await b.agent.get(`/api/conversations/${id}`).expect(200);
    expect(await inbox(b.agent)).toMatchObject({ requests: [{ id, unread: 0 }], unreadTotal: 0 });
  });

  it('does not count a request’s first message in a category the recipient hides', async () => {
    const a = await roommate();
    const b = await roommate();
    await b.agent.put('/api/me/warning-preferences').send({ 'domestic-abuse': 'hide' }).expect(200);
    const id = await startWith(a, [b], { warning: { categories: ['domestic-abuse'] } });
    expect(await inbox(b.agent)).toMatchObject({ requests: [{ id, unread: 0 }], unreadTotal: 0 });
  });

  it('counts the others’ new messages, never one’s own; reading over the socket or opening the latest page clears them', async () => {
    const a = await roommate();
    const b = await roommate();
    const id = await conversation(a, [b]);
    expect(await unreadIn(b.agent, id)).toBe(0);
    const sa = await open(a.token);
    await request(sa, 'conversation:join', { conversationId: id });
    await send(sa, id, 'one');
    const second = await send(sa, id, 'two');
    await send(sa, id, 'three');
    expect(await unreadIn(b.agent, id)).toBe(3);
    expect(await unreadIn(a.agent, id)).toBe(0);

    const sb = await open(b.token);
    const heard = record<{ conversationId: string }>(sb, 'conversation:changed');
    expect(await request(sb, 'conversation:read', { conversationId: id, messageId: second.id })).toEqual({ ok: true });
    expect((await inbox(b.agent)).unreadTotal).toBe(1);
    // The reader's other devices hear of it, so badges agree; only the id travels.
    await waitFor(() => heard.length === 1, 5_000, 'read marker heard');
    expect(heard[0]).toEqual({ conversationId: id });
    // Markers only move forward: reading an older message again changes nothing and tells nobody.
    const first = (await t.query<{ id: string }>('SELECT id FROM chat_messages WHERE room_id = $1 AND seq = 2', [id]))[0]!;
    expect(await request(sb, 'conversation:read', { conversationId: id, messageId: first.id })).toEqual({ ok: true });
    await settle();
    expect(heard).toHaveLength(1);
    expect((await inbox(b.agent)).unreadTotal).toBe(1);

    await b.agent.get(`/api/conversations/${id}/messages`).expect(200);
    expect(await unreadIn(b.agent, id)).toBe(0);
  });

  it('joining live reads what it shows', async () => {
    const a = await roommate();
    const b = await roommate();
    const id = await conversation(a, [b]);
    const sa = await open(a.token);
    await request(sa, 'conversation:join', { conversationId: id });
    await send(sa, id, 'while you were away');
    expect(await unreadIn(b.agent, id)).toBe(1);
    const sb = await open(b.token);
    expect(await request(sb, 'conversation:join', { conversationId: id })).toMatchObject({ ok: true });
    expect(await unreadIn(b.agent, id)).toBe(0);
  });

  it('tells a reader of new messages live, and the count they fetch then has grown', async () => {
    const a = await roommate();
    const b = await roommate();
    const id = await conversation(a, [b]);
    const [sa, sb] = [await open(a.token), await open(b.token)];
    await request(sa, 'conversation:join', { conversationId: id });
    const heard = record<{ conversationId: string }>(sb, 'conversation:changed');
    await send(sa, id, 'are you around?');
    await waitFor(() => heard.length === 1, 5_000, 'inbox change');
    expect(await inbox(b.agent)).toMatchObject({ unreadTotal: 1, conversations: [{ id, unread: 1 }] });
  });

  it('leaves out a blocked author’s messages in a group and a muted conversation from the total', async () => {
    const a = await roommate();
    const b = await roommate();
    const c = await roommate();
    const group = await conversation(a, [b, c]);
    await c.agent.post('/api/me/blocks').send({ handle: a.handle }).expect(201);
    const [sa, sb] = [await open(a.token), await open(b.token)];
    await request(sa, 'conversation:join', { conversationId: group });
    await request(sb, 'conversation:join', { conversationId: group });
    await send(sa, group, 'from the member c blocked');
    await send(sb, group, 'from b');
    expect(await unreadIn(c.agent, group)).toBe(1);

    const quiet = await conversation(b, [c]);
    await request(sb, 'conversation:join', { conversationId: quiet });
    await send(sb, quiet, 'muted news');
    await c.agent.put(`/api/conversations/${quiet}/mute`).send({ muted: true }).expect(204);
    const box = await inbox(c.agent);
    expect(box.conversations.find((x) => x.id === quiet)).toMatchObject({ muted: true, unread: 1 });
    expect(box.unreadTotal).toBe(1);
  });

  it('refuses marking a conversation one is not in, or a message from elsewhere, with the one error shape', async () => {
    const a = await roommate();
    const b = await roommate();
    const outsider = await roommate();
    const id = await conversation(a, [b]);
    const sa = await open(a.token);
    const message = await send(sa, id, 'private');
    const so = await open(outsider.token);
    expect(await request(so, 'conversation:read', { conversationId: id, messageId: message.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const other = await conversation(a, [outsider]);
    expect(await request(so, 'conversation:read', { conversationId: other, messageId: message.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await request(so, 'conversation:read', { conversationId: other, messageId: 'nope' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
  });
});
