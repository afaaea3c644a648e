import type { CreateRoomRequest, PostView, ThreadDetail } from '@kindred/contracts';
import { expect } from '@jest/globals';
import { registerMember, uniqueHandle } from './accounts.js';
import type { TestApp } from './test-app.js';

export type Agent = ReturnType<TestApp['agent']>;

let roomCounter = 0;

/** A registered member promoted to a site role directly in the database. */
export async function memberWithRole(t: TestApp, role: 'admin' | 'moderator', prefix: string = role) {
  const member = await registerMember(t, uniqueHandle(prefix));
  await t.query('UPDATE users SET role = $2 WHERE id = $1', [member.user.id, role]);
  return member;
}

export async function createRoom(admin: Agent, overrides: Partial<CreateRoomRequest> = {}) {
  roomCounter += 1;
  const res = await admin
    .post('/api/rooms')
    .send({
      slug: `room-${roomCounter}-${Date.now().toString(36)}`,
      name: `Test room ${roomCounter}`,
      description: 'A room for tests.',
      guidelines: 'Be kind. **Use content warnings.**',
      visibility: 'listed',
      joinPolicy: 'open',
      ...overrides,
    });
  expect(res.status).toBe(201);
  return res.body as { id: string; slug: string };
}

/** A room made by an admin, with `count` new members appointed as its moderators. */
export async function roomWithModerators(t: TestApp, admin: Agent, settings: Partial<CreateRoomRequest> = {}, count = 1) {
  const room = await createRoom(admin, settings);
  const moderators = [];
  for (let i = 0; i < count; i += 1) {
    const moderator = await registerMember(t);
    await admin.put(`/api/rooms/${room.id}/moderators`).send({ userId: moderator.user.id }).expect(204);
    moderators.push(moderator);
  }
  return { room, moderators };
}

export function join(agent: Agent, roomId: string, extra: Record<string, unknown> = {}) {
  return agent.post(`/api/rooms/${roomId}/join`).send({ acceptGuidelines: true, ...extra });
}

/** Default words differ per call: the same words twice from one member count as a resend. */
let wordsCounter = 0;
const distinctWords = (text: string) => `${text} (${(wordsCounter += 1)})`;

export async function createThread(agent: Agent, roomId: string, body: Record<string, unknown> = {}) {
  const res = await agent.post(`/api/rooms/${roomId}/threads`).send({ title: 'A thread', body: distinctWords('Some words.'), ...body });
  expect(res.status).toBe(201);
  return res.body as ThreadDetail;
}

export async function reply(agent: Agent, threadId: string, body: Record<string, unknown> = {}) {
  const res = await agent.post(`/api/threads/${threadId}/posts`).send({ body: distinctWords('A reply.'), ...body });
  expect(res.status).toBe(201);
  return res.body as PostView;
}

/** Follows nextCursor to the end, running `between` after each page (to write concurrently). */
export async function collectPages<T extends { id: string }>(
  agent: Agent,
  url: string,
  between: (page: number) => Promise<void> = async () => undefined,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 100; page += 1) {
    const separator = url.includes('?') ? '&' : '?';
    const res = await agent.get(cursor ? `${url}${separator}cursor=${encodeURIComponent(cursor)}` : url);
    expect(res.status).toBe(200);
    items.push(...(res.body.items as T[]));
    cursor = res.body.nextCursor;
    if (!cursor) return items;
    await between(page);
  }
  throw new Error('pagination did not end');
}
