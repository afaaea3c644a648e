/**
 * Cached access decisions across two instances (one PostgreSQL, one Redis): a change made
 * through instance one applies to the very next event on instance two. Each test first makes
 * instance two answer (so its caches hold the old facts), then changes something through
 * instance one, waits only for the announcement to reach instance two, and asks again.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChatItem, HistoryResult } from '@kindred/contracts';
import { DomainEvents, type CarriedEvent } from '../../apps/api/src/common/events/domain-events.js';
import { EventRelay } from '../../apps/api/src/common/events/event-relay.js';
import { createRoom, join, memberWithRole } from '../support/forum.js';
import { connectedChat, memberSession, record, request, startListeningApp, waitFor, type ChatClient, type ListeningApp } from '../support/realtime.js';
import { redisAvailable, testRedis, type TestRedis } from '../support/redis-server.js';

let redis: TestRedis | undefined;
let one: ListeningApp;
let two: ListeningApp;
let admin: Awaited<ReturnType<typeof memberWithRole>>;
const sockets: ChatClient[] = [];

beforeAll(async () => {
  redis = await testRedis();
  if (!redis) return;
  one = await startListeningApp({ REDIS_URL: redis.url });
  two = await startListeningApp({ REDIS_URL: redis.url }, one.db.url);
  admin = await memberWithRole(one, 'admin');
  await waitFor(() => one.get(EventRelay).linked && two.get(EventRelay).linked, 10_000, 'both instances subscribed');
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await two?.close();
  await one?.close();
  await redis?.stop();
});

/** Resolves when instance `app` has heard the next `name` (its caches' listeners run first). */
function heardOn(app: ListeningApp, name: CarriedEvent): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    app.get(DomainEvents).on(name, () => {
      if (!done) resolve();
      done = true;
    });
  });
}

/** Does it through instance one; returns once instance two has heard about it. */
async function onOneHeardOnTwo(name: CarriedEvent, change: () => PromiseLike<unknown>): Promise<void> {
  const heard = heardOn(two, name);
  await change();
  await heard;
}

interface SendAck {
  ok: boolean;
  code?: string;
}

async function memberInRoomOnTwo(roomId: string, prefix: string) {
  const member = await memberSession(one, prefix);
  await join(member.agent, roomId).expect(200);
  const socket = await connectedChat(two.baseUrl, member.token);
  sockets.push(socket);
  expect(await request(socket, 'chat:join', { roomId })).toMatchObject({ ok: true });
  const send = (body = `words ${randomUUID()}`, extra: Record<string, unknown> = {}) =>
    request<SendAck>(socket, 'message:send', { roomId, clientId: randomUUID(), body, ...extra });
  return { ...member, socket, send };
}

const scaleOut = () => (redisAvailable() ? it : it.skip);

describe('access decisions cached per instance, invalidated on every instance', () => {
  scaleOut()('a mute made on one instance refuses the next send on the other', async () => {
    const room = await createRoom(admin.agent);
    const member = await memberInRoomOnTwo(room.id, 'mutee');
    expect((await member.send()).ok).toBe(true);

    await onOneHeardOnTwo('member.sanctioned', () =>
      admin.agent.post(`/api/moderation/member/${member.user.id}/actions`).send({ action: 'mute', reason: 'Cooling off', roomId: room.id, durationMinutes: 30 }).expect(200),
    );
    expect(await member.send()).toMatchObject({ ok: false, code: 'MUTED' });
  });

  scaleOut()('a site-wide suspension, and a ban, reach the other instance at once', async () => {
    const room = await createRoom(admin.agent);
    const member = await memberInRoomOnTwo(room.id, 'suspended');
    expect((await member.send()).ok).toBe(true);
    await onOneHeardOnTwo('member.sanctioned', () =>
      admin.agent.post(`/api/moderation/member/${member.user.id}/actions`).send({ action: 'suspend', reason: 'Repeated harassment', durationMinutes: 60 }).expect(200),
    );
    expect(await member.send()).toMatchObject({ ok: false, code: 'MUTED' });

    const banned = await memberInRoomOnTwo(room.id, 'banned');
    expect((await banned.send()).ok).toBe(true);
    const closed = new Promise<void>((resolve) => banned.socket.once('disconnect', () => resolve()));
    await onOneHeardOnTwo('member.sanctioned', () =>
      admin.agent.post(`/api/moderation/member/${banned.user.id}/actions`).send({ action: 'ban', reason: 'Threats' }).expect(200),
    );
    // The ban also ends every session: the socket on instance two is closed, and a new one is refused.
    await closed;
    await expect(connectedChat(two.baseUrl, banned.token)).rejects.toThrow();
  });

  scaleOut()('leaving a room on one instance refuses the next send on the other', async () => {
    const room = await createRoom(admin.agent);
    const member = await memberInRoomOnTwo(room.id, 'leaver');
    expect((await member.send()).ok).toBe(true);
    await onOneHeardOnTwo('membership.changed', () => member.agent.post(`/api/rooms/${room.id}/leave`).expect(204));
    expect(await member.send()).toMatchObject({ ok: false, code: 'NOT_A_MEMBER' });
  });

  scaleOut()('a hidden room left on one instance cannot be read on the other', async () => {
    const room = await createRoom(admin.agent, { visibility: 'hidden', joinPolicy: 'request' });
    const member = await memberSession(one, 'hiddenleaver');
    await one.query(`INSERT INTO room_memberships (room_id, user_id, role, joined_at, guidelines_accepted_at) VALUES ($1, $2, 'member', now(), now())`, [room.id, member.user.id]);
    const socket = await connectedChat(two.baseUrl, member.token);
    sockets.push(socket);
    expect(await request(socket, 'chat:history', { roomId: room.id })).toMatchObject({ ok: true });
    await onOneHeardOnTwo('membership.changed', () => member.agent.post(`/api/rooms/${room.id}/leave`).expect(204));
    expect(await request(socket, 'chat:history', { roomId: room.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  scaleOut()('a room made to require warnings on one instance applies to the next send on the other', async () => {
    const room = await createRoom(admin.agent);
    const member = await memberInRoomOnTwo(room.id, 'warnings');
    expect((await member.send()).ok).toBe(true);
    await onOneHeardOnTwo('room.updated', () => admin.agent.patch(`/api/rooms/${room.id}`).send({ requireContentWarning: true }).expect(200));
    expect(await member.send()).toMatchObject({ ok: false, code: 'WARNING_REQUIRED' });
  });

  scaleOut()('a block or a hidden category chosen on one instance applies to the next read on the other', async () => {
    const room = await createRoom(admin.agent);
    const reader = await memberInRoomOnTwo(room.id, 'blocker');
    const writer = await memberInRoomOnTwo(room.id, 'blocked');
    const plain = `plain ${randomUUID()}`;
    const warned = `warned ${randomUUID()}`;
    expect((await writer.send(plain)).ok).toBe(true);
    expect((await reader.send(warned, { warning: { categories: ['death-grief'] } })).ok).toBe(true);
    const bodies = async () => {
      const history = await request<{ ok: true } & HistoryResult>(reader.socket, 'chat:history', { roomId: room.id });
      return history.messages.map((m: ChatItem) => ('body' in m ? m.body : 'hidden'));
    };
    expect(await bodies()).toEqual([plain, warned]);

    await onOneHeardOnTwo('block.changed', () => reader.agent.post('/api/me/blocks').send({ handle: writer.handle }).expect(201));
    expect(await bodies()).toEqual(['hidden', warned]);
    await onOneHeardOnTwo('block.changed', () => reader.agent.delete(`/api/me/blocks/${writer.user.id}`).expect(204));
    expect(await bodies()).toEqual([plain, warned]);

    // The writer's view: hiding a category they read on instance two takes effect there at once.
    const writerBodies = async () => {
      const history = await request<{ ok: true } & HistoryResult>(writer.socket, 'chat:history', { roomId: room.id });
      return history.messages.map((m: ChatItem) => ('body' in m ? m.body : 'hidden'));
    };
    expect(await writerBodies()).toEqual([plain, warned]);
    await onOneHeardOnTwo('preferences.changed', () => writer.agent.put('/api/me/warning-preferences').send({ 'death-grief': 'hide' }).expect(200));
    expect(await writerBodies()).toEqual([plain, 'hidden']);
  });

  // Who blocked a writer, and who hides a category, are kept per instance for every live message
  // (SafetyService.excludedAudience): the next message after a change must already leave them out.
  scaleOut()('a block or a hidden category chosen on one instance leaves the reader out of the next live message on the other', async () => {
    const room = await createRoom(admin.agent);
    const reader = await memberInRoomOnTwo(room.id, 'liveblocker');
    const writer = await memberInRoomOnTwo(room.id, 'liveblocked');
    const shown = record<{ seq: number; body: string }>(reader.socket, 'message:new');
    // A placeholder keeps only the message's place (its seq), never its words or id.
    const hidden = record<{ seq: number }>(reader.socket, 'message:hidden');
    /** What the reader got live of the writer's next message: its words, or only its place. */
    const nextAsRead = async (extra: Record<string, unknown> = {}) => {
      const body = `live ${randomUUID()}`;
      const ack = await request<SendAck & { message: { seq: number } }>(writer.socket, 'message:send', { roomId: room.id, clientId: randomUUID(), body, ...extra });
      expect(ack.ok).toBe(true);
      const { seq } = ack.message;
      await waitFor(() => shown.some((m) => m.seq === seq) || hidden.some((m) => m.seq === seq), 5_000, 'the reader told of the message');
      return shown.some((m) => m.seq === seq && m.body === body) ? 'words' : 'hidden';
    };
    const griefWarning = { warning: { categories: ['death-grief'] } };
    expect(await nextAsRead()).toBe('words');
    expect(await nextAsRead(griefWarning)).toBe('words');

    await onOneHeardOnTwo('block.changed', () => reader.agent.post('/api/me/blocks').send({ handle: writer.handle }).expect(201));
    expect(await nextAsRead()).toBe('hidden');
    await onOneHeardOnTwo('block.changed', () => reader.agent.delete(`/api/me/blocks/${writer.user.id}`).expect(204));
    expect(await nextAsRead()).toBe('words');

    await onOneHeardOnTwo('preferences.changed', () => reader.agent.put('/api/me/warning-preferences').send({ 'death-grief': 'hide' }).expect(200));
    expect(await nextAsRead(griefWarning)).toBe('hidden');
    expect(await nextAsRead()).toBe('words');
  });

  scaleOut()('a personal filter added or removed on one instance applies to the next read on the other', async () => {
    const room = await createRoom(admin.agent);
    const reader = await memberInRoomOnTwo(room.id, 'filterer');
    const writer = await memberInRoomOnTwo(room.id, 'filtered');
    const words = `On Wrenfield Street ${randomUUID()}`;
    expect((await writer.send(words)).ok).toBe(true);
    const bodies = async () => {
      const history = await request<{ ok: true } & HistoryResult>(reader.socket, 'chat:history', { roomId: room.id });
      return history.messages.map((m: ChatItem) => ('body' in m ? m.body : 'hidden'));
    };
    expect(await bodies()).toEqual([words]);
    let filterId = '';
    await onOneHeardOnTwo('preferences.changed', async () => {
      filterId = (await reader.agent.post('/api/me/filters').send({ phrase: 'wrenfield street', mode: 'hide' }).expect(201)).body.id;
    });
    expect(await bodies()).toEqual(['hidden']);
    await onOneHeardOnTwo('preferences.changed', () => reader.agent.delete(`/api/me/filters/${filterId}`).expect(204));
    expect(await bodies()).toEqual([words]);
  });

  scaleOut()('a global moderator demoted on one instance can no longer moderate through a socket on the other', async () => {
    const room = await createRoom(admin.agent);
    const moderator = await memberSession(one, 'demoted');
    await one.query(`UPDATE users SET role = 'moderator' WHERE id = $1`, [moderator.user.id]);
    const socket = await connectedChat(two.baseUrl, moderator.token);
    sockets.push(socket);
    expect(await request(socket, 'mod:slow-mode', { roomId: room.id, seconds: 10 })).toMatchObject({ ok: true });
    await onOneHeardOnTwo('role.changed', () => admin.agent.patch(`/api/admin/users/${moderator.user.id}/role`).send({ role: 'member', reason: 'Stepping back' }).expect(200));
    expect(await request(socket, 'mod:slow-mode', { roomId: room.id, seconds: 0 })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});
