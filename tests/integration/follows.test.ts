import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ThreadDetail, ThreadSummary } from '@kindred/contracts';
import { GOOD_PASSWORD, registerMember } from '../support/accounts.js';
import { expectApiError } from '../support/error-shape.js';
import { createRoom, createThread, join, memberWithRole, reply, type Agent } from '../support/forum.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Agent;

beforeAll(async () => {
  t = await startTestApp();
  admin = (await memberWithRole(t, 'admin')).agent;
});
afterAll(async () => {
  await t?.close();
});

async function roomWithMembers() {
  const room = await createRoom(admin);
  const author = await registerMember(t);
  const reader = await registerMember(t);
  await join(author.agent, room.id).expect(200);
  await join(reader.agent, room.id).expect(200);
  return { room, author, reader };
}

const followed = async (agent: Agent, threadId: string) => ((await agent.get(`/api/threads/${threadId}`).expect(200)).body as ThreadDetail).followed;

describe('following threads', () => {
  it('starting a thread or replying to it follows it; following and unfollowing by choice, idempotently', async () => {
    const { room, author, reader } = await roomWithMembers();
    const thread = await createThread(author.agent, room.id);
    expect(thread.followed).toBe(true);
    expect(await followed(reader.agent, thread.id)).toBe(false);

    await reply(reader.agent, thread.id);
    expect(await followed(reader.agent, thread.id)).toBe(true);
    const listed = ((await reader.agent.get(`/api/rooms/${room.id}/threads`).expect(200)).body.items as ThreadSummary[]).find((i) => i.id === thread.id);
    expect(listed?.followed).toBe(true);

    await reader.agent.delete(`/api/threads/${thread.id}/follow`).expect(204);
    await reader.agent.delete(`/api/threads/${thread.id}/follow`).expect(204);
    expect(await followed(reader.agent, thread.id)).toBe(false);
    await reader.agent.put(`/api/threads/${thread.id}/follow`).expect(204);
    await reader.agent.put(`/api/threads/${thread.id}/follow`).expect(204);
    expect(await followed(reader.agent, thread.id)).toBe(true);
  });

  it('a held reply does not follow yet; outsiders cannot follow (404, as for a thread that does not exist)', async () => {
    const room = await createRoom(admin, { premoderateFirstPosts: 1 });
    const author = await registerMember(t);
    await join(author.agent, room.id).expect(200);
    const thread = await createThread(admin, room.id);
    await reply(author.agent, thread.id);
    expect(await followed(author.agent, thread.id)).toBe(false);

    const outsider = await registerMember(t);
    const hidden = await createRoom(admin, { visibility: 'hidden', joinPolicy: 'invite' });
    const secret = await createThread(admin, hidden.id);
    const unknown = await outsider.agent.put(`/api/threads/${secret.id}/follow`);
    const missing = await outsider.agent.put('/api/threads/00000000-0000-4000-8000-000000000000/follow');
    expectApiError(unknown, 404);
    expect(unknown.body.code).toBe(missing.body.code);
    expectApiError(await outsider.agent.put('/api/threads/not-an-id/follow'), 400);
  });

  it('account deletion takes the member’s follows with it', async () => {
    const { room, author } = await roomWithMembers();
    await createThread(author.agent, room.id);
    const count = async () => Number((await t.query<{ n: string }>('SELECT count(*) AS n FROM thread_follows WHERE user_id = $1', [author.user.id]))[0]!.n);
    expect(await count()).toBe(1);
    await author.agent.delete('/api/me').send({ password: GOOD_PASSWORD, eraseContent: false }).expect(204);
    expect(await count()).toBe(0);
  });
});
