import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import type { ChatMessageView } from '@kindred/contracts';
import pg from 'pg';
import { ChatSendQueue } from '../../apps/api/src/chat/chat-send-queue.js';
import { createRoom, join } from '../support/forum.js';
import { memberSession, realtimeTestBed, record, request, settle, waitFor, type ChatClient } from '../support/realtime.js';

/**
 * Group commit per chat room: sends that arrive while the room's previous send is committing go
 * to the database together. To hold a send "committing", the test takes the room row's lock in
 * its own transaction: the first send then waits on it in PostgreSQL, and what arrives meanwhile
 * queues in the server. Releasing the lock lets the queue through.
 */

const bed = realtimeTestBed();

type SendAck = { ok: boolean; message?: ChatMessageView; code?: string };

async function chatRoomOf(size: number) {
  const room = await createRoom(bed.admin.agent);
  const sockets: ChatClient[] = [];
  for (let i = 0; i < size; i += 1) {
    const member = await memberSession(bed.t);
    await join(member.agent, room.id).expect(200);
    const socket = await bed.open(member.token);
    // Joining creates the room's chat row, whose lock the test takes.
    expect(await request(socket, 'chat:join', { roomId: room.id })).toMatchObject({ ok: true });
    sockets.push(socket);
  }
  return { room, sockets };
}

/** Holds the room row's lock until `release`, the way a committing send holds it. */
async function holdRoomLock(roomId: string) {
  const client = new pg.Client({ connectionString: bed.t.config.databaseUrl });
  await client.connect();
  await client.query('BEGIN');
  await client.query('SELECT 1 FROM chat_rooms WHERE room_id = $1 FOR UPDATE', [roomId]);
  return {
    /**
     * Backends waiting for this lock: one per statement sent to the database. (Asked outside
     * the holding transaction, which would see one snapshot of pg_stat_activity throughout.)
     */
    waiting: async () =>
      (
        await bed.t.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity
           WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%chat_rooms%'`,
        )
      )[0]!.n,
    release: async () => {
      await client.query('COMMIT');
      await client.end();
    },
  };
}

const send = (socket: ChatClient, roomId: string, body: string, clientId: string = randomUUID(), extra: Record<string, unknown> = {}) =>
  request<SendAck>(socket, 'message:send', { roomId, clientId, body, ...extra }, 10_000);

/** Waits until `count` sends to the room queue behind the one being committed. */
async function queuedBehind(roomId: string, count: number): Promise<void> {
  const queue = bed.t.get(ChatSendQueue);
  await waitFor(() => queue.waitingFor(roomId) === count, 10_000, `${count} sends queued`);
}

/** Starts a send that will wait on the held lock, and waits until it does (the ack is wrapped: an async function would wait for it too). */
async function sendInFlight(lock: Awaited<ReturnType<typeof holdRoomLock>>, socket: ChatClient, roomId: string): Promise<{ ack: Promise<SendAck> }> {
  const inFlight = send(socket, roomId, 'the send being committed');
  for (let i = 0; (await lock.waiting()) === 0; i += 1) {
    if (i > 200) throw new Error('the first send never reached the room lock');
    await settle(20);
  }
  return { ack: inFlight };
}

describe('group commit per chat room', () => {
  it('sends queued behind a committing one go in as one statement, with consecutive seqs, each acknowledged and delivered', async () => {
    const { room, sockets } = await chatRoomOf(4);
    const [first, ...others] = sockets as [ChatClient, ...ChatClient[]];
    const inbox = record<ChatMessageView>(first, 'message:new');
    const lock = await holdRoomLock(room.id);
    const { ack: inFlight } = await sendInFlight(lock, first, room.id);
    // One of them carries a warning with a note: the batch keeps each message's own.
    const warning = { categories: ['death-grief'], note: 'a loss' };
    const queued = others.map((socket, i) => send(socket, room.id, `queued ${i}`, randomUUID(), i === 1 ? { warning } : {}));
    await queuedBehind(room.id, 3);
    // Only the first send is at the database; the others wait in the server.
    expect(await lock.waiting()).toBe(1);
    await lock.release();
    const acks = await Promise.all([inFlight, ...queued]);
    for (const ack of acks) expect(ack.ok).toBe(true);
    expect(acks.map((a) => a.message!.warning)).toEqual([
      { categories: [], note: null },
      { categories: [], note: null },
      warning,
      { categories: [], note: null },
    ]);
    expect(acks[0]!.message!.seq).toBe(1);
    expect(acks.slice(1).map((a) => a.message!.seq).sort()).toEqual([2, 3, 4]);

    // One statement, one transaction: the queued rows share their inserting transaction id.
    const rows = await bed.t.query<{ seq: string; xmin: string; body: string }>('SELECT seq, xmin::text, body FROM chat_messages WHERE room_id = $1 ORDER BY seq', [
      room.id,
    ]);
    expect(rows.map((r) => r.seq)).toEqual(['1', '2', '3', '4']);
    expect(new Set(rows.slice(1).map((r) => r.xmin)).size).toBe(1);
    expect(rows[0]!.xmin).not.toBe(rows[1]!.xmin);
    // Every acknowledged message is delivered, and its ack carries the saved row.
    for (const ack of acks) expect(rows.find((r) => r.seq === String(ack.message!.seq))!.body).toBe(ack.message!.body);
    await waitFor(() => inbox.length === 4, 5_000, 'all four delivered');
    expect(inbox.map((m) => m.seq).sort()).toEqual([1, 2, 3, 4]);
  });

  it('a batch with one invalid message commits the others and refuses that one', async () => {
    const { room, sockets } = await chatRoomOf(4);
    const [first, bob, carol, dave] = sockets as [ChatClient, ChatClient, ChatClient, ChatClient];
    const inbox = record<ChatMessageView>(first, 'message:new');
    const lock = await holdRoomLock(room.id);
    const { ack: inFlight } = await sendInFlight(lock, first, room.id);
    // Carol uses one client id for two different messages: whichever reaches the queue second
    // is invalid (a client id names one message), and it is in the same batch as the first.
    const reused = randomUUID();
    const queued = [
      send(bob, room.id, 'from bob'),
      send(carol, room.id, 'from carol, once', reused),
      send(carol, room.id, 'from carol, other words', reused),
      send(dave, room.id, 'from dave'),
    ];
    await queuedBehind(room.id, 4);
    expect(await lock.waiting()).toBe(1);
    await lock.release();

    const [firstAck, bobAck, carolOne, carolTwo, daveAck] = await Promise.all([inFlight, ...queued]);
    expect(firstAck).toMatchObject({ ok: true, message: { seq: 1 } });
    expect(bobAck).toMatchObject({ ok: true, message: { body: 'from bob' } });
    expect(daveAck).toMatchObject({ ok: true, message: { body: 'from dave' } });
    const carols = [carolOne!, carolTwo!];
    const [accepted, refused] = carols[0]!.ok ? carols : [carols[1]!, carols[0]!];
    expect(accepted).toMatchObject({ ok: true });
    expect(refused).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', message: expect.stringMatching(/client id/) });

    // The three valid ones committed with consecutive seqs after the first; the refused one left no row and no gap.
    const rows = await bed.t.query<{ seq: string; body: string }>('SELECT seq, body FROM chat_messages WHERE room_id = $1 ORDER BY seq', [room.id]);
    expect(rows.map((r) => r.seq)).toEqual(['1', '2', '3', '4']);
    expect(rows.map((r) => r.body).sort()).toEqual(['from bob', 'from dave', accepted!.message!.body, 'the send being committed'].sort());
    await waitFor(() => inbox.length === 4, 5_000, 'the four valid messages delivered');
    await settle();
    expect(inbox.map((m) => m.seq).sort()).toEqual([1, 2, 3, 4]);
  });

  // No look-up by client id before a send (ChatMessagesService.resentOr): a retry of a committed
  // message reaches the batch, fails it on the unique key, and is answered from the one-by-one retry.
  it('a retry of a committed message inside a batch is answered with that message; the others commit with no gap', async () => {
    const { room, sockets } = await chatRoomOf(4);
    const [first, bob, carol, dave] = sockets as [ChatClient, ChatClient, ChatClient, ChatClient];
    const clientId = randomUUID();
    const original = await send(carol, room.id, 'from carol, ack lost', clientId);
    expect(original).toMatchObject({ ok: true, message: { seq: 1 } });
    const lock = await holdRoomLock(room.id);
    const { ack: inFlight } = await sendInFlight(lock, first, room.id);
    const queued = [send(bob, room.id, 'from bob'), send(carol, room.id, 'from carol, ack lost', clientId), send(dave, room.id, 'from dave')];
    await queuedBehind(room.id, 3);
    await lock.release();

    const [firstAck, bobAck, retryAck, daveAck] = await Promise.all([inFlight, ...queued]);
    expect(retryAck).toEqual(original);
    for (const ack of [firstAck, bobAck, daveAck]) expect(ack).toMatchObject({ ok: true });
    const rows = await bed.t.query<{ seq: string; body: string }>('SELECT seq, body FROM chat_messages WHERE room_id = $1 ORDER BY seq', [room.id]);
    expect(rows.map((r) => r.seq)).toEqual(['1', '2', '3', '4']);
    expect(rows.filter((r) => r.body === 'from carol, ack lost')).toHaveLength(1);
  });

  it('in a locked chat a batch admits the moderator and sends the member to the rules, which refuse', async () => {
    const { room, sockets } = await chatRoomOf(1);
    const member = sockets[0]!;
    const mod = await bed.open(bed.admin.token);
    expect(await request(mod, 'chat:join', { roomId: room.id })).toMatchObject({ ok: true });
    expect(await request(mod, 'mod:lock', { roomId: room.id, locked: true, reason: 'Taking a pause together' })).toMatchObject({ ok: true });
    const lock = await holdRoomLock(room.id);
    const { ack: inFlight } = await sendInFlight(lock, mod, room.id);
    const queued = [send(member, room.id, 'while it is locked'), send(mod, room.id, 'a note from the moderator')];
    await queuedBehind(room.id, 2);
    expect(await lock.waiting()).toBe(1);
    await lock.release();

    const [modFirst, memberAck, modSecond] = await Promise.all([inFlight, ...queued]);
    expect(memberAck).toMatchObject({ ok: false, code: 'CHAT_LOCKED' });
    expect(modFirst).toMatchObject({ ok: true, message: { seq: 1 } });
    expect(modSecond).toMatchObject({ ok: true, message: { seq: 2, body: 'a note from the moderator' } });
    expect(await bed.t.query('SELECT seq::int, body FROM chat_messages WHERE room_id = $1 ORDER BY seq', [room.id])).toEqual([
      { seq: 1, body: 'the send being committed' },
      { seq: 2, body: 'a note from the moderator' },
    ]);
    expect(await bed.t.query('SELECT last_seq::int FROM chat_rooms WHERE room_id = $1', [room.id])).toEqual([{ last_seq: 2 }]);
  });
});
