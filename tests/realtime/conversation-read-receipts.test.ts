import { describe, expect, it } from '@jest/globals';
import type { ConversationView } from '@kindred/contracts';
import { expectApiError } from '../support/error-shape.js';
import type { Agent } from '../support/forum.js';
import { record, settle, waitFor } from '../support/realtime.js';
import { conversationBed, type Session } from '../support/conversations.js';

const bed = conversationBed('seen');
const { openJoined, conversation, send } = bed;

/** A roommate who may have turned read receipts on or off. */
async function roommate(readReceipts?: boolean): Promise<Session> {
  const m = await bed.roommate();
  if (readReceipts !== undefined) await m.agent.patch('/api/me/settings').send({ readReceipts }).expect(200);
  return m;
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
