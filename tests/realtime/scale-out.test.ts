import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChatMessageView, PresenceView } from '@kindred/contracts';
import { createRoom, join } from '../support/forum.js';
import { connectedChat, memberSession, record, request, startListeningApp, waitFor, type ChatClient, type ListeningApp } from '../support/realtime.js';
import { redisAvailable, testRedis, type TestRedis } from '../support/redis-server.js';

let redis: TestRedis | undefined;
let one: ListeningApp;
let two: ListeningApp;
const sockets: ChatClient[] = [];

beforeAll(async () => {
  redis = await testRedis();
  if (!redis) {
    process.stdout.write('scale-out: no REDIS_URL and no redis-server binary; nothing to join the instances with.\n');
    return;
  }
  one = await startListeningApp({ REDIS_URL: redis.url });
  two = await startListeningApp({ REDIS_URL: redis.url }, one.db.url);
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await two?.close();
  await one?.close();
  await redis?.stop();
});

// Skips only where there is neither a REDIS_URL nor a redis-server binary (CI installs one).
const scaleOut = () => (redisAvailable() ? it : it.skip);

describe('two API instances joined by the Redis adapter', () => {
  scaleOut()('deliver a message sent on one to a member on the other, and share presence', async () => {
    const admin = await memberSession(one, 'admin');
    await one.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [admin.user.id]);
    const room = await createRoom(admin.agent);
    const alice = await memberSession(one);
    const bob = await memberSession(two);
    await join(alice.agent, room.id).expect(200);
    await join(bob.agent, room.id).expect(200);

    const aliceSocket = await connectedChat(one.baseUrl, alice.token);
    const bobSocket = await connectedChat(two.baseUrl, bob.token);
    sockets.push(aliceSocket, bobSocket);
    const alicePresence = record<PresenceView>(aliceSocket, 'presence');
    await request(aliceSocket, 'chat:join', { roomId: room.id });
    const bobJoin = await request<{ presence: PresenceView }>(bobSocket, 'chat:join', { roomId: room.id });
    expect(bobJoin.presence.members.map((m) => m.handle).sort()).toEqual([alice.handle, bob.handle].sort());
    await waitFor(() => alicePresence.some((p) => p.count === 2), 5_000, 'presence on instance one');

    const bobInbox = record<ChatMessageView>(bobSocket, 'message:new');
    const aliceInbox = record<ChatMessageView>(aliceSocket, 'message:new');
    const sent = await request<{ ok: boolean; message: ChatMessageView }>(aliceSocket, 'message:send', { roomId: room.id, clientId: randomUUID(), body: 'across instances' });
    expect(sent.ok).toBe(true);
    await waitFor(() => bobInbox.length === 1, 5_000, 'cross-instance delivery');
    expect(bobInbox[0]!.id).toBe(sent.message.id);
    await request(bobSocket, 'message:send', { roomId: room.id, clientId: randomUUID(), body: 'and back' });
    await waitFor(() => aliceInbox.some((m) => m.body === 'and back'), 5_000, 'reverse delivery');

    // A revocation handled by instance one closes the socket held by instance two.
    const ended = new Promise<void>((resolve) => bobSocket.once('disconnect', () => resolve()));
    await one.http.post('/api/auth/logout').set('Cookie', `kindred_session=${bob.token}`).expect(204);
    await ended;
    await waitFor(() => alicePresence.at(-1)?.count === 1, 5_000, 'presence after the other instance lost its member');
  });
});
