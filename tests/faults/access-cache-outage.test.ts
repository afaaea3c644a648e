/**
 * Fault: Redis lost while two instances cache access decisions. An instance that cannot hear
 * the others' invalidations must not answer from its cache: a mute made on instance one
 * while Redis is down still refuses the next send on instance two, and when Redis returns
 * the caches start again from empty.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DomainEvents } from '../../apps/api/src/common/events/domain-events.js';
import { EventRelay } from '../../apps/api/src/common/events/event-relay.js';
import { createRoom, join, memberWithRole } from '../support/forum.js';
import { connectedChat, memberSession, request, startListeningApp, waitFor, type ChatClient, type ListeningApp } from '../support/realtime.js';
import { redisAvailable, startOwnRedis, type TestRedis } from '../support/redis-server.js';

let redis: TestRedis;
let one: ListeningApp;
let two: ListeningApp;
const sockets: ChatClient[] = [];

const maybe = redisAvailable() ? describe : describe.skip;

maybe('cached access decisions while Redis is away', () => {
  beforeAll(async () => {
    redis = await startOwnRedis();
    one = await startListeningApp({ REDIS_URL: redis.url });
    two = await startListeningApp({ REDIS_URL: redis.url }, one.db.url);
    await waitFor(() => one.get(EventRelay).linked && two.get(EventRelay).linked, 10_000, 'both instances subscribed');
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await two?.close();
    await one?.close();
    await redis?.stop();
  });

  it('reads afresh while the link is down, and starts empty when it is back', async () => {
    const admin = await memberWithRole(one, 'admin');
    const room = await createRoom(admin.agent);
    const member = await memberSession(one, 'outage');
    await join(member.agent, room.id).expect(200);
    const socket = await connectedChat(two.baseUrl, member.token);
    sockets.push(socket);
    expect(await request(socket, 'chat:join', { roomId: room.id })).toMatchObject({ ok: true });
    const send = () => request<{ ok: boolean; code?: string }>(socket, 'message:send', { roomId: room.id, clientId: randomUUID(), body: `words ${randomUUID()}` }, 10_000);
    expect((await send()).ok).toBe(true);

    // Control: with the link up, instance two answers from its cache, so a mute written behind
    // the application's back (no event) goes unnoticed. What follows is the cache switching off.
    const [{ id: unannounced }] = await one.query<{ id: string }>(
      `INSERT INTO member_sanctions (user_id, room_id, kind, reason, created_by, expires_at) VALUES ($1, $2, 'mute', 'x', $3, now() + interval '1 hour') RETURNING id`,
      [member.user.id, room.id, admin.user.id],
    );
    expect((await send()).ok).toBe(true);
    await one.query('DELETE FROM member_sanctions WHERE id = $1', [unannounced]);

    redis.child!.kill('SIGKILL');
    await waitFor(() => !two.get(EventRelay).linked && !one.get(EventRelay).linked, 10_000, 'both instances notice the lost link');

    await admin.agent.post(`/api/moderation/member/${member.user.id}/actions`).send({ action: 'mute', reason: 'Cooling off', roomId: room.id, durationMinutes: 30 }).expect(200);
    expect(await send()).toMatchObject({ ok: false, code: 'MUTED' });

    redis = await startOwnRedis(redis.port);
    await waitFor(() => one.get(EventRelay).linked && two.get(EventRelay).linked, 15_000, 'both instances linked again');
    // The mute Redis could not take is sent again once it is back: instance two may hear it now.
    await waitFor(() => one.get(EventRelay).allSent, 5_000, 'the mute announced again');
    expect(await send()).toMatchObject({ ok: false, code: 'MUTED' });

    const [{ id: muteId }] = await one.query<{ id: string }>('SELECT id FROM member_sanctions WHERE user_id = $1 AND lifted_at IS NULL', [member.user.id]);
    const heard = new Promise<void>((resolve) =>
      two.get(DomainEvents).on('member.sanctioned', ({ sanctionId, change }) => {
        if (sanctionId === muteId && change === 'lifted') resolve();
      }),
    );
    await admin.agent.post(`/api/moderation/member/${member.user.id}/actions`).send({ action: 'lift', reason: 'Talked it through', roomId: room.id, sanctionId: muteId }).expect(200);
    await heard;
    expect((await send()).ok).toBe(true);
  });
});
