import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import type { ChatMessageView } from '@kindred/contracts';
import { createRoom, join } from '../support/forum.js';
import { memberSession, realtimeTestBed, record, request, settle, waitFor } from '../support/realtime.js';

/**
 * A committed message is always delivered, even when the audience lookup (who must not see it)
 * fails after the insert committed.
 *
 * The fault is real and in the database: `blocks` is swapped for a view over the real table
 * with a one-time filter that raises for the first N lookups (`fail_until`), counted by a
 * sequence. The insert never reads `blocks`, so it commits; only the audience lookup fails.
 */

const bed = realtimeTestBed(async (t) => {
  await t.query('CREATE SEQUENCE test_audience_faults');
  await t.query('CREATE TABLE test_audience_fault_plan (fail_until int NOT NULL)');
  await t.query('INSERT INTO test_audience_fault_plan VALUES (0)');
  // STABLE without arguments: the planner evaluates it once per query (a one-time filter),
  // whether or not `blocks` has rows.
  await t.query(`CREATE FUNCTION test_audience_fault() RETURNS boolean LANGUAGE plpgsql STABLE AS $$
    BEGIN
      IF nextval('test_audience_faults') <= (SELECT fail_until FROM test_audience_fault_plan) THEN
        RAISE EXCEPTION 'injected audience lookup failure';
      END IF;
      RETURN true;
    END $$`);
  await t.query('ALTER TABLE blocks RENAME TO test_blocks_real');
  await t.query('CREATE VIEW blocks AS SELECT * FROM test_blocks_real WHERE test_audience_fault()');
});

/** The next `failures` audience lookups fail. */
async function failAudienceLookups(failures: number): Promise<void> {
  await bed.t.query('ALTER SEQUENCE test_audience_faults RESTART');
  await bed.t.query('UPDATE test_audience_fault_plan SET fail_until = $1', [failures]);
}

async function chatPair() {
  const room = await createRoom(bed.admin.agent);
  const people = [];
  for (let i = 0; i < 2; i += 1) {
    const member = await memberSession(bed.t);
    await join(member.agent, room.id).expect(200);
    const socket = await bed.open(member.token);
    expect(await request(socket, 'chat:join', { roomId: room.id })).toMatchObject({ ok: true });
    people.push({ ...member, socket });
  }
  return { room, alice: people[0]!, bob: people[1]! };
}

type SendAck = { ok: boolean; message?: ChatMessageView; code?: string };

describe('delivery after commit', () => {
  it('a failed audience lookup after the commit is asked again: the sender gets its ack and the others the message', async () => {
    const { room, alice, bob } = await chatPair();
    const bobInbox = record<ChatMessageView>(bob.socket, 'message:new');
    await failAudienceLookups(1);
    const ack = await request<SendAck>(alice.socket, 'message:send', { roomId: room.id, clientId: randomUUID(), body: 'still here after a blip' });
    expect(ack).toMatchObject({ ok: true, message: { body: 'still here after a blip', seq: 1 } });
    // The fault did fire: the lookup was asked more than once.
    expect((await bed.t.query<{ n: string }>('SELECT last_value AS n FROM test_audience_faults'))[0]!.n).toBe('2');
    await waitFor(() => bobInbox.length === 1, 5_000, 'delivery to bob');
    expect(bobInbox[0]).toMatchObject({ id: ack.message!.id, seq: 1 });
  });

  it('when the lookup keeps failing the sender gets an error, and its resend delivers the committed message once', async () => {
    const { room, alice, bob } = await chatPair();
    const bobInbox = record<ChatMessageView>(bob.socket, 'message:new');
    const payload = { roomId: room.id, clientId: randomUUID(), body: 'sent during an outage' };
    // The early lookup and every ask after the commit fail.
    await failAudienceLookups(4);
    const failed = await request<SendAck>(alice.socket, 'message:send', payload);
    expect(failed.ok).toBe(false);
    // It committed all the same, and nobody heard of it yet.
    const rows = await bed.t.query<{ id: string; seq: number }>('SELECT id, seq FROM chat_messages WHERE client_id = $1', [payload.clientId]);
    expect(rows).toHaveLength(1);
    await settle();
    expect(bobInbox).toHaveLength(0);

    await failAudienceLookups(0);
    const resent = await request<SendAck>(alice.socket, 'message:send', payload);
    expect(resent).toMatchObject({ ok: true, message: { id: rows[0]!.id, seq: 1, body: 'sent during an outage' } });
    await waitFor(() => bobInbox.length === 1, 5_000, 'delivery by the resend');
    expect(bobInbox[0]).toMatchObject({ id: rows[0]!.id, seq: 1 });
    // No second row, no new seq: the resend answered with what was saved.
    expect(await bed.t.query('SELECT id, seq FROM chat_messages WHERE room_id = $1', [room.id])).toEqual(rows);
  });

  it('a resend of a message removed since is not delivered again', async () => {
    const { room, alice, bob } = await chatPair();
    const payload = { roomId: room.id, clientId: randomUUID(), body: 'said and taken back' };
    const sent = await request<SendAck>(alice.socket, 'message:send', payload);
    expect(sent.ok).toBe(true);
    expect(await request(alice.socket, 'message:delete', { messageId: sent.message!.id })).toMatchObject({ ok: true });
    const bobInbox = record<ChatMessageView>(bob.socket, 'message:new');
    expect(await request<SendAck>(alice.socket, 'message:send', payload)).toMatchObject({ ok: false });
    await settle();
    expect(bobInbox).toHaveLength(0);
  });
});
