import { describe, expect, it } from '@jest/globals';
import type { ConversationInbox } from '@kindred/contracts';
import type { Agent } from '../support/forum.js';
import { record, request, settle, waitFor } from '../support/realtime.js';
import { conversationBed } from '../support/conversations.js';

const bed = conversationBed('unread');
const { roommate, open, startWith, conversation, send } = bed;

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
    const first = (await bed.t.query<{ id: string }>('SELECT id FROM chat_messages WHERE room_id = $1 AND seq = 2', [id]))[0]!;
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
