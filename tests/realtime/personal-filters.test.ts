import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import type { ChatItem, ChatMessageView, ConversationView, HiddenChatMessage } from '@kindred/contracts';
import { createRoom, join } from '../support/forum.js';
import { memberSession, record, request, settle, waitFor, realtimeTestBed, type ChatClient } from '../support/realtime.js';

/**
 * Issue 15: a member's personal filters hold in live chat and private conversations as they do
 * on pages. `hide`: the words never reach them (live, history, replay), only the message's place;
 * `warn`: their copy alone is folded behind their own label. Everyone else's is unchanged.
 */
const bed = realtimeTestBed();

async function people() {
  const room = await createRoom(bed.admin.agent);
  const author = await memberSession(bed.t, 'author');
  const hider = await memberSession(bed.t, 'hider');
  const folder = await memberSession(bed.t, 'folder');
  const reader = await memberSession(bed.t, 'reader');
  for (const m of [author, hider, folder, reader]) await join(m.agent, room.id).expect(200);
  await hider.agent.post('/api/me/filters').send({ phrase: 'Kestrel Road', mode: 'hide' }).expect(201);
  await folder.agent.post('/api/me/filters').send({ phrase: 'kestrel road', mode: 'warn', label: 'that street' }).expect(201);
  // The author keeps the filter too: their own words still reach them, unchanged.
  await author.agent.post('/api/me/filters').send({ phrase: 'kestrel road', mode: 'hide' }).expect(201);
  return { room, author, hider, folder, reader };
}

const WORDS = 'I drove down KESTREL ROAD today and it all came back.';

describe('live chat', () => {
  it('a filtered message never reaches a member who hides it (live, history, replay); a folder gets it folded; others unchanged', async () => {
    const { room, author, hider, folder, reader } = await people();
    const sockets: Record<string, ChatClient> = {};
    for (const [name, m] of Object.entries({ author, hider, folder, reader })) {
      sockets[name] = await bed.open(m.token);
      expect(await request(sockets[name]!, 'chat:join', { roomId: room.id })).toMatchObject({ ok: true });
    }
    const hiderInbox = record<ChatMessageView>(sockets.hider!, 'message:new');
    const hiderHidden = record<HiddenChatMessage>(sockets.hider!, 'message:hidden');
    const folderInbox = record<ChatMessageView>(sockets.folder!, 'message:new');
    const readerInbox = record<ChatMessageView>(sockets.reader!, 'message:new');
    const authorInbox = record<ChatMessageView>(sockets.author!, 'message:new');

    const first = await request<{ ok: boolean; message: ChatMessageView }>(sockets.author!, 'message:send', { roomId: room.id, clientId: randomUUID(), body: 'Just checking in.' });
    const ack = await request<{ ok: boolean; message: ChatMessageView }>(sockets.author!, 'message:send', { roomId: room.id, clientId: randomUUID(), body: WORDS });
    expect(ack.ok).toBe(true);
    expect(ack.message.filter).toBeUndefined();
    await waitFor(() => readerInbox.length === 2 && folderInbox.length === 2 && hiderHidden.length === 1, 5_000, 'every reader gets it their way');
    await settle();
    expect(hiderInbox.map((m) => m.body)).toEqual(['Just checking in.']);
    expect(JSON.stringify(hiderHidden)).not.toMatch(/kestrel/i);
    expect(folderInbox[1]).toMatchObject({ body: WORDS, filter: { label: 'that street' } });
    expect(readerInbox[1]!.filter).toBeUndefined();
    expect(authorInbox.every((m) => m.filter === undefined)).toBe(true);

    // History says the same.
    const hiderHistory = await request<{ messages: ChatItem[] }>(sockets.hider!, 'chat:history', { roomId: room.id });
    expect(hiderHistory.messages.map((m) => m.kind)).toEqual(['message', 'hidden']);
    expect(JSON.stringify(hiderHistory)).not.toMatch(/kestrel/i);
    const folderHistory = await request<{ messages: ChatMessageView[] }>(sockets.folder!, 'chat:history', { roomId: room.id });
    expect(folderHistory.messages[1]).toMatchObject({ kind: 'message', filter: { label: 'that street' } });
    const ownHistory = await request<{ messages: ChatMessageView[] }>(sockets.author!, 'chat:history', { roomId: room.id });
    expect(ownHistory.messages[1]).toMatchObject({ kind: 'message', body: WORDS });
    expect(ownHistory.messages[1]!.filter).toBeUndefined();

    // A replay after a reconnect (the message arrived while they were away) keeps only its place.
    sockets.hider!.disconnect();
    const late = await request<{ ok: boolean; message: ChatMessageView }>(sockets.author!, 'message:send', { roomId: room.id, clientId: randomUUID(), body: 'kestrel road’s corner shop' });
    expect(late.ok).toBe(true);
    const again = await bed.open(hider.token);
    const replay = await request<{ ok: boolean; messages: ChatItem[] }>(again, 'chat:join', { roomId: room.id, lastMessageId: first.message.id });
    expect(replay.ok).toBe(true);
    expect(replay.messages.map((m) => [m.kind, m.seq])).toEqual([['hidden', ack.message.seq], ['hidden', late.message.seq]]);
    expect(JSON.stringify(replay)).not.toMatch(/kestrel/i);
  });

  it('an edit that brings in filtered words is held back from the hider live', async () => {
    const { room, author, hider } = await people();
    const authorSocket = await bed.open(author.token);
    const hiderSocket = await bed.open(hider.token);
    for (const s of [authorSocket, hiderSocket]) expect(await request(s, 'chat:join', { roomId: room.id })).toMatchObject({ ok: true });
    const edits = record<ChatMessageView>(hiderSocket, 'message:edited');
    const hidden = record<HiddenChatMessage>(hiderSocket, 'message:hidden');
    const sent = await request<{ ok: boolean; message: ChatMessageView }>(authorSocket, 'message:send', { roomId: room.id, clientId: randomUUID(), body: 'A calm line.' });
    expect((await request(authorSocket, 'message:edit', { messageId: sent.message.id, body: 'A calm line on Kestrel Road.' })).ok).toBe(true);
    await waitFor(() => hidden.length === 1, 5_000, 'the hider gets only its place');
    await settle();
    expect(edits).toEqual([]);
  });
});

describe('private conversations', () => {
  it('use the same filters: live, and in the conversation’s history', async () => {
    const { author, hider, folder } = await people();
    const res = await author.agent.post('/api/conversations').send({ participantIds: [hider.user.id, folder.user.id], body: 'Hello both.', clientId: randomUUID() }).expect(201);
    const id = (res.body as ConversationView).id;
    for (const m of [hider, folder]) await m.agent.post(`/api/conversations/${id}/accept`).expect(200);
    const sockets = { author: await bed.open(author.token), hider: await bed.open(hider.token), folder: await bed.open(folder.token) };
    for (const s of Object.values(sockets)) expect(await request(s, 'conversation:join', { conversationId: id })).toMatchObject({ ok: true });
    const hiderInbox = record<ChatMessageView>(sockets.hider, 'message:new');
    const hiderHidden = record<HiddenChatMessage>(sockets.hider, 'message:hidden');
    const folderInbox = record<ChatMessageView>(sockets.folder, 'message:new');
    expect(await request(sockets.author, 'conversation:send', { conversationId: id, clientId: randomUUID(), body: WORDS })).toMatchObject({ ok: true });
    await waitFor(() => folderInbox.length === 1 && hiderHidden.length === 1, 5_000, 'both get it their way');
    await settle();
    expect(hiderInbox).toEqual([]);
    expect(folderInbox[0]).toMatchObject({ filter: { label: 'that street' } });
    const history = (await hider.agent.get(`/api/conversations/${id}/messages`).expect(200)).body;
    expect(JSON.stringify(history)).not.toMatch(/kestrel/i);
    expect(history.items.map((i: ChatItem) => i.kind)).toEqual(['message', 'hidden']);
  });
});
