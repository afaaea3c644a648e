import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import type { ChatMessageView, ConversationReactionsView, ConversationView } from '@kindred/contracts';
import { expectApiError } from '../support/error-shape.js';
import type { Agent } from '../support/forum.js';
import { record, request, settle, waitFor } from '../support/realtime.js';
import { conversationBed, type Session } from '../support/conversations.js';

const bed = conversationBed('react');
const { roommate, open, openJoined, conversation } = bed;

async function say(session: Session, conversationId: string, body: string): Promise<ChatMessageView> {
  const socket = await open(session.token);
  await request(socket, 'conversation:join', { conversationId });
  const ack = await request<{ ok: true; message: ChatMessageView }>(socket, 'conversation:send', { conversationId, clientId: randomUUID(), body });
  expect(ack.ok).toBe(true);
  return ack.message;
}
const reactionUrl = (conversationId: string, messageId: string, kind: string) => `/api/conversations/${conversationId}/messages/${messageId}/reactions/${kind}`;
const reactionsOf = async (agent: Agent, id: string) => ((await agent.get(`/api/conversations/${id}/reactions`).expect(200)).body as ConversationReactionsView).messages;

describe('supportive reactions in a conversation', () => {
  it('adds one of each kind per member (idempotently), takes it back, and tells those hearing it which message changed', async () => {
    const a = await roommate();
    const b = await roommate();
    const id = await conversation(a, [b]);
    const message = await say(b, id, 'It was a hard day.');
    const heard = record<{ conversationId: string; messageId: string }>(await openJoined(b, id), 'conversation:reacted');

    await a.agent.put(reactionUrl(id, message.id, 'hug')).expect(204);
    await a.agent.put(reactionUrl(id, message.id, 'hug')).expect(204);
    await a.agent.put(reactionUrl(id, message.id, 'strength')).expect(204);
    expect(await reactionsOf(b.agent, id)).toEqual([{ messageId: message.id, counts: { hug: 1, strength: 1 }, mine: [] }]);
    expect(await reactionsOf(a.agent, id)).toEqual([{ messageId: message.id, counts: { hug: 1, strength: 1 }, mine: ['hug', 'strength'] }]);
    // Only the id of the message travels, and a repeated reaction is not announced again.
    await waitFor(() => heard.length === 2, 5_000, 'reactions heard');
    await settle();
    expect(heard).toEqual([
      { conversationId: id, messageId: message.id },
      { conversationId: id, messageId: message.id },
    ]);

    await a.agent.delete(reactionUrl(id, message.id, 'hug')).expect(204);
    expect(await reactionsOf(b.agent, id)).toEqual([{ messageId: message.id, counts: { strength: 1 }, mine: [] }]);
  });

  it('leaves out the reactions of someone the viewer blocked', async () => {
    const a = await roommate();
    const b = await roommate();
    const c = await roommate();
    const id = await conversation(a, [b, c]);
    const message = await say(b, id, 'Thank you both.');
    await c.agent.post('/api/me/blocks').send({ handle: a.handle }).expect(201);
    await a.agent.put(reactionUrl(id, message.id, 'relate')).expect(204);
    expect(await reactionsOf(b.agent, id)).toEqual([{ messageId: message.id, counts: { relate: 1 }, mine: [] }]);
    expect(await reactionsOf(c.agent, id)).toEqual([]);
  });

  it('refuses outsiders, a request’s recipient, messages from elsewhere or deleted, and unknown kinds, in the one error shape', async () => {
    const a = await roommate();
    const b = await roommate();
    const outsider = await roommate();
    const id = await conversation(a, [b]);
    const message = await say(a, id, 'Mine.');
    expectApiError(await outsider.agent.put(reactionUrl(id, message.id, 'hug')), 404, 'NOT_FOUND');
    expectApiError(await outsider.agent.get(`/api/conversations/${id}/reactions`), 404, 'NOT_FOUND');
    expectApiError(await b.agent.put(reactionUrl(id, message.id, 'downvote')), 400, 'VALIDATION_FAILED');

    const other = await conversation(a, [outsider]);
    expectApiError(await outsider.agent.put(reactionUrl(other, message.id, 'hug')), 404, 'NOT_FOUND');

    const asked = (await a.agent.post('/api/conversations').send({ participantIds: [outsider.user.id], body: 'Can we talk?', clientId: randomUUID() }).expect(201)).body as ConversationView;
    const first = asked.items[0]!;
    // A request's recipient may read its first message, not answer it with a reaction before accepting.
    expectApiError(await outsider.agent.put(reactionUrl(asked.id, first.kind === 'message' ? first.id : '', 'hug')), 403);

    const socket = await openJoined(a, id);
    expect(await request(socket, 'conversation:delete', { conversationId: id, messageId: message.id })).toEqual({ ok: true });
    expectApiError(await b.agent.put(reactionUrl(id, message.id, 'hug')), 404, 'NOT_FOUND');
  });
});

