import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChatItem, ChatMessageView, HiddenChatMessage, PresenceView, TypingView } from '@kindred/contracts';
import { createRoom, join } from '../support/forum.js';
import {
  connectChat,
  connectedChat,
  memberSession,
  record,
  request,
  settle,
  startListeningApp,
  waitFor,
  type ChatClient,
  type ListeningApp,
} from '../support/realtime.js';

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

async function open(token: string): Promise<ChatClient> {
  const socket = await connectedChat(t.baseUrl, token);
  sockets.push(socket);
  return socket;
}

/** A room with members, each connected and joined to its chat. */
async function chatRoom(count: number, settings: Record<string, unknown> = {}) {
  const room = await createRoom(admin.agent, settings);
  const people = [];
  for (let i = 0; i < count; i += 1) {
    const member = await memberSession(t);
    await join(member.agent, room.id).expect(200);
    const socket = await open(member.token);
    expect(await request(socket, 'chat:join', { roomId: room.id })).toMatchObject({ ok: true });
    people.push({ ...member, socket });
  }
  return { room, people };
}

const send = (socket: ChatClient, roomId: string, body: string, extra: Record<string, unknown> = {}) =>
  request<{ ok: boolean; message: ChatMessageView; code?: string; retryAt?: string }>(socket, 'message:send', { roomId, clientId: randomUUID(), body, ...extra });

describe('connecting', () => {
  it('refuses a socket without a session cookie, with a clear error', async () => {
    const socket = connectChat(t.baseUrl);
    sockets.push(socket);
    const error = await new Promise<Error & { data?: { code: string } }>((resolve) => socket.once('connect_error', resolve));
    expect(error.data?.code).toBe('UNAUTHENTICATED');
    expect(error.message).toMatch(/sign in/i);
  });

  it('refuses a revoked session and a foreign origin', async () => {
    const member = await memberSession(t);
    const foreign = connectChat(t.baseUrl, member.token, { origin: 'https://evil.example' });
    sockets.push(foreign);
    const crossSite = await new Promise<Error & { data?: { code: string } }>((resolve) => foreign.once('connect_error', resolve));
    expect(crossSite.data?.code).toBe('CROSS_ORIGIN_REJECTED');
    await member.agent.post('/api/auth/logout').expect(204);
    const revoked = connectChat(t.baseUrl, member.token);
    sockets.push(revoked);
    const error = await new Promise<Error & { data?: { code: string } }>((resolve) => revoked.once('connect_error', resolve));
    expect(error.data?.code).toBe('UNAUTHENTICATED');
  });

  it('disconnects open sockets at once when the session is revoked', async () => {
    const member = await memberSession(t);
    const socket = await open(member.token);
    const ended = new Promise<{ reason: string }>((resolve) => socket.once('session:ended', resolve));
    const disconnected = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
    await member.agent.post('/api/auth/logout-everywhere').expect(200);
    expect((await ended).reason).toBe('logout-everywhere');
    await disconnected;
  });
});

describe('joining a room chat', () => {
  it('is refused (not found) for a non-member of a private room, and allowed for members', async () => {
    const room = await createRoom(admin.agent, { joinPolicy: 'request' });
    const outsider = await memberSession(t);
    const socket = await open(outsider.token);
    expect(await request(socket, 'chat:join', { roomId: room.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await send(socket, room.id, 'hello')).toMatchObject({ ok: false, code: 'NOT_IN_ROOM' });
    expect(await request(socket, 'chat:join', { roomId: randomUUID() })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});

describe('messages', () => {
  it('round trip: acknowledged after commit, delivered to the others', async () => {
    const { room, people } = await chatRoom(2);
    const [alice, bob] = people;
    const bobInbox = record<ChatMessageView>(bob!.socket, 'message:new');
    const ack = await send(alice!.socket, room.id, 'Is anyone around tonight?');
    expect(ack).toMatchObject({ ok: true, message: { body: 'Is anyone around tonight?', author: { handle: alice!.handle }, seq: 1 } });
    // Acknowledged means committed: the row is there the moment the ack arrives.
    const rows = await t.query<{ body: string }>('SELECT body FROM chat_messages WHERE id = $1', [ack.message.id]);
    expect(rows).toEqual([{ body: 'Is anyone around tonight?' }]);
    await waitFor(() => bobInbox.length === 1, 5_000, 'delivery');
    expect(bobInbox[0]).toMatchObject({ id: ack.message.id, roomId: room.id, body: 'Is anyone around tonight?' });
  });

  it('a retry with the same client id creates one row and gets the same ack', async () => {
    const { room, people } = await chatRoom(1);
    const clientId = randomUUID();
    const payload = { roomId: room.id, clientId, body: 'sent twice by a flaky network' };
    const [first, second] = await Promise.all([request(people[0]!.socket, 'message:send', payload), request(people[0]!.socket, 'message:send', payload)]);
    const third = await request(people[0]!.socket, 'message:send', payload);
    expect(first).toMatchObject({ ok: true });
    expect((second as { message: { id: string } }).message.id).toBe((first as { message: { id: string } }).message.id);
    expect((third as { message: { id: string } }).message.id).toBe((first as { message: { id: string } }).message.id);
    expect((await t.query<{ n: number }>('SELECT count(*)::int AS n FROM chat_messages WHERE client_id = $1', [clientId]))[0]!.n).toBe(1);
    expect(await request(people[0]!.socket, 'message:send', { ...payload, body: 'different text' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
  });

  it('a retry of a committed message is answered with it even after the sender was muted; new words are refused', async () => {
    const { room, people } = await chatRoom(1);
    const payload = { roomId: room.id, clientId: randomUUID(), body: 'sent before the mute' };
    const first = await request<{ ok: boolean; message: { id: string } }>(people[0]!.socket, 'message:send', payload);
    expect(first.ok).toBe(true);
    await admin.agent.post(`/api/moderation/member/${people[0]!.user.id}/actions`).send({ action: 'mute', reason: 'Cooling off', roomId: room.id, durationMinutes: 30 }).expect(200);
    expect(await request(people[0]!.socket, 'message:send', payload)).toEqual(first);
    expect(await request(people[0]!.socket, 'message:send', { ...payload, clientId: randomUUID() })).toMatchObject({ ok: false, code: 'MUTED' });
  });

  it('reconnect replays exactly the missed messages, in order', async () => {
    const { room, people } = await chatRoom(2);
    const [alice, bob] = people;
    const before = await send(alice!.socket, room.id, 'before the drop');
    bob!.socket.disconnect();
    const missed = [];
    for (let i = 0; i < 5; i += 1) missed.push((await send(alice!.socket, room.id, `while away ${i}`)).message.id);
    const again = await open(bob!.token);
    const rejoin = await request<{ ok: boolean; messages: ChatMessageView[]; truncated: boolean }>(again, 'chat:join', { roomId: room.id, lastMessageId: before.message.id });
    expect(rejoin.ok).toBe(true);
    expect(rejoin.truncated).toBe(false);
    expect(rejoin.messages.map((m) => m.id)).toEqual(missed);
    expect(rejoin.messages.map((m) => m.seq)).toEqual([2, 3, 4, 5, 6]);
  });

  it('edits and deletes own messages; history pages backwards', async () => {
    const { room, people } = await chatRoom(2);
    const [alice, bob] = people;
    const edits = record<ChatMessageView>(bob!.socket, 'message:edited');
    const removals = record<{ messageId: string }>(bob!.socket, 'message:removed');
    const ids = [];
    for (let i = 0; i < 7; i += 1) ids.push((await send(alice!.socket, room.id, `line ${i}`)).message.id);
    expect(await request(alice!.socket, 'message:edit', { messageId: ids[0], body: 'line 0, reworded' })).toMatchObject({ ok: true, message: { body: 'line 0, reworded' } });
    expect(await request(bob!.socket, 'message:edit', { messageId: ids[0], body: 'not mine' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await request(alice!.socket, 'message:delete', { messageId: ids[1] })).toMatchObject({ ok: true });
    await waitFor(() => edits.length === 1 && removals.length === 1, 5_000, 'edit and delete broadcasts');
    const page1 = await request<{ ok: boolean; messages: ChatMessageView[]; hasMore: boolean }>(bob!.socket, 'chat:history', { roomId: room.id, limit: 3 });
    expect(page1.messages.map((m) => m.body)).toEqual(['line 4', 'line 5', 'line 6']);
    expect(page1.hasMore).toBe(true);
    const page2 = await request<{ messages: ChatMessageView[]; hasMore: boolean }>(bob!.socket, 'chat:history', { roomId: room.id, beforeMessageId: page1.messages[0]!.id, limit: 10 });
    expect(page2.messages.map((m) => m.body)).toEqual(['line 0, reworded', 'line 2', 'line 3']);
    expect(page2.hasMore).toBe(false);
    expect(await request(bob!.socket, 'chat:read', { roomId: room.id, messageId: ids[6] })).toMatchObject({ ok: true });
  });
});

describe('paging', () => {
  it('the first join says whether anything older exists; history can page from a sequence number', async () => {
    const { room, people } = await chatRoom(1);
    const [alice] = people;
    const few = await request<{ messages: ChatItem[]; hasMore: boolean }>(await open(alice!.token), 'chat:join', { roomId: room.id });
    expect(few).toMatchObject({ ok: true, messages: [], hasMore: false });
    for (let i = 1; i <= 3; i += 1) await send(alice!.socket, room.id, `line ${i}`);
    const three = await request<{ messages: ChatItem[]; hasMore: boolean }>(await open(alice!.token), 'chat:join', { roomId: room.id });
    expect([three.messages.length, three.hasMore]).toEqual([3, false]);

    await t.query('UPDATE chat_rooms SET last_seq = 60 WHERE room_id = $1', [room.id]);
    await t.query(
      `INSERT INTO chat_messages (room_id, seq, author_id, client_id, body, created_at)
       SELECT $1, g, $2, 'seeded-' || g, 'seeded ' || g, now() - (60 - g) * interval '1 second' FROM generate_series(4, 60) g`,
      [room.id, alice!.user.id],
    );
    const many = await request<{ messages: ChatItem[]; hasMore: boolean }>(await open(alice!.token), 'chat:join', { roomId: room.id });
    expect([many.messages.length, many.messages[0]!.seq, many.hasMore]).toEqual([50, 11, true]);
    const older = await request<{ messages: ChatItem[]; hasMore: boolean }>(alice!.socket, 'chat:history', { roomId: room.id, beforeSeq: 11 });
    expect([older.messages.map((m) => m.seq), older.hasMore]).toEqual([[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], false]);
    expect(await request(alice!.socket, 'chat:history', { roomId: room.id, beforeSeq: 11, beforeMessageId: randomUUID() })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    expect(await request(alice!.socket, 'chat:history', { roomId: room.id, beforeSeq: 0 })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
  });
});

describe('content-warning choice in chat', () => {
  it('a room that asks for a choice refuses a message without one (category or "none apply"), with a clear code', async () => {
    const { room, people } = await chatRoom(2, { requireContentWarning: true });
    const [alice, bob] = people;
    const bobInbox = record<ChatMessageView>(bob!.socket, 'message:new');
    expect(await send(alice!.socket, room.id, 'no choice made')).toMatchObject({ ok: false, code: 'WARNING_REQUIRED', message: expect.stringContaining('content-warning choice') });
    expect(await send(alice!.socket, room.id, 'a note is not a choice', { warning: { categories: [], note: 'hmm' } })).toMatchObject({ ok: false, code: 'WARNING_REQUIRED' });
    expect(await send(alice!.socket, room.id, 'none of them apply', { warning: { categories: [], noneApply: true } })).toMatchObject({ ok: true });
    expect(await send(alice!.socket, room.id, 'a hard one', { warning: { categories: ['violence'] } })).toMatchObject({ ok: true });
    await waitFor(() => bobInbox.length === 2, 5_000, 'bob gets the two accepted messages');
    expect(bobInbox.map((m) => m.body)).toEqual(['none of them apply', 'a hard one']);
    expect(await t.query('SELECT body FROM chat_messages WHERE room_id = $1 ORDER BY seq', [room.id])).toEqual([{ body: 'none of them apply' }, { body: 'a hard one' }]);

    const open = await chatRoom(1);
    expect(await send(open.people[0]!.socket, open.room.id, 'no choice needed here')).toMatchObject({ ok: true });
  });

  it('an edit in such a room cannot drop the choice: an empty one is refused, the stored warning stays', async () => {
    const { room, people } = await chatRoom(1, { requireContentWarning: true });
    const [alice] = people;
    const sent = (await send(alice!.socket, room.id, 'a hard one', { warning: { categories: ['violence'] } })) as { ok: true; message: { id: string } };
    expect(await request(alice!.socket, 'message:edit', { messageId: sent.message.id, body: 'reworded', warning: { categories: [] } })).toMatchObject({ ok: false, code: 'WARNING_REQUIRED' });
    expect(await request(alice!.socket, 'message:edit', { messageId: sent.message.id, body: 'reworded', warning: { categories: [], note: 'a note alone' } })).toMatchObject({ ok: false, code: 'WARNING_REQUIRED' });
    expect(await t.query('SELECT body, content_warnings FROM chat_messages WHERE id = $1', [sent.message.id])).toEqual([{ body: 'a hard one', content_warnings: ['violence'] }]);
    // Leaving the warning out keeps it; an explicit "none apply" is a choice.
    expect(await request(alice!.socket, 'message:edit', { messageId: sent.message.id, body: 'reworded' })).toMatchObject({ ok: true, message: { warning: { categories: ['violence'] } } });
    expect(await request(alice!.socket, 'message:edit', { messageId: sent.message.id, body: 'reworded again', warning: { categories: [], noneApply: true } })).toMatchObject({ ok: true });
  });
});

describe('safety in chat', () => {
  it('`hide` preferences and blocks keep words from live delivery, history and replay; a placeholder keeps only their place', async () => {
    const { room, people } = await chatRoom(3);
    const [alice, bob, carol] = people;
    await carol!.agent.put('/api/me/warning-preferences').send({ violence: 'hide' }).expect(200);
    const bobInbox = record<ChatMessageView>(bob!.socket, 'message:new');
    const carolInbox = record<ChatMessageView>(carol!.socket, 'message:new');
    const carolHidden = record<HiddenChatMessage>(carol!.socket, 'message:hidden');
    const bobHidden = record<HiddenChatMessage>(bob!.socket, 'message:hidden');
    const hard = await send(alice!.socket, room.id, 'a hard memory', { warning: { categories: ['violence'] } });
    await send(alice!.socket, room.id, 'a gentle note');
    await waitFor(() => bobInbox.length === 2 && carolHidden.length === 1, 5_000, 'bob gets both, carol a placeholder');
    await settle();
    expect(carolInbox.map((m) => m.body)).toEqual(['a gentle note']);
    // Only where it sat: no id, author, words or warning.
    expect(carolHidden).toEqual([{ kind: 'hidden', roomId: room.id, seq: hard.message.seq, createdAt: hard.message.createdAt, reason: 'your-settings' }]);
    expect(bobHidden).toEqual([]);
    expect(bobInbox[0]).toMatchObject({ kind: 'message', presentation: 'warn', warning: { categories: ['violence'] } });

    await carol!.agent.post('/api/me/blocks').send({ handle: alice!.handle }).expect(201);
    const typing = record<TypingView>(carol!.socket, 'typing');
    const bobTyping = record<TypingView>(bob!.socket, 'typing');
    expect(await request(alice!.socket, 'typing', { roomId: room.id, typing: true })).toMatchObject({ ok: true });
    const afterBlock = await send(alice!.socket, room.id, 'after the block');
    await waitFor(() => bobInbox.length === 3 && bobTyping.length >= 1 && carolHidden.length === 2, 5_000, 'bob gets the third, carol its place');
    await settle();
    expect(carolInbox.map((m) => m.body)).toEqual(['a gentle note']);
    expect(carolHidden[1]).toEqual({ kind: 'hidden', roomId: room.id, seq: afterBlock.message.seq, createdAt: afterBlock.message.createdAt, reason: 'your-settings' });
    expect(typing).toEqual([]);

    // History and replay say the same, and carry nothing of the words either.
    const history = await request<{ messages: ChatItem[]; hasMore: boolean }>(carol!.socket, 'chat:history', { roomId: room.id });
    expect(history.messages.map((m) => [m.kind, m.seq])).toEqual([['hidden', 1], ['hidden', 2], ['hidden', 3]]);
    expect(JSON.stringify(history)).not.toMatch(/hard memory|gentle note|after the block|violence/);
    expect(JSON.stringify(history)).not.toContain(alice!.user.id);
    expect(JSON.stringify(history)).not.toContain(hard.message.id);
    const replay = await request<{ messages: ChatItem[] }>(await open(carol!.token), 'chat:join', { roomId: room.id, lastMessageId: hard.message.id });
    expect(replay.messages.map((m) => [m.kind, m.seq])).toEqual([['hidden', 2], ['hidden', 3]]);
    // The author always gets their own words back.
    const own = await request<{ messages: ChatItem[] }>(alice!.socket, 'chat:history', { roomId: room.id });
    expect(own.messages.map((m) => m.kind)).toEqual(['message', 'message', 'message']);
  });

  it('an edit that adds a category someone hides turns the message into its placeholder for them', async () => {
    const { room, people } = await chatRoom(2);
    const [alice, carol] = people;
    await carol!.agent.put('/api/me/warning-preferences').send({ 'self-harm': 'hide' }).expect(200);
    const sent = await send(alice!.socket, room.id, 'it was a long night');
    const carolHidden = record<HiddenChatMessage>(carol!.socket, 'message:hidden');
    const carolEdits = record<ChatMessageView>(carol!.socket, 'message:edited');
    expect(await request(alice!.socket, 'message:edit', { messageId: sent.message.id, body: 'it was a long night', warning: { categories: ['self-harm'] } })).toMatchObject({ ok: true });
    await waitFor(() => carolHidden.length === 1, 5_000, 'the placeholder');
    await settle();
    expect(carolHidden[0]).toMatchObject({ kind: 'hidden', seq: sent.message.seq });
    expect(carolEdits).toEqual([]);
  });

  it('presence lists who is here, respecting "hide my presence", and updates on disconnect', async () => {
    const room = await createRoom(admin.agent);
    const visible = await memberSession(t);
    const shy = await memberSession(t);
    await t.query('UPDATE users SET show_presence = false WHERE id = $1', [shy.user.id]);
    for (const m of [visible, shy]) await join(m.agent, room.id).expect(200);
    const a = await open(visible.token);
    await request(a, 'chat:join', { roomId: room.id });
    const updates = record<PresenceView>(a, 'presence');
    const b = await open(shy.token);
    const joined = await request<{ presence: PresenceView }>(b, 'chat:join', { roomId: room.id });
    expect(joined.presence).toEqual({ roomId: room.id, count: 1, members: [{ id: visible.user.id, handle: visible.handle }] });
    const watcher = await memberSession(t);
    await join(watcher.agent, room.id).expect(200);
    const c = await open(watcher.token);
    const seen = await request<{ presence: PresenceView }>(c, 'chat:join', { roomId: room.id });
    expect(seen.presence.count).toBe(2);
    c.disconnect();
    await waitFor(() => updates.at(-1)?.count === 1, 5_000, 'presence after disconnect');
  });

  // Found measuring the reconnect storm: every join told its room again, so 20 members coming
  // back meant 20 lists to each of them. A room is now told at most once per interval, and the
  // last list everyone has (an answer or a telling) is the room as it is.
  it('presence: joins close together share one telling, and everyone ends with the whole list', async () => {
    const room = await createRoom(admin.agent);
    const people = [];
    for (let i = 0; i < 7; i += 1) people.push(await memberSession(t));
    for (const m of people) await join(m.agent, room.id).expect(200);
    const [first, ...rest] = people;
    const watcher = await open(first!.token);
    await request(watcher, 'chat:join', { roomId: room.id });
    const watched = record<PresenceView>(watcher, 'presence');
    const lists = await Promise.all(
      rest.map(async (m) => {
        const socket = await open(m.token);
        const heard = record<PresenceView>(socket, 'presence');
        const joined = await request<{ presence: PresenceView }>(socket, 'chat:join', { roomId: room.id });
        return { joined: joined.presence, heard };
      }),
    );
    const latest = (l: (typeof lists)[number]) => l.heard.at(-1) ?? l.joined;
    await waitFor(() => watched.at(-1)?.count === people.length && lists.every((l) => latest(l).count === people.length), 5_000, 'everyone has the whole list');
    // Six joins within a second or two: told once at once and again as each interval ends, not six times.
    expect(watched.length).toBeLessThanOrEqual(3);
  });

  it('presence respects blocks both ways: neither the blocker nor the blocked person sees the other here; others see both', async () => {
    const room = await createRoom(admin.agent);
    const [blocker, blocked, other] = [await memberSession(t), await memberSession(t), await memberSession(t)];
    for (const m of [blocker, blocked, other]) await join(m.agent, room.id).expect(200);
    await blocker.agent.post('/api/me/blocks').send({ handle: blocked.handle }).expect(201);
    const handles = (p: PresenceView | undefined) => (p?.members ?? []).map((m) => m.handle).sort();

    const b = await open(blocker.token);
    await request(b, 'chat:join', { roomId: room.id });
    const blockerSees = record<PresenceView>(b, 'presence');
    const o = await open(other.token);
    await request(o, 'chat:join', { roomId: room.id });
    const otherSees = record<PresenceView>(o, 'presence');
    const x = await open(blocked.token);
    const blockedSees = record<PresenceView>(x, 'presence');
    const joined = await request<{ presence: PresenceView }>(x, 'chat:join', { roomId: room.id });
    // The answer to the blocked person's own join leaves the blocker out.
    expect(handles(joined.presence)).toEqual([blocked.handle, other.handle].sort());
    await waitFor(() => handles(otherSees.at(-1)).length === 3, 5_000, 'the other member sees all three');
    await waitFor(() => blockerSees.length > 0 && handles(blockerSees.at(-1)).length === 2, 5_000, 'the blocker hears the room');
    expect(handles(blockerSees.at(-1))).toEqual([blocker.handle, other.handle].sort());
    // Whatever the blocked person hears besides their answer (a telling shared with others' joins) leaves the blocker out too.
    expect(blockedSees.flatMap(handles)).not.toContain(blocker.handle);

    // A later change (someone leaves) is told to each of them the same way.
    o.disconnect();
    await waitFor(() => blockedSees.at(-1)?.count === 1 && blockerSees.at(-1)!.count === 1, 5_000, 'presence after the other member left');
    expect(handles(blockedSees.at(-1))).toEqual([blocked.handle]);
    expect(blockedSees.flatMap(handles)).not.toContain(blocker.handle);
    expect(handles(blockerSees.at(-1))).toEqual([blocker.handle]);
  });

  it('presence: a block made while both are here is told at once, each seeing the room without the other; an unblock brings them back', async () => {
    const room = await createRoom(admin.agent);
    const [blocker, blocked] = [await memberSession(t), await memberSession(t)];
    for (const m of [blocker, blocked]) await join(m.agent, room.id).expect(200);
    const handles = (p: PresenceView | undefined) => (p?.members ?? []).map((m) => m.handle).sort();
    const b = await open(blocker.token);
    await request(b, 'chat:join', { roomId: room.id });
    const blockerSees = record<PresenceView>(b, 'presence');
    const x = await open(blocked.token);
    const blockedSees = record<PresenceView>(x, 'presence');
    await request(x, 'chat:join', { roomId: room.id });
    await waitFor(() => handles(blockerSees.at(-1)).length === 2, 5_000, 'the blocker sees both');

    // Nobody joins or leaves after this: only the block itself can tell them.
    await blocker.agent.post('/api/me/blocks').send({ handle: blocked.handle }).expect(201);
    await waitFor(() => handles(blockerSees.at(-1)).length === 1 && handles(blockedSees.at(-1)).length === 1, 5_000, 'both told of the block');
    expect([handles(blockerSees.at(-1)), handles(blockedSees.at(-1))]).toEqual([[blocker.handle], [blocked.handle]]);
    await blocker.agent.delete(`/api/me/blocks/${blocked.user.id}`).expect(204);
    await waitFor(() => handles(blockerSees.at(-1)).length === 2 && handles(blockedSees.at(-1)).length === 2, 5_000, 'both told of the unblock');
  });
});

describe('moderator control', () => {
  it('a moderator removing a message makes it disappear for everyone at once', async () => {
    const { room, people } = await chatRoom(2);
    const [alice, bob] = people;
    const mod = await open(admin.token);
    await request(mod, 'chat:join', { roomId: room.id });
    const removedForBob = record<{ messageId: string }>(bob!.socket, 'message:removed');
    const removedForAlice = record<{ messageId: string }>(alice!.socket, 'message:removed');
    const { message } = await send(alice!.socket, room.id, 'something harmful');
    expect(await request(bob!.socket, 'mod:message:remove', { messageId: message.id, reason: 'harm' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await request(mod, 'mod:message:remove', { messageId: message.id })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    expect(await request(mod, 'mod:message:remove', { messageId: message.id, reason: 'Harassment' })).toMatchObject({ ok: true });
    await waitFor(() => removedForBob.length === 1 && removedForAlice.length === 1, 5_000, 'removal broadcast');
    expect(removedForBob[0]).toEqual({ roomId: room.id, messageId: message.id });
    expect((await request<{ messages: ChatMessageView[] }>(bob!.socket, 'chat:history', { roomId: room.id })).messages).toEqual([]);
    expect((await t.query('SELECT action, reason FROM moderation_log WHERE target_id = $1', [message.id]))[0]).toEqual({ action: 'message.remove', reason: 'Harassment' });
  });

  it('mute, slow mode and lock are enforced with error acks; moderators are exempt', async () => {
    const { room, people } = await chatRoom(2);
    const [alice, bob] = people;
    const mod = await open(admin.token);
    await request(mod, 'chat:join', { roomId: room.id });
    const states = record<{ slowModeSeconds: number; locked: boolean; pinnedNotice: string | null }>(bob!.socket, 'room:state');

    const muted = await request<{ ok: boolean; until: string }>(mod, 'mod:mute', { roomId: room.id, userId: alice!.user.id, minutes: 10, reason: 'Cooling off' });
    expect(muted.ok).toBe(true);
    const refused = await send(alice!.socket, room.id, 'let me speak');
    expect(refused).toMatchObject({ ok: false, code: 'MUTED', retryAt: muted.until });
    expect(refused.message).toMatch(/muted/i);

    expect(await request(mod, 'mod:slow-mode', { roomId: room.id, seconds: 30 })).toMatchObject({ ok: true, state: { slowModeSeconds: 30 } });
    expect((await send(bob!.socket, room.id, 'first')).ok).toBe(true);
    const slow = await send(bob!.socket, room.id, 'second');
    expect(slow).toMatchObject({ ok: false, code: 'SLOW_MODE', retryAt: expect.any(String) });
    expect((await send(mod, room.id, 'moderators are exempt')).ok).toBe(true);
    expect((await send(mod, room.id, 'still exempt')).ok).toBe(true);

    expect(await request(mod, 'mod:slow-mode', { roomId: room.id, seconds: 0 })).toMatchObject({ ok: true });
    expect(await request(mod, 'mod:lock', { roomId: room.id, locked: true, reason: 'Taking a pause together' })).toMatchObject({ ok: true, state: { locked: true } });
    expect(await send(bob!.socket, room.id, 'locked?')).toMatchObject({ ok: false, code: 'CHAT_LOCKED' });
    expect((await send(mod, room.id, 'We are pausing for ten minutes.')).ok).toBe(true);
    expect(await request(mod, 'mod:notice', { roomId: room.id, text: 'Please use content warnings.' })).toMatchObject({ ok: true, state: { pinnedNotice: 'Please use content warnings.' } });
    await waitFor(() => states.some((s) => s.pinnedNotice === 'Please use content warnings.'), 5_000, 'notice broadcast');
    expect(await request(bob!.socket, 'mod:lock', { roomId: room.id, locked: false, reason: 'I want to talk' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await request(bob!.socket, 'mod:mute', { roomId: room.id, userId: alice!.user.id, minutes: 5, reason: 'nope' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // REST posting honours the same mute.
    const threadRes = await alice!.agent.post(`/api/rooms/${room.id}/threads`).send({ title: 'hi', body: 'hi' });
    expect(threadRes.status).toBe(403);
    expect(threadRes.body.code).toBe('MUTED');
  });
});

describe('malformed payloads', () => {
  const events = [
    'chat:join',
    'chat:leave',
    'message:send',
    'message:edit',
    'message:delete',
    'typing',
    'chat:history',
    'chat:read',
    'mod:message:remove',
    'mod:mute',
    'mod:slow-mode',
    'mod:lock',
    'mod:notice',
  ];
  const payloads: unknown[] = [
    null,
    42,
    'text',
    [],
    {},
    { roomId: 'not-a-uuid' },
    { roomId: randomUUID(), clientId: 'x'.repeat(65), body: 'x' },
    { roomId: randomUUID(), clientId: randomUUID(), body: 'y'.repeat(2_001) },
    { roomId: randomUUID(), clientId: randomUUID(), body: 'hi', extra: true },
    { roomId: randomUUID(), messageId: randomUUID(), typing: 'yes', limit: -1, seconds: 1e9, minutes: 'ten', locked: 'no', text: 5 },
    { messageId: { $ne: null }, roomId: ['a'] },
    { roomId: '\u202e\u200b\u0000', body: '\ud800' },
  ];

  it('every event answers every malformed payload with an error ack, and the server stays up', async () => {
    const member = await memberSession(t);
    const socket = await open(member.token);
    let count = 0;
    for (const event of events) {
      for (const payload of payloads) {
        const ack = await request<{ ok: boolean; code: string; message: string }>(socket, event, payload);
        expect(ack.ok).toBe(false);
        expect(typeof ack.code).toBe('string');
        expect(typeof ack.message).toBe('string');
        expect(ack.code).not.toBe('INTERNAL');
        count += 1;
      }
    }
    expect(count).toBe(events.length * payloads.length);
    expect(socket.connected).toBe(true);
    await t.http.get('/api/health').expect(200);
  });

  it('a flood of events is rate limited per socket, with error acks', async () => {
    const member = await memberSession(t);
    const socket = await open(member.token);
    const acks = await Promise.all(Array.from({ length: 1_300 }, () => request<{ ok: boolean; code?: string }>(socket, 'typing', { roomId: randomUUID(), typing: true })));
    expect(acks.some((a) => a.code === 'RATE_LIMITED')).toBe(true);
    expect(acks.every((a) => a.ok === false)).toBe(true);
  });
});
