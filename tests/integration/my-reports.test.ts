import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { MyReportView } from '@kindred/contracts';
import { registerMember } from '../support/accounts.js';
import { createRoom, createThread, join, memberWithRole, reply, type Agent } from '../support/forum.js';
import { connectedChat, memberSession, request, startListeningApp } from '../support/realtime.js';

let t: Awaited<ReturnType<typeof startListeningApp>>;
let admin: Awaited<ReturnType<typeof memberWithRole>>;

beforeAll(async () => {
  t = await startListeningApp();
  admin = await memberWithRole(t, 'admin');
});
afterAll(async () => {
  await t?.close();
});

const myReports = async (agent: Agent) => (await agent.get('/api/me/reports').expect(200)).body as MyReportView[];
const report = async (agent: Agent, targetType: string, targetId: string) =>
  (await agent.post('/api/reports').send({ targetType, targetId, category: 'other' }).expect(201)).body as MyReportView;

/** A room with an author and a reporter in it. */
async function roomWithReporter(name: string) {
  const room = await createRoom(admin.agent, { name });
  const author = await registerMember(t);
  const reporter = await registerMember(t);
  for (const m of [author, reporter]) await join(m.agent, room.id).expect(200);
  return { room, author, reporter };
}

describe('"Your reports" names where each report was made, as far as the reporter can still see', () => {
  it('names the room and thread of reported posts and threads, and the room of chat messages; nothing for members', async () => {
    const { room, author, reporter } = await roomWithReporter('Named room');
    const thread = await createThread(author.agent, room.id, { title: 'The reported thread' });
    const post = await reply(author.agent, thread.id);

    const created = await report(reporter.agent, 'post', post.id);
    expect(created.place).toEqual({ roomName: 'Named room', thread: { id: thread.id, title: 'The reported thread' } });
    await report(reporter.agent, 'thread', thread.id);
    await report(reporter.agent, 'member', author.user.id);

    const chatAuthor = await memberSession(t, 'chatter');
    await join(chatAuthor.agent, room.id).expect(200);
    const socket = await connectedChat(t.baseUrl, chatAuthor.token);
    await request(socket, 'chat:join', { roomId: room.id });
    const ack = await request<{ ok: boolean; message: { id: string } }>(socket, 'message:send', { roomId: room.id, clientId: randomUUID(), body: 'a chat line' });
    socket.disconnect();
    await report(reporter.agent, 'message', ack.message.id);

    const byType = Object.fromEntries((await myReports(reporter.agent)).map((r) => [r.targetType, r.place]));
    expect(byType).toEqual({
      post: { roomName: 'Named room', thread: { id: thread.id, title: 'The reported thread' } },
      thread: { roomName: 'Named room', thread: { id: thread.id, title: 'The reported thread' } },
      message: { roomName: 'Named room', thread: null },
      member: null,
    });
  });

  it('stops naming a thread once it is removed, hidden by the reporter’s settings or its author is blocked', async () => {
    const { room, author, reporter } = await roomWithReporter('Careful room');
    const removed = await createThread(author.agent, room.id, { title: 'Removed later' });
    const heavy = await createThread(author.agent, room.id, { title: 'Heavy later', warning: { categories: ['self-harm'] } });
    await report(reporter.agent, 'thread', removed.id);
    await report(reporter.agent, 'thread', heavy.id);

    await admin.agent.post(`/api/moderation/thread/${removed.id}/actions`).send({ action: 'remove', reason: 'Breaks the guidelines' }).expect(200);
    await reporter.agent.put('/api/me/warning-preferences').send({ 'self-harm': 'hide' }).expect(200);
    let places = (await myReports(reporter.agent)).map((r) => r.place);
    expect(places).toEqual([{ roomName: 'Careful room', thread: null }, { roomName: 'Careful room', thread: null }]);
    expect(JSON.stringify(places)).not.toMatch(/Removed later|Heavy later/);

    await reporter.agent.put('/api/me/warning-preferences').send({ 'self-harm': 'warn' }).expect(200);
    expect((await myReports(reporter.agent))[0]!.place).toEqual({ roomName: 'Careful room', thread: { id: heavy.id, title: 'Heavy later' } });
    await reporter.agent.post('/api/me/blocks').send({ handle: author.handle }).expect(201);
    places = (await myReports(reporter.agent)).map((r) => r.place);
    expect(JSON.stringify(places)).not.toContain('Heavy later');
  });

  it('names nothing once the reporter can no longer read the room (the access gate decides)', async () => {
    const room = await createRoom(admin.agent, { name: 'Members-only room', joinPolicy: 'request' });
    const author = await registerMember(t);
    const reporter = await registerMember(t);
    for (const m of [author, reporter]) await join(m.agent, room.id, { message: 'Hello' });
    for (const m of [author, reporter]) {
      const requests = (await admin.agent.get(`/api/rooms/${room.id}/join-requests`).expect(200)).body as { id: string; user: { id: string } }[];
      const pending = requests.find((r) => r.user.id === m.user.id)!;
      await admin.agent.post(`/api/rooms/${room.id}/join-requests/${pending.id}/decision`).send({ approve: true }).expect(204);
    }
    const thread = await createThread(author.agent, room.id, { title: 'Inside the room' });
    await report(reporter.agent, 'thread', thread.id);
    expect((await myReports(reporter.agent))[0]!.place?.thread?.title).toBe('Inside the room');

    await reporter.agent.post(`/api/rooms/${room.id}/leave`).expect(204);
    const [after] = await myReports(reporter.agent);
    expect(after!.place).toBeNull();
    expect(JSON.stringify(after)).not.toMatch(/Inside the room|Members-only room/);
  });
});
