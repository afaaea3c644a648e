import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ConversationInbox, ConversationMessagesPage, ConversationView } from '@kindred/contracts';
import { registerMember } from '../support/accounts.js';
import { expectApiError } from '../support/error-shape.js';
import { createRoom, join, memberWithRole, roomWithModerators, type Agent } from '../support/forum.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Awaited<ReturnType<typeof memberWithRole>>;
let roomId: string;
type Member = Awaited<ReturnType<typeof registerMember>>;

beforeAll(async () => {
  t = await startTestApp();
  admin = await memberWithRole(t, 'admin');
  roomId = (await createRoom(admin.agent, { name: 'Shared room' })).id;
});
afterAll(async () => {
  await t?.close();
});

/** A member of the shared room. */
async function roomMember(): Promise<Member> {
  const m = await registerMember(t);
  await join(m.agent, roomId).expect(200);
  return m;
}
const start = (agent: Agent, participantIds: string[], extra: Record<string, unknown> = {}) =>
  agent.post('/api/conversations').send({ participantIds, body: 'Hello, I liked what you wrote.', clientId: randomUUID(), ...extra });
const started = async (agent: Agent, participantIds: string[], extra: Record<string, unknown> = {}) => {
  const res = await start(agent, participantIds, extra);
  expect(res.status).toBe(201);
  return res.body as ConversationView;
};
const inbox = async (agent: Agent) => (await agent.get('/api/conversations').expect(200)).body as ConversationInbox;
const view = async (agent: Agent, id: string) => (await agent.get(`/api/conversations/${id}`).expect(200)).body as ConversationView;
const setting = (agent: Agent, whoCanMessageMe: string) => agent.patch('/api/me/settings').send({ whoCanMessageMe }).expect(200);

describe('who can message me', () => {
  it('defaults to people in my rooms, can be changed, and refuses anything else', async () => {
    const m = await registerMember(t);
    expect((await m.agent.get('/api/me/settings').expect(200)).body.whoCanMessageMe).toBe('rooms');
    expect((await setting(m.agent, 'anyone')).body.whoCanMessageMe).toBe('anyone');
    expectApiError(await m.agent.patch('/api/me/settings').send({ whoCanMessageMe: 'everyone' }), 400, 'VALIDATION_FAILED');
    expectApiError(await m.agent.patch('/api/me/settings').send({ whoCanMessageMe: null }), 400, 'VALIDATION_FAILED');
  });

  it('refuses a stranger’s request by the default setting, allows it with "anyone", and "nobody" refuses even a roommate', async () => {
    const stranger = await registerMember(t);
    const recipient = await roomMember();
    expectApiError(await start(stranger.agent, [recipient.user.id]), 403, 'MESSAGES_NOT_ACCEPTED');
    await setting(recipient.agent, 'anyone');
    await started(stranger.agent, [recipient.user.id]);

    const roommate = await roomMember();
    await setting(recipient.agent, 'nobody');
    expectApiError(await start(roommate.agent, [recipient.user.id]), 403, 'MESSAGES_NOT_ACCEPTED');
    // Nothing half-written: no conversation for the refused request.
    expect(await t.query('SELECT 1 FROM conversations WHERE started_by = $1', [roommate.user.id])).toHaveLength(0);
  });

  it('refuses a whole group when one recipient does not accept messages from the sender', async () => {
    const sender = await roomMember();
    const welcoming = await roomMember();
    const stranger = await registerMember(t);
    const res = await start(sender.agent, [welcoming.user.id, stranger.user.id]);
    expectApiError(res, 403, 'MESSAGES_NOT_ACCEPTED');
    expect(res.body.params).toEqual({ handle: stranger.handle });
    expect((await inbox(welcoming.agent)).requests).toHaveLength(0);
  });
});

describe('consent first: requests', () => {
  it('arrives as a request with only its first message; accepting makes it a conversation for both', async () => {
    const sender = await roomMember();
    const recipient = await roomMember();
    const created = await started(sender.agent, [recipient.user.id], { body: 'Would you like to talk?' });
    expect(created).toMatchObject({ kind: 'peer', fromTeam: false, standing: 'pending', startedBy: { id: sender.user.id, handle: sender.handle } });
    expect(created.others).toEqual([{ member: { id: recipient.user.id, handle: recipient.handle }, joined: false, team: false }]);

    const box = await inbox(recipient.agent);
    expect(box.conversations).toHaveLength(0);
    expect(box.requests.map((r) => r.id)).toEqual([created.id]);
    const request = await view(recipient.agent, created.id);
    expect(request.standing).toBe('request');
    expect(request.items).toEqual([expect.objectContaining({ kind: 'message', body: 'Would you like to talk?', seq: 1, author: { id: sender.user.id, handle: sender.handle } })]);
    expect((await inbox(sender.agent)).conversations.map((c) => [c.id, c.standing])).toEqual([[created.id, 'pending']]);

    const accepted = (await recipient.agent.post(`/api/conversations/${created.id}/accept`).expect(200)).body as ConversationView;
    expect(accepted.standing).toBe('active');
    expect((await inbox(recipient.agent)).conversations.map((c) => c.id)).toEqual([created.id]);
    expect((await view(sender.agent, created.id)).others).toEqual([{ member: { id: recipient.user.id, handle: recipient.handle }, joined: true, team: false }]);
    expectApiError(await recipient.agent.post(`/api/conversations/${created.id}/accept`), 409, 'CONFLICT');
  });

  it('folds the first message behind the recipient’s own warning preferences, or hides it by them', async () => {
    const sender = await roomMember();
    const warned = await roomMember();
    const hiding = await roomMember();
    await hiding.agent.put('/api/me/warning-preferences').send({ 'domestic-abuse': 'hide' }).expect(200);
    const warning = { categories: ['domestic-abuse'] };
    const toWarned = await started(sender.agent, [warned.user.id], { warning });
    const toHiding = await started(sender.agent, [hiding.user.id], { warning });
    expect((await view(warned.agent, toWarned.id)).items).toEqual([expect.objectContaining({ kind: 'message', presentation: 'warn', warning: { categories: ['domestic-abuse'], note: null } })]);
    const hidden = (await view(hiding.agent, toHiding.id)).items;
    expect(hidden).toEqual([expect.objectContaining({ kind: 'hidden', seq: 1 })]);
    expect(JSON.stringify(hidden)).not.toContain('Hello');
  });

  it('keeps a declined request "pending" for the sender, exactly as before, and gone for the recipient', async () => {
    const sender = await roomMember();
    const recipient = await roomMember();
    const created = await started(sender.agent, [recipient.user.id]);
    const before = await view(sender.agent, created.id);
    await recipient.agent.post(`/api/conversations/${created.id}/decline`).expect(204);
    expect(await view(sender.agent, created.id)).toEqual(before);
    expect((await inbox(sender.agent)).conversations.map((c) => c.standing)).toEqual(['pending']);
    expect(await inbox(recipient.agent)).toEqual({ requests: [], conversations: [], unreadTotal: 0 });
    expectApiError(await recipient.agent.get(`/api/conversations/${created.id}`), 404, 'NOT_FOUND');
    expectApiError(await recipient.agent.post(`/api/conversations/${created.id}/accept`), 404, 'NOT_FOUND');
  });

  it('shows a recipient who has not accepted nothing but the first message', async () => {
    const sender = await roomMember();
    const recipient = await roomMember();
    const created = await started(sender.agent, [recipient.user.id]);
    const page = (await recipient.agent.get(`/api/conversations/${created.id}/messages`).expect(200)).body as ConversationMessagesPage;
    expect(page.items.map((i) => i.seq)).toEqual([1]);
    expect(((await recipient.agent.get(`/api/conversations/${created.id}/messages?before=1`).expect(200)).body as ConversationMessagesPage).items).toEqual([]);
  });

  it('allows at most five open requests a day; accepted ones do not count', async () => {
    const sender = await roomMember();
    const recipients = await Promise.all(Array.from({ length: 7 }, () => roomMember()));
    const first = await started(sender.agent, [recipients[0]!.user.id]);
    await recipients[0]!.agent.post(`/api/conversations/${first.id}/accept`).expect(200);
    for (const r of recipients.slice(1, 6)) await started(sender.agent, [r.user.id]);
    const refused = await start(sender.agent, [recipients[6]!.user.id]);
    expectApiError(refused, 429, 'CONVERSATION_REQUEST_LIMIT');
    expect(refused.body.params).toEqual({ limit: 5 });
  });

  it('answers a retried start with the conversation it made, not a second one', async () => {
    const sender = await roomMember();
    const recipient = await roomMember();
    const clientId = randomUUID();
    const a = await started(sender.agent, [recipient.user.id], { clientId });
    const b = await started(sender.agent, [recipient.user.id], { clientId });
    expect(b.id).toBe(a.id);
    expect(await t.query('SELECT id FROM conversations WHERE started_by = $1', [sender.user.id])).toHaveLength(1);
  });

  it('takes 2–8 participants, never oneself, only members who exist, and refuses malformed starts with a 400', async () => {
    const sender = await roomMember();
    const others = await Promise.all(Array.from({ length: 8 }, () => roomMember()));
    expectApiError(await start(sender.agent, others.map((o) => o.user.id)), 400, 'VALIDATION_FAILED');
    expectApiError(await start(sender.agent, []), 400, 'VALIDATION_FAILED');
    expectApiError(await start(sender.agent, [sender.user.id]), 400, 'VALIDATION_FAILED');
    expectApiError(await start(sender.agent, [others[0]!.user.id, others[0]!.user.id]), 400, 'VALIDATION_FAILED');
    expectApiError(await start(sender.agent, [randomUUID()]), 404, 'NOT_FOUND');
    expectApiError(await start(sender.agent, [others[0]!.user.id], { body: '' }), 400, 'VALIDATION_FAILED');
    expectApiError(await start(sender.agent, [others[0]!.user.id], { asTeam: true }), 400, 'VALIDATION_FAILED');
    const group = await started(sender.agent, others.slice(0, 7).map((o) => o.user.id));
    expect(group.others).toHaveLength(7);
  });
});

describe('blocks cover conversations', () => {
  it('refuses a request both ways with the same answer as a setting, so the blocked person cannot tell', async () => {
    const blocker = await roomMember();
    const blocked = await roomMember();
    await blocker.agent.post('/api/me/blocks').send({ handle: blocked.handle }).expect(201);
    const refused = await start(blocked.agent, [blocker.user.id]);
    expectApiError(refused, 403, 'MESSAGES_NOT_ACCEPTED');
    expect(refused.body.message).toBe(`${blocker.handle} cannot receive a conversation from you.`);
    expectApiError(await start(blocker.agent, [blocked.user.id]), 403, 'MESSAGES_NOT_ACCEPTED');
  });

  it('ends a shared one-to-one conversation for the blocker only, and leaves group conversations to message hiding', async () => {
    const a = await roomMember();
    const b = await roomMember();
    const c = await roomMember();
    const pair = await started(a.agent, [b.user.id]);
    await b.agent.post(`/api/conversations/${pair.id}/accept`).expect(200);
    const group = await started(a.agent, [b.user.id, c.user.id]);
    await b.agent.post(`/api/conversations/${group.id}/accept`).expect(200);
    const pendingToB = await started(a.agent, [b.user.id]);
    const asA = await view(a.agent, pair.id);

    await b.agent.post('/api/me/blocks').send({ handle: a.handle }).expect(201);
    expectApiError(await b.agent.get(`/api/conversations/${pair.id}`), 404, 'NOT_FOUND');
    expectApiError(await b.agent.get(`/api/conversations/${pendingToB.id}`), 404, 'NOT_FOUND');
    expect((await inbox(b.agent)).conversations.map((x) => x.id)).toEqual([group.id]);
    expect((await inbox(b.agent)).requests).toEqual([]);
    // The blocked member is not told: their view is unchanged.
    expect(await view(a.agent, pair.id)).toEqual(asA);
  });
});

describe('privacy from moderators', () => {
  it('refuses moderators and admins reading a peer conversation they are not in, as if it did not exist', async () => {
    const { moderators } = await roomWithModerators(t, admin.agent);
    const roomModerator = moderators[0]!;
    const globalModerator = await memberWithRole(t, 'moderator');
    const a = await roomMember();
    const b = await roomMember();
    const conversation = await started(a.agent, [b.user.id]);
    await b.agent.post(`/api/conversations/${conversation.id}/accept`).expect(200);
    for (const outsider of [roomModerator, globalModerator, admin]) {
      expectApiError(await outsider.agent.get(`/api/conversations/${conversation.id}`), 404, 'NOT_FOUND');
      expectApiError(await outsider.agent.get(`/api/conversations/${conversation.id}/messages`), 404, 'NOT_FOUND');
      expectApiError(await outsider.agent.post(`/api/conversations/${conversation.id}/accept`), 404, 'NOT_FOUND');
      expect((await inbox(outsider.agent)).conversations.map((x) => x.id)).not.toContain(conversation.id);
    }
  });
});

describe('check-ins', () => {
  it('lets a moderator check in on anyone, as the team if they choose; members cannot open one', async () => {
    const moderator = await memberWithRole(t, 'moderator');
    const member = await registerMember(t);
    await setting(member.agent, 'nobody');
    const stranger = await roomMember();
    expectApiError(await start(stranger.agent, [member.user.id], { kind: 'check-in' }), 403, 'FORBIDDEN');
    expectApiError(await start(moderator.agent, [member.user.id, stranger.user.id], { kind: 'check-in' }), 400, 'VALIDATION_FAILED');

    const checkIn = await started(moderator.agent, [member.user.id], { kind: 'check-in', asTeam: true, body: 'Checking in: how are you?' });
    const seen = await view(member.agent, checkIn.id);
    expect(seen).toMatchObject({ kind: 'check-in', fromTeam: true, standing: 'active', startedBy: null, others: [{ member: null, joined: true, team: true }] });
    expect((await inbox(member.agent)).conversations.map((c) => c.id)).toEqual([checkIn.id]);
    // Written as the team: the moderator's name is nowhere in what the member gets.
    expect(JSON.stringify(seen)).not.toContain(moderator.handle);
  });
});

describe('leave and mute', () => {
  it('mutes and unmutes; leaving makes it disappear for the one who left only', async () => {
    const a = await roomMember();
    const b = await roomMember();
    const conversation = await started(a.agent, [b.user.id]);
    await b.agent.post(`/api/conversations/${conversation.id}/accept`).expect(200);
    await b.agent.put(`/api/conversations/${conversation.id}/mute`).send({ muted: true }).expect(204);
    expect((await view(b.agent, conversation.id)).muted).toBe(true);
    expect((await view(a.agent, conversation.id)).muted).toBe(false);
    expectApiError(await b.agent.put(`/api/conversations/${conversation.id}/mute`).send({ muted: 'yes' }), 400, 'VALIDATION_FAILED');
    await b.agent.post(`/api/conversations/${conversation.id}/leave`).expect(204);
    expectApiError(await b.agent.get(`/api/conversations/${conversation.id}`), 404, 'NOT_FOUND');
    expect((await view(a.agent, conversation.id)).standing).toBe('active');
  });
});

describe('data rights', () => {
  it('exports one’s conversations and own messages in them, nothing of the other people', async () => {
    const a = await roomMember();
    const b = await roomMember();
    const conversation = await started(a.agent, [b.user.id], { body: 'My own words in private.' });
    const exported = (await a.agent.get('/api/me/export').expect(200)).body as { conversations: { id: string; kind: string; started_by_me: boolean; state: string }[]; chatMessages: { room_id: string; body: string }[] };
    expect(exported.conversations).toEqual([expect.objectContaining({ id: conversation.id, kind: 'peer', started_by_me: true, state: 'active' })]);
    expect(exported.chatMessages).toEqual([expect.objectContaining({ room_id: conversation.id, body: 'My own words in private.' })]);
    expect(JSON.stringify(exported)).not.toContain(b.handle);
    const theirs = (await b.agent.get('/api/me/export').expect(200)).body as { conversations: { id: string; state: string }[]; chatMessages: unknown[]; messageReactions: unknown[] };
    expect(theirs.conversations).toEqual([expect.objectContaining({ id: conversation.id, state: 'invited' })]);
    expect(theirs.chatMessages).toEqual([]);
    // One's own supportive reactions are one's data too (only once in the conversation).
    await b.agent.post(`/api/conversations/${conversation.id}/accept`).expect(200);
    const first = conversation.items[0]!;
    await b.agent.put(`/api/conversations/${conversation.id}/messages/${first.kind === 'message' ? first.id : ''}/reactions/hug`).expect(204);
    const later = (await b.agent.get('/api/me/export').expect(200)).body as { messageReactions: { message_id: string; kind: string }[] };
    expect(later.messageReactions).toEqual([expect.objectContaining({ message_id: first.kind === 'message' ? first.id : '', kind: 'hug' })]);
    expect(((await a.agent.get('/api/me/export').expect(200)).body as { messageReactions: unknown[] }).messageReactions).toEqual([]);
  });

  it('anonymises a deleted member’s messages (or erases them on request) and withdraws their unanswered requests', async () => {
    const keeper = await roomMember();
    const eraser = await roomMember();
    const other = await roomMember();
    const kept = await started(keeper.agent, [other.user.id], { body: 'Words to keep.' });
    await other.agent.post(`/api/conversations/${kept.id}/accept`).expect(200);
    const erased = await started(eraser.agent, [other.user.id], { body: 'Words to erase.' });
    await other.agent.post(`/api/conversations/${erased.id}/accept`).expect(200);
    const unanswered = await started(keeper.agent, [(await roomMember()).user.id]);
    const pendingTo = (await t.query<{ user_id: string }>(`SELECT user_id FROM conversation_participants WHERE conversation_id = $1 AND state = 'invited'`, [unanswered.id]))[0]!.user_id;

    await keeper.agent.delete('/api/me').send({ password: 'quiet-harbour-lantern-42', eraseContent: false }).expect(204);
    await eraser.agent.delete('/api/me').send({ password: 'quiet-harbour-lantern-42', eraseContent: true }).expect(204);

    const keptView = await view(other.agent, kept.id);
    expect(keptView.items).toEqual([expect.objectContaining({ body: 'Words to keep.', author: { id: keeper.user.id, handle: 'former member' } })]);
    expect(JSON.stringify(keptView)).not.toContain(keeper.handle);
    expect((await view(other.agent, erased.id)).items).toEqual([]);
    expect(await t.query(`SELECT state FROM conversation_participants WHERE conversation_id = $1 AND user_id = $2`, [unanswered.id, pendingTo])).toEqual([{ state: 'declined' }]);
  });
});
