import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import type { ChatItem, ChatMessageView, HiddenChatMessage, PostListItem, ThreadSummary } from '@kindred/contracts';
import { expectApiError } from '../support/error-shape.js';
import { createRoom, createThread, join, reply, type Agent } from '../support/forum.js';
import { memberSession, record, request, settle, waitFor, realtimeTestBed, type ChatClient } from '../support/realtime.js';

/**
 * Issue 17 item 3: when the detector fires, readers are protected at once. The detected
 * category is an automatic warning for everyone but the author, in every REST and socket
 * payload; a moderator can change or remove it.
 */
const bed = realtimeTestBed();

const CRISIS_WORDS = 'I want to end my life tonight, I have the pills ready.';

async function people() {
  const room = await createRoom(bed.admin.agent);
  const moderator = await memberSession(bed.t, 'mod');
  await bed.admin.agent.put(`/api/rooms/${room.id}/moderators`).send({ userId: moderator.user.id }).expect(204);
  const author = await memberSession(bed.t, 'author');
  const hider = await memberSession(bed.t, 'hider');
  const reader = await memberSession(bed.t, 'reader');
  for (const m of [author, hider, reader]) await join(m.agent, room.id).expect(200);
  await hider.agent.put('/api/me/warning-preferences').send({ suicide: 'hide' }).expect(200);
  // The author hides the topic too: their own words must still reach them, unchanged.
  await author.agent.put('/api/me/warning-preferences').send({ suicide: 'hide' }).expect(200);
  return { room, moderator, author, hider, reader };
}

const threadList = async (agent: Agent, roomId: string) => (await agent.get(`/api/rooms/${roomId}/threads`).expect(200)).body as { items: ThreadSummary[]; hiddenCount: number };
const searchIds = async (agent: Agent, q: string) => ((await agent.get(`/api/search?q=${encodeURIComponent(q)}`).expect(200)).body.items as { post: { id: string } }[]).map((i) => i.post.id);
const page = async (agent: Agent, threadId: string) => (await agent.get(`/api/threads/${threadId}/posts`).expect(200)).body.items as PostListItem[];

describe('topic threads', () => {
  it('a crisis thread is dropped at once for a member who hides suicide (list, thread, search) and labelled for others; the author’s view is unchanged', async () => {
    const { room, author, hider, reader } = await people();
    const thread = await createThread(author.agent, room.id, { title: 'Tonight', body: `${CRISIS_WORDS} marigold` });

    const hidden = await threadList(hider.agent, room.id);
    expect(hidden.items.map((i) => i.id)).not.toContain(thread.id);
    expect(hidden.hiddenCount).toBe(1);
    expectApiError(await hider.agent.get(`/api/threads/${thread.id}`), 404, 'HIDDEN_BY_SETTINGS');
    expect(await searchIds(hider.agent, 'marigold')).toEqual([]);

    const seen = (await threadList(reader.agent, room.id)).items.find((i) => i.id === thread.id)!;
    expect(seen).toMatchObject({ presentation: 'warn', warning: { categories: ['suicide'], automatic: ['suicide'] } });
    expect((await reader.agent.get(`/api/threads/${thread.id}`).expect(200)).body.firstPost).toMatchObject({ warning: { categories: ['suicide'], automatic: ['suicide'] }, presentation: 'warn' });
    expect(await searchIds(reader.agent, 'marigold')).toEqual([thread.firstPost.id]);

    const own = (await threadList(author.agent, room.id)).items.find((i) => i.id === thread.id)!;
    expect(own.warning).toEqual({ categories: [], note: null });
    expect(own.presentation).toBe('show');
    expect((await author.agent.get(`/api/threads/${thread.id}`).expect(200)).body.firstPost.warning).toEqual({ categories: [], note: null });
    expect(await searchIds(author.agent, 'marigold')).toEqual([thread.firstPost.id]);
  });

  it('a crisis reply becomes a placeholder on the thread page for a member who hides suicide, and stays out of the thread’s count', async () => {
    const { room, author, hider, reader } = await people();
    const thread = await createThread(reader.agent, room.id, { title: 'Evening check-in' });
    const crisisReply = await reply(author.agent, thread.id, { body: `${CRISIS_WORDS} juniper` });
    const forHider = await page(hider.agent, thread.id);
    expect(forHider.find((p) => p.id === crisisReply.id)).toMatchObject({ kind: 'hidden', reason: 'your-settings' });
    expect(JSON.stringify(forHider)).not.toContain('juniper');
    expect((await threadList(hider.agent, room.id)).items.find((i) => i.id === thread.id)!.postCount).toBe(1);
    expect(await searchIds(hider.agent, 'juniper')).toEqual([]);
    expect((await page(reader.agent, thread.id)).find((p) => p.id === crisisReply.id)).toMatchObject({ kind: 'post', warning: { automatic: ['suicide'] } });
    expect((await page(author.agent, thread.id)).find((p) => p.id === crisisReply.id)).toMatchObject({ kind: 'post', warning: { categories: [], note: null } });
  });

  it('a moderator can change the automatic warning (it is replaced) or remove it by dismissing the item as not a crisis', async () => {
    const { room, moderator, author, hider } = await people();
    const changed = await createThread(author.agent, room.id, { title: 'One', body: CRISIS_WORDS });
    await moderator.agent
      .post(`/api/moderation/post/${changed.firstPost.id}/actions`)
      .send({ action: 'set-warning', reason: 'Self-harm fits better', warning: { categories: ['self-harm'] } })
      .expect(200);
    const afterChange = (await threadList(hider.agent, room.id)).items.find((i) => i.id === changed.id)!;
    expect(afterChange.warning).toEqual({ categories: ['self-harm'], note: null });

    const dismissed = await createThread(author.agent, room.id, { title: 'Two', body: 'I want to end my life tonight, honestly, but I am safe.' });
    expect((await threadList(hider.agent, room.id)).items.map((i) => i.id)).not.toContain(dismissed.id);
    const item = ((await moderator.agent.get('/api/moderation/queue').expect(200)).body as { id: string; target: { id: string } }[]).find((q) => q.target.id === dismissed.id)!;
    await moderator.agent.post(`/api/moderation/queue/${item.id}/not-a-crisis`).send({}).expect(204);
    expect((await threadList(hider.agent, room.id)).items.find((i) => i.id === dismissed.id)).toMatchObject({ warning: { categories: [], note: null } });
  });
});

describe('live chat', () => {
  it('a crisis message never reaches a member who hides suicide (live, history), reaches others labelled, and the author’s history is unchanged', async () => {
    const { room, author, hider, reader } = await people();
    const sockets: Record<string, ChatClient> = {};
    for (const [name, m] of Object.entries({ author, hider, reader })) {
      sockets[name] = await bed.open(m.token);
      expect(await request(sockets[name]!, 'chat:join', { roomId: room.id })).toMatchObject({ ok: true });
    }
    const hiderInbox = record<ChatMessageView>(sockets.hider!, 'message:new');
    const hiderHidden = record<HiddenChatMessage>(sockets.hider!, 'message:hidden');
    const readerInbox = record<ChatMessageView>(sockets.reader!, 'message:new');
    const ack = await request<{ ok: boolean; message: ChatMessageView }>(sockets.author!, 'message:send', { roomId: room.id, clientId: randomUUID(), body: CRISIS_WORDS });
    expect(ack.ok).toBe(true);
    await waitFor(() => readerInbox.length === 1 && hiderHidden.length === 1, 5_000, 'the reader gets it, the hider its place');
    await settle();
    expect(hiderInbox).toEqual([]);
    expect(JSON.stringify(hiderHidden)).not.toContain('pills');
    expect(readerInbox[0]).toMatchObject({ presentation: 'warn', warning: { categories: ['suicide'], automatic: ['suicide'] } });

    const hiderHistory = await request<{ messages: ChatItem[] }>(sockets.hider!, 'chat:history', { roomId: room.id });
    expect(hiderHistory.messages.map((m) => m.kind)).toEqual(['hidden']);
    const readerHistory = await request<{ messages: ChatMessageView[] }>(sockets.reader!, 'chat:history', { roomId: room.id });
    expect(readerHistory.messages[0]).toMatchObject({ kind: 'message', warning: { automatic: ['suicide'] } });
    const ownHistory = await request<{ messages: ChatMessageView[] }>(sockets.author!, 'chat:history', { roomId: room.id });
    expect(ownHistory.messages[0]).toMatchObject({ kind: 'message', body: CRISIS_WORDS, warning: { categories: [], note: null }, presentation: 'show' });
    const [row] = await bed.t.query<{ content_warnings: string[]; auto_warnings: string[] }>('SELECT content_warnings, auto_warnings FROM chat_messages WHERE id = $1', [ack.message.id]);
    expect(row).toEqual({ content_warnings: [], auto_warnings: ['suicide'] });
  });
});
