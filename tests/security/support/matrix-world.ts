import { randomUUID } from 'node:crypto';
import { expect } from '@jest/globals';
import { createRoom, join } from '../../support/forum.js';
import { connectedChat, memberSession, request, type ListeningApp } from '../../support/realtime.js';
import type { Actor } from '../authorization-matrix.table.js';
import { SqlFixtures } from './sql-fixtures.js';

export interface WorldUser {
  id: string;
  handle: string;
  /** The cookie token the account got at registration (for `banned`: the one the ban revoked). */
  token: string;
}

export interface WorldRoom {
  id: string;
  slug: string;
}

/** What a cell acts on: room A's content for everyone, room H's for `privateOutsider`. */
export interface Target {
  room: WorldRoom;
  author: WorldUser;
  threadId: string;
  postId: string;
  messageId: string;
  queueItemId: string;
}

export interface World {
  t: ListeningApp;
  fx: SqlFixtures;
  actors: Record<Exclude<Actor, 'anonymous'>, WorldUser>;
  /** Not an actor: writes the content, blocks `blocked`, spare logins. */
  author: WorldUser;
  authorH: WorldUser;
  spare: WorldUser;
  rooms: { A: WorldRoom; B: WorldRoom; H: WorldRoom };
  targets: { A: Target; H: Target };
}

export const targetOf = (world: World, actor: Actor): Target => (actor === 'privateOutsider' ? world.targets.H : world.targets.A);

async function account(t: ListeningApp, prefix: string): Promise<WorldUser & { agent: Awaited<ReturnType<typeof memberSession>>['agent'] }> {
  const s = await memberSession(t, prefix);
  return { id: s.user.id, handle: s.handle, token: s.token, agent: s.agent };
}

/**
 * One world for the whole matrix, built through the real API wherever the API can do it
 * (rooms, moderators, content, blocks, sanctions), so the sanctions are real ones.
 */
export async function buildWorld(t: ListeningApp): Promise<World> {
  const fx = new SqlFixtures(t);
  const admin = await account(t, 'admin');
  await t.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [admin.id]);
  const globalModerator = await account(t, 'globalmod');
  await t.query(`UPDATE users SET role = 'moderator' WHERE id = $1`, [globalModerator.id]);
  await fx.usePasswordHashOf(admin.id);

  const A = await createRoom(admin.agent, { name: 'Room A', description: 'Room A for the matrix.', visibility: 'listed', joinPolicy: 'invite' });
  const B = await createRoom(admin.agent, { name: 'Room B', visibility: 'listed', joinPolicy: 'open' });
  const H = await createRoom(admin.agent, { name: 'Room H', visibility: 'hidden', joinPolicy: 'invite' });

  const names = ['member', 'otherRoomMember', 'privateOutsider', 'muted', 'suspended', 'banned', 'blocked', 'otherRoomModerator', 'roomModerator'] as const;
  const people = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await account(t, n.toLowerCase().slice(0, 12))] as const))) as Record<
    (typeof names)[number],
    Awaited<ReturnType<typeof account>>
  >;
  const author = await account(t, 'author');
  const authorH = await account(t, 'authorh');
  const spare = await account(t, 'spare');

  // Memberships of the invite-only rooms: through an invite, as a real member would join.
  const invite = (await admin.agent.post(`/api/rooms/${A.id}/invites`).send({ expiresInHours: 1, maxUses: 100 }).expect(201)).body as { code: string };
  for (const who of [people.member, people.privateOutsider, people.muted, people.suspended, people.banned, people.blocked, author]) {
    await join(who.agent, A.id, { inviteCode: invite.code }).expect(200);
  }
  await join(people.otherRoomMember.agent, B.id).expect(200);
  await admin.agent.put(`/api/rooms/${A.id}/moderators`).send({ userId: people.roomModerator.id }).expect(204);
  await admin.agent.put(`/api/rooms/${B.id}/moderators`).send({ userId: people.otherRoomModerator.id }).expect(204);
  // A hidden room cannot be joined even with an invite code (AccessService refuses RoomJoin
  // before the code is looked at; tests/integration/rooms.test.ts pins that), so: SQL.
  await fx.member(H.id, authorH.id);

  // Content in A and H, through the API.
  const content = async (who: typeof author, room: WorldRoom) => {
    const thread = (await who.agent.post(`/api/rooms/${room.id}/threads`).send({ title: 'How do you ground yourself?', body: 'Breathing helps me.' }).expect(201)).body as {
      id: string;
      firstPost: { id: string };
    };
    await who.agent.post(`/api/threads/${thread.id}/posts`).send({ body: 'A second thought.' }).expect(201);
    const socket = await connectedChat(t.baseUrl, who.token);
    try {
      expect(await request(socket, 'chat:join', { roomId: room.id })).toMatchObject({ ok: true });
      const sent = await request<{ ok: boolean; message: { id: string } }>(socket, 'message:send', { roomId: room.id, clientId: randomUUID(), body: 'Hello, everyone.' });
      expect(sent.ok).toBe(true);
      return { threadId: thread.id, postId: thread.firstPost.id, messageId: sent.message.id };
    } finally {
      socket.disconnect();
    }
  };
  const inA = await content(author, A);
  const inH = await content(authorH, H);

  // A report in each room puts an item in its queue.
  await people.member.agent.post('/api/reports').send({ targetType: 'post', targetId: inA.postId, category: 'other' }).expect(201);
  const queueA = (await admin.agent.get('/api/moderation/queue').expect(200)).body as { id: string; roomId: string }[];
  await authorH.agent.post('/api/reports').send({ targetType: 'message', targetId: inH.messageId, category: 'other' }).expect(201);
  const queueAll = (await admin.agent.get('/api/moderation/queue').expect(200)).body as { id: string; roomId: string }[];

  // The block and the sanctions, through the API.
  await author.agent.post('/api/me/blocks').send({ handle: people.blocked.handle }).expect(201);
  const act = (agent: typeof admin.agent, userId: string, body: Record<string, unknown>) => agent.post(`/api/moderation/member/${userId}/actions`).send(body).expect(200);
  await act(people.roomModerator.agent, people.muted.id, { action: 'mute', reason: 'Cooling off for the matrix', roomId: A.id, durationMinutes: 7 * 24 * 60 });
  await act(globalModerator.agent, people.suspended.id, { action: 'suspend', reason: 'Suspended for the matrix', durationMinutes: 7 * 24 * 60 });
  await act(globalModerator.agent, people.banned.id, { action: 'ban', reason: 'Banned for the matrix' });
  // The ban revokes the member's sessions after its transaction commits.
  for (let i = 0; i < 50 && (await t.http.get('/api/auth/me').set('Cookie', `kindred_session=${people.banned.token}`)).body.user !== null; i += 1) {
    await new Promise((r) => setTimeout(r, 20));
  }

  const strip = ({ id, handle, token }: WorldUser): WorldUser => ({ id, handle, token });
  const actors = {
    ...(Object.fromEntries(Object.entries(people).map(([k, v]) => [k, strip(v)])) as Record<(typeof names)[number], WorldUser>),
    globalModerator: strip(globalModerator),
    admin: strip(admin),
  };
  return {
    t,
    fx,
    actors,
    author: strip(author),
    authorH: strip(authorH),
    spare: strip(spare),
    rooms: { A, B, H },
    targets: {
      A: { room: A, author: strip(author), ...inA, queueItemId: queueA.find((q) => q.roomId === A.id)!.id },
      H: { room: H, author: strip(authorH), ...inH, queueItemId: queueAll.find((q) => q.roomId === H.id)!.id },
    },
  };
}
