import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChatItem, ChatMessageView, ConversationMessagesPage, ConversationView, HiddenChatMessage, JoinConversationResult } from '@kindred/contracts';
import { createRoom, join, type Agent } from '../support/forum.js';
import { connectedChat, memberSession, record, request, settle, startListeningApp, waitFor, type ChatClient, type ListeningApp } from '../support/realtime.js';
import { redisAvailable, testRedis, type TestRedis } from '../support/redis-server.js';

let t: ListeningApp;
let roomId: string;
const sockets: ChatClient[] = [];
type Session = Awaited<ReturnType<typeof memberSession>>;
type Ack<T = object> = { ok: true } & T;
type Refusal = { ok: false; code: string; message: string };

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

async function roommate(app: ListeningApp = t): Promise<Session> {
  const m = await memberSession(app, 'conv');
  await join(m.agent, roomId).expect(200);
  return m;
}
async function open(token: string, app: ListeningApp = t): Promise<ChatClient> {
  const socket = await connectedChat(app.baseUrl, token);
  sockets.push(socket);
  return socket;
}
/** A conversation `starter` began with `others`, every one of them having accepted. */
async function conversation(starter: Session, others: Session[]): Promise<string> {
  const res = await starter.agent.post('/api/conversations').send({ participantIds: others.map((o) => o.user.id), body: 'Hello there.', clientId: randomUUID() });
  expect(res.status).toBe(201);
  const id = (res.body as ConversationView).id;
  for (const o of others) await o.agent.post(`/api/conversations/${id}/accept`).expect(200);
  return id;
}
const joinConversation = (socket: ChatClient, conversationId: string, extra: Record<string, unknown> = {}) =>
  request<Ack<JoinConversationResult> | Refusal>(socket, 'conversation:join', { conversationId, ...extra });
const send = (socket: ChatClient, conversationId: string, body: string, extra: Record<string, unknown> = {}) =>
  request<Ack<{ message: ChatMessageView }> | Refusal>(socket, 'conversation:send', { conversationId, clientId: randomUUID(), body, ...extra });
const messagesOf = async (agent: Agent, id: string) => ((await agent.get(`/api/conversations/${id}/messages`).expect(200)).body as ConversationMessagesPage).items;
const bodies = (items: ChatItem[]) => items.map((i) => (i.kind === 'message' ? i.body : '(hidden)'));

describe('conversation messages travel the chat engine', () => {
  it('acknowledges after commit, delivers to the others in it, and answers a retry with the same message', async () => {
    const a = await roommate();
    const b = await roommate();
    const id = await conversation(a, [b]);
    const [sa, sb] = [await open(a.token), await open(b.token)];
    const joined = await joinConversation(sb, id);
    expect(joined.ok).toBe(true);
    expect(bodies((joined as Ack<JoinConversationResult>).messages)).toEqual(['Hello there.']);
    await joinConversation(sa, id);
    const inbox = record<ChatMessageView>(sb, 'message:new');

    const clientId = randomUUID();
    const ack = (await send(sa, id, 'How are you today?', { clientId })) as Ack<{ message: ChatMessageView }>;
    expect(ack.ok).toBe(true);
    // Persisted before the ack: the row is there the moment it arrives.
    expect(await t.query('SELECT body FROM chat_messages WHERE id = $1', [ack.message.id])).toEqual([{ body: 'How are you today?' }]);
    expect(ack.message).toMatchObject({ roomId: id, seq: 2, author: { id: a.user.id } });
    await waitFor(() => inbox.length === 1, 5_000, 'delivery');
    expect(inbox[0]!.id).toBe(ack.message.id);

    const again = (await send(sa, id, 'How are you today?', { clientId })) as Ack<{ message: ChatMessageView }>;
    expect(again.message.id).toBe(ack.message.id);
    expect(await t.query('SELECT id FROM chat_messages WHERE room_id = $1', [id])).toHaveLength(2);
    expect(bodies(await messagesOf(b.agent, id))).toEqual(['Hello there.', 'How are you today?']);
  });

  it('replays what was missed after a reconnect, from PostgreSQL', async () => {
    const a = await roommate();
    const b = await roommate();
    const id = await conversation(a, [b]);
    const sa = await open(a.token);
    await joinConversation(sa, id);
    let sb = await open(b.token);
    const first = (await joinConversation(sb, id)) as Ack<JoinConversationResult>;
    const last = first.messages[first.messages.length - 1] as ChatMessageView;
    sb.disconnect();
    await send(sa, id, 'one while you were away');
    await send(sa, id, 'two while you were away');
    sb = await open(b.token);
    const replay = (await joinConversation(sb, id, { lastMessageId: last.id })) as Ack<JoinConversationResult>;
    expect(bodies(replay.messages)).toEqual(['one while you were away', 'two while you were away']);
  });
});

describe('inboxes update live', () => {
  it('tells a recipient a request arrived, and those in it of new messages, never a muted member; only the id travels', async () => {
    const a = await roommate();
    const b = await roommate();
    const c = await roommate();
    const [sa, sb, sc] = [await open(a.token), await open(b.token), await open(c.token)];
    const heardByB = record<{ conversationId: string }>(sb, 'conversation:changed');
    const heardByC = record<{ conversationId: string }>(sc, 'conversation:changed');
    const res = await a.agent.post('/api/conversations').send({ participantIds: [b.user.id, c.user.id], body: 'A group?', clientId: randomUUID() }).expect(201);
    const id = (res.body as ConversationView).id;
    await waitFor(() => heardByB.length === 1 && heardByC.length === 1, 5_000, 'request arrival');
    expect(heardByB[0]).toEqual({ conversationId: id });
    await b.agent.post(`/api/conversations/${id}/accept`).expect(200);
    await c.agent.post(`/api/conversations/${id}/accept`).expect(200);
    await c.agent.put(`/api/conversations/${id}/mute`).send({ muted: true }).expect(204);
    await settle();
    const [bBefore, cBefore] = [heardByB.length, heardByC.length];
    await joinConversation(sa, id);
    await send(sa, id, 'news');
    await waitFor(() => heardByB.length === bBefore + 1, 5_000, 'new message in the inbox');
    await settle();
    expect(heardByC.length).toBe(cBefore);
  });
});

describe('edit and delete one’s own messages', () => {
  it('delivers an edit and a deletion to the others; someone else’s message is refused', async () => {
    const a = await roommate();
    const b = await roommate();
    const id = await conversation(a, [b]);
    const [sa, sb] = [await open(a.token), await open(b.token)];
    await joinConversation(sa, id);
    await joinConversation(sb, id);
    const edits = record<ChatMessageView>(sb, 'message:edited');
    const removals = record<{ roomId: string; messageId: string }>(sb, 'message:removed');
    const { message } = (await send(sa, id, 'with a typo')) as Ack<{ message: ChatMessageView }>;
    expect(await request(sb, 'conversation:edit', { conversationId: id, messageId: message.id, body: 'not yours' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await request(sa, 'conversation:edit', { conversationId: id, messageId: message.id, body: 'without a typo' })).toMatchObject({ ok: true, message: { body: 'without a typo' } });
    await waitFor(() => edits.length === 1, 5_000, 'edit');
    expect(edits[0]).toMatchObject({ id: message.id, body: 'without a typo' });
    expect(await request(sb, 'conversation:delete', { conversationId: id, messageId: message.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await request(sa, 'conversation:delete', { conversationId: id, messageId: message.id })).toMatchObject({ ok: true });
    await waitFor(() => removals.length === 1, 5_000, 'removal');
    expect(removals[0]).toEqual({ roomId: id, messageId: message.id });
    expect(bodies(await messagesOf(b.agent, id))).toEqual(['Hello there.']);
    // A message of another conversation is not found through this one.
    const other = await conversation(a, [await roommate()]);
    const elsewhere = (await send(sa, other, 'elsewhere')) as Ack<{ message: ChatMessageView }>;
    expect(await request(sa, 'conversation:edit', { conversationId: id, messageId: elsewhere.message.id, body: 'moved' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});

describe('consent first, live', () => {
  it('lets nothing flow before the request is accepted: the recipient cannot listen, the sender cannot add more', async () => {
    const a = await roommate();
    const b = await roommate();
    const res = await a.agent.post('/api/conversations').send({ participantIds: [b.user.id], body: 'May I write to you?', clientId: randomUUID() }).expect(201);
    const id = (res.body as ConversationView).id;
    const [sa, sb] = [await open(a.token), await open(b.token)];
    expect(await joinConversation(sb, id)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await joinConversation(sa, id)).toMatchObject({ ok: true });
    expect(await send(sa, id, 'Hello? Hello?')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await send(sb, id, 'Sneaking in')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(bodies(await messagesOf(a.agent, id))).toEqual(['May I write to you?']);

    await b.agent.post(`/api/conversations/${id}/accept`).expect(200);
    expect(await joinConversation(sb, id)).toMatchObject({ ok: true });
    expect(await send(sa, id, 'Thank you for accepting.')).toMatchObject({ ok: true });
  });

  it('refuses moderators and strangers listening to a conversation they are not in', async () => {
    const a = await roommate();
    const b = await roommate();
    const id = await conversation(a, [b]);
    const moderator = await memberSession(t, 'mod');
    await t.query(`UPDATE users SET role = 'moderator' WHERE id = $1`, [moderator.user.id]);
    const s = await open(moderator.token);
    expect(await joinConversation(s, id)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await send(s, id, 'Let me in')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await request(s, 'conversation:typing', { conversationId: id, typing: true })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await request(s, 'conversation:join', { conversationId: id, extra: 1 })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
  });

  it('stops delivering to someone the moment they leave', async () => {
    const a = await roommate();
    const b = await roommate();
    const c = await roommate();
    const id = await conversation(a, [b, c]);
    const [sa, sb] = [await open(a.token), await open(b.token)];
    await joinConversation(sa, id);
    await joinConversation(sb, id);
    const inbox = record<ChatMessageView>(sb, 'message:new');
    await b.agent.post(`/api/conversations/${id}/leave`).expect(204);
    await send(sa, id, 'after you left');
    await settle();
    expect(inbox).toEqual([]);
    expect(await send(sb, id, 'still here?')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});

describe('the same safety as room chat', () => {
  it('applies each reader’s show/warn/hide: a hidden category reaches them only as a placeholder', async () => {
    const a = await roommate();
    const b = await roommate();
    await b.agent.put('/api/me/warning-preferences').send({ 'self-harm': 'hide' }).expect(200);
    const id = await conversation(a, [b]);
    const [sa, sb] = [await open(a.token), await open(b.token)];
    await joinConversation(sa, id);
    await joinConversation(sb, id);
    const shown = record<ChatMessageView>(sb, 'message:new');
    const hidden = record<HiddenChatMessage>(sb, 'message:hidden');
    await send(sa, id, 'words about a hard night', { warning: { categories: ['self-harm'] } });
    await waitFor(() => hidden.length === 1, 5_000, 'placeholder');
    await settle();
    expect(shown).toEqual([]);
    expect(JSON.stringify(hidden)).not.toContain('hard night');
    expect(bodies(await messagesOf(b.agent, id))).toEqual(['Hello there.', '(hidden)']);
  });

  it('hides a blocked participant’s messages in a group conversation, live and in history, and the blocked person is not told', async () => {
    const a = await roommate();
    const b = await roommate();
    const c = await roommate();
    const id = await conversation(a, [b, c]);
    await c.agent.post('/api/me/blocks').send({ handle: a.handle }).expect(201);
    const [sa, sc] = [await open(a.token), await open(c.token)];
    await joinConversation(sa, id);
    expect(await joinConversation(sc, id)).toMatchObject({ ok: true });
    const shown = record<ChatMessageView>(sc, 'message:new');
    const placeholders = record<HiddenChatMessage>(sc, 'message:hidden');
    expect(await send(sa, id, 'from the blocked member')).toMatchObject({ ok: true });
    await waitFor(() => placeholders.length === 1, 5_000, 'placeholder');
    await settle();
    expect(shown).toEqual([]);
    expect(bodies(await messagesOf(c.agent, id))).toEqual(['(hidden)', '(hidden)']);
    // The blocked member still sees the group as it was.
    expect((await a.agent.get(`/api/conversations/${id}`).expect(200)).body.standing).toBe('active');
  });
});

describe('crisis care in a conversation', () => {
  it('gives the author resources privately, warns readers at once, and raises an item that names the conversation and shows only that message', async () => {
    const a = await roommate();
    const b = await roommate();
    const id = await conversation(a, [b]);
    const [sa, sb] = [await open(a.token), await open(b.token)];
    await joinConversation(sa, id);
    await joinConversation(sb, id);
    const inbox = record<ChatMessageView>(sb, 'message:new');
    const ack = (await send(sa, id, 'I want to end my life tonight, I have the pills ready.')) as Ack<{ message: ChatMessageView; support?: unknown[] }>;
    expect(ack.ok).toBe(true);
    expect(ack.support?.length).toBeGreaterThan(0);
    await waitFor(() => inbox.length === 1, 5_000, 'delivery');
    expect(inbox[0]).toMatchObject({ presentation: 'warn', warning: { automatic: ['suicide'] } });
    expect(JSON.stringify(inbox[0])).not.toContain('support');

    const [item] = await t.query<{ id: string; kind: string; room_id: string | null }>('SELECT id, kind, room_id FROM queue_items WHERE target_id = $1', [ack.message.id]);
    expect(item).toMatchObject({ kind: 'crisis', room_id: null });
    const moderator = await memberSession(t, 'mod');
    await t.query(`UPDATE users SET role = 'moderator' WHERE id = $1`, [moderator.user.id]);
    const detail = (await moderator.agent.get(`/api/moderation/queue/${item!.id}`).expect(200)).body as { target: { conversationId?: string; body: string; context: unknown[]; roomId: string | null } };
    expect(detail.target).toMatchObject({ conversationId: id, roomId: null, body: 'I want to end my life tonight, I have the pills ready.', context: [] });
    // Only the flagged message: nothing else said in the conversation reaches moderators.
    expect(JSON.stringify(detail)).not.toContain('Hello there.');
  });

  it('checks a conversation’s first message too', async () => {
    const a = await roommate();
    const b = await roommate();
    const res = await a.agent.post('/api/conversations').send({ participantIds: [b.user.id], body: 'I want to end my life tonight, I have the pills ready.', clientId: randomUUID() }).expect(201);
    const started = res.body as ConversationView;
    expect(started.support?.length).toBeGreaterThan(0);
    const request = (await b.agent.get(`/api/conversations/${started.id}`).expect(200)).body as ConversationView;
    expect(request.items).toEqual([expect.objectContaining({ presentation: 'warn', warning: expect.objectContaining({ automatic: ['suicide'] }) })]);
    expect(request.support).toBeUndefined();
    expect(await t.query(`SELECT 1 FROM queue_items WHERE kind = 'crisis' AND subject_user_id = $1`, [a.user.id])).toHaveLength(1);
  });
});

describe('reports: moderators see a snapshot, never the conversation', () => {
  it('keeps the reported message and up to ten around it in the item; only a participant can report, a request’s recipient only its first message', async () => {
    const a = await roommate();
    const b = await roommate();
    const id = await conversation(a, [b]);
    const sa = await open(a.token);
    await joinConversation(sa, id);
    const sent: ChatMessageView[] = [];
    for (let i = 1; i <= 14; i += 1) sent.push(((await send(sa, id, `line ${i}`)) as Ack<{ message: ChatMessageView }>).message);
    const reported = sent[7]!; // seq 9: five before, five after

    const moderator = await memberSession(t, 'mod');
    await t.query(`UPDATE users SET role = 'moderator' WHERE id = $1`, [moderator.user.id]);
    // Someone outside the conversation cannot report in it, moderators included.
    for (const outsider of [await roommate(), moderator]) {
      expect((await outsider.agent.post('/api/reports').send({ targetType: 'message', targetId: reported.id, category: 'harassment' })).status).toBe(404);
    }
    await b.agent.post('/api/reports').send({ targetType: 'message', targetId: reported.id, category: 'harassment', note: 'This hurt.' }).expect(201);

    const [item] = await t.query<{ id: string; room_id: string | null }>(`SELECT id, room_id FROM queue_items WHERE target_id = $1 AND kind = 'report'`, [reported.id]);
    expect(item!.room_id).toBeNull();
    const detail = (await moderator.agent.get(`/api/moderation/queue/${item!.id}`).expect(200)).body as { target: { conversationId?: string; body: string; context: { body: string }[] } };
    expect(detail.target.conversationId).toBe(id);
    expect(detail.target.body).toBe('line 8');
    expect(detail.target.context.map((m) => m.body)).toEqual(['line 3', 'line 4', 'line 5', 'line 6', 'line 7', 'line 8', 'line 9', 'line 10', 'line 11', 'line 12', 'line 13']);
    // Nothing outside the snapshot: not the first message, not the last lines.
    const everything = JSON.stringify(detail);
    for (const outside of ['Hello there.', 'line 2"', 'line 14']) expect(everything).not.toContain(outside);
    // Still no way in for the moderator.
    expect((await moderator.agent.get(`/api/conversations/${id}`)).status).toBe(404);

    // A request's recipient: its first message alone.
    const c = await roommate();
    const res = await a.agent.post('/api/conversations').send({ participantIds: [c.user.id], body: 'An unwanted first message.', clientId: randomUUID() }).expect(201);
    const first = (res.body as ConversationView).items[0] as ChatMessageView;
    await c.agent.post('/api/reports').send({ targetType: 'message', targetId: first.id, category: 'harassment' }).expect(201);
    const [requestItem] = await t.query<{ id: string }>(`SELECT id FROM queue_items WHERE target_id = $1`, [first.id]);
    const requestDetail = (await moderator.agent.get(`/api/moderation/queue/${requestItem!.id}`).expect(200)).body as { target: { context: { body: string }[] } };
    expect(requestDetail.target.context.map((m) => m.body)).toEqual(['An unwanted first message.']);
  });
});

describe('two instances joined by the Redis adapter', () => {
  let redis: TestRedis | undefined;
  let one: ListeningApp;
  let two: ListeningApp;
  beforeAll(async () => {
    redis = await testRedis();
    if (!redis) return;
    one = await startListeningApp({ REDIS_URL: redis.url });
    two = await startListeningApp({ REDIS_URL: redis.url }, one.db.url);
  });
  afterAll(async () => {
    for (const s of sockets.splice(0)) s.disconnect();
    await two?.close();
    await one?.close();
    await redis?.stop();
  });
  const scaleOut = () => (redisAvailable() ? it : it.skip);

  scaleOut()('deliver a conversation message across instances, and a leave on one stops delivery on the other', async () => {
    const admin = await memberSession(one, 'admin');
    await one.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [admin.user.id]);
    const room = await createRoom(admin.agent);
    const a = await memberSession(one, 'conv');
    const b = await memberSession(two, 'conv');
    await join(a.agent, room.id).expect(200);
    await join(b.agent, room.id).expect(200);
    const res = await a.agent.post('/api/conversations').send({ participantIds: [b.user.id], body: 'Across instances?', clientId: randomUUID() }).expect(201);
    const id = (res.body as ConversationView).id;
    // Instance two may have cached "invited" for b: the accept on one must reach it.
    const sb = await open(b.token, two);
    expect(await joinConversation(sb, id)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    await b.agent.post(`/api/conversations/${id}/accept`).expect(200);
    expect(await joinConversation(sb, id)).toMatchObject({ ok: true });
    const sa = await open(a.token, one);
    await joinConversation(sa, id);

    const inbox = record<ChatMessageView>(sb, 'message:new');
    const sent = (await send(sa, id, 'from instance one')) as Ack<{ message: ChatMessageView }>;
    await waitFor(() => inbox.length === 1, 5_000, 'cross-instance delivery');
    expect(inbox[0]!.id).toBe(sent.message.id);

    // b leaves through instance one; b's socket on instance two stops hearing it at once.
    const bOnOne = one.agent();
    await bOnOne.post('/api/auth/login').send({ handle: b.handle, password: 'quiet-harbour-lantern-42' }).expect(200);
    await bOnOne.post(`/api/conversations/${id}/leave`).expect(204);
    await send(sa, id, 'after the leave');
    await settle(300);
    expect(inbox.map((m) => m.body)).toEqual(['from instance one']);
    expect(await send(sb, id, 'still here?')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});
