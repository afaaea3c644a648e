import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { ChatItem, ChatMessageView, ConversationMessagesPage, ConversationView } from '@kindred/contracts';
import { expectApiError } from '../support/error-shape.js';
import type { Agent } from '../support/forum.js';
import { memberSession, record, request, waitFor } from '../support/realtime.js';
import { conversationBed, type Session } from '../support/conversations.js';

const bed = conversationBed('pm');
const { roommate, openJoined } = bed;
let moderator: Session;

beforeAll(async () => {
  moderator = await memberSession(bed.t, 'mod');
  await bed.t.query(`UPDATE users SET role = 'moderator' WHERE id = $1`, [moderator.user.id]);
});

const bodies = (items: ChatItem[]) => items.map((i) => (i.kind === 'message' ? i.body : '(hidden)'));
const messagesOf = async (agent: Agent, id: string) => ((await agent.get(`/api/conversations/${id}/messages`).expect(200)).body as ConversationMessagesPage).items;
const act = (agent: Agent, messageId: string, body: Record<string, unknown>) => agent.post(`/api/moderation/message/${messageId}/actions`).send(body);

describe('moderators act on a reported private message through its report', () => {
  it('removes it for everyone in the conversation with a reason, logs it, and tells the author; only once reported, only staff', async () => {
    const a = await roommate();
    const b = await roommate();
    const res = await a.agent.post('/api/conversations').send({ participantIds: [b.user.id], body: 'Hello.', clientId: randomUUID() }).expect(201);
    const id = (res.body as ConversationView).id;
    await b.agent.post(`/api/conversations/${id}/accept`).expect(200);
    const sa = await openJoined(a, id);
    const ack = await request<{ ok: true; message: ChatMessageView }>(sa, 'conversation:send', { conversationId: id, clientId: randomUUID(), body: 'Something cruel.' });
    const cruel = ack.message;

    // Before any report it does not exist for moderators; members and room moderators cannot act at all.
    expectApiError(await act(moderator.agent, cruel.id, { action: 'remove', reason: 'Harassment.' }), 404, 'NOT_FOUND');
    expectApiError(await act(b.agent, cruel.id, { action: 'remove', reason: 'Harassment.' }), 403);

    await b.agent.post('/api/reports').send({ targetType: 'message', targetId: cruel.id, category: 'harassment' }).expect(201);
    const [item] = await bed.t.query<{ id: string }>(`SELECT id FROM queue_items WHERE target_id = $1 AND kind = 'report'`, [cruel.id]);
    expectApiError(await act(b.agent, cruel.id, { action: 'remove', reason: 'Harassment.' }), 403);
    expectApiError(await act(moderator.agent, cruel.id, { action: 'remove' }), 400, 'VALIDATION_FAILED');

    const sb = await openJoined(b, id);
    const removed = record<{ roomId: string; messageId: string }>(sb, 'message:removed');
    await act(moderator.agent, cruel.id, { action: 'remove', reason: 'Harassment is not allowed here.', queueItemId: item!.id }).expect(200);
    await waitFor(() => removed.length === 1, 5_000, 'removal delivered');
    expect(removed[0]).toEqual({ roomId: id, messageId: cruel.id });
    expect(bodies(await messagesOf(b.agent, id))).toEqual(['Hello.']);

    const [entry] = await bed.t.query<{ action: string; reason: string; room_id: string | null }>(`SELECT action, reason, room_id FROM moderation_log WHERE target_id = $1`, [cruel.id]);
    expect(entry).toEqual({ action: 'message.remove', reason: 'Harassment is not allowed here.', room_id: null });
    const notices = (await a.agent.get('/api/me/notifications').expect(200)).body as { kind: string; params: { action?: string; reason?: string } }[];
    expect(notices).toContainEqual(expect.objectContaining({ kind: 'moderation-action', params: expect.objectContaining({ action: 'remove', target: 'message', reason: 'Harassment is not allowed here.' }) }));
    // Still no way into the conversation itself.
    expect((await moderator.agent.get(`/api/conversations/${id}`)).status).toBe(404);
  });
});
