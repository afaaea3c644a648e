/**
 * Fault: Redis SIGKILLed while two instances have thousands of Socket.IO broadcasts in flight,
 * and left down while both close. The Redis adapter publishes without awaiting, so every
 * command node-redis held at that moment (sent, queued while offline, or the adapter's own
 * unsubscribes on close) is rejected by node-redis; none of those rejections may go unhandled
 * (that is exit code 1 or a crash in production), and closing must not wait for a Redis that
 * is not coming back. This test's own redis-server, never the shared one.
 *
 * How a rejection is caught: Jest (jest-circus 30) takes the worker's real 'unhandledRejection'
 * events for itself (a listener added here goes on the sandbox's `process` and never hears
 * one) and fails the test, or the file ("failed to run"), for each that stays unhandled. So
 * everything from starting the apps to closing them happens inside the test, which waits a
 * moment after closing for rejections flushed by the close to surface.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from '@jest/globals';
import { DomainEvents } from '../../apps/api/src/common/events/domain-events.js';
import { EventRelay } from '../../apps/api/src/common/events/event-relay.js';
import { connectedChat, memberSession, record, settle, startListeningApp, waitFor, type ChatClient, type ListeningApp } from '../support/realtime.js';
import { redisAvailable, startOwnRedis, type TestRedis } from '../support/redis-server.js';

const BROADCASTS = 2_000;
const BATCH = 20;
const CLOSE_WITHIN_MS = 10_000;

let redis: TestRedis;
let one: ListeningApp;
let two: ListeningApp;
const sockets: ChatClient[] = [];
let closing: Promise<unknown> | undefined;

/** A server-side broadcast to one member's channel: through the Redis adapter to every instance. */
function notify(app: ListeningApp, userId: string, text: string): void {
  app.get(DomainEvents).emit('notification.created', { userId, notification: { id: randomUUID(), text } as never });
}

const maybe = redisAvailable() ? describe : describe.skip;

maybe('Redis killed mid-broadcast and down while the instances close', () => {
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    // Only when the test failed before closing both (a hung close is given a bounded wait).
    if (!closing) closing = Promise.allSettled([two?.app.close(), one?.app.close()]);
    await Promise.race([closing, settle(30_000)]);
    // SIGKILL, not stop(): a test that failed between SIGSTOP and SIGKILL left it frozen.
    if (redis?.child && redis.child.exitCode === null && !redis.child.signalCode) redis.child.kill('SIGKILL');
    await one?.db.drop();
  }, 45_000);

  it('leaves no unhandled rejection and closes promptly, after delivering normally while Redis was up', async () => {
    // Started here, not in beforeAll: Jest charges a rejection to the test or hook whose async
    // context made the promise, and the Redis connections' context is where the apps started.
    redis = await startOwnRedis();
    one = await startListeningApp({ REDIS_URL: redis.url });
    two = await startListeningApp({ REDIS_URL: redis.url }, one.db.url);
    await waitFor(() => one.get(EventRelay).linked && two.get(EventRelay).linked, 10_000, 'both instances subscribed');
    const member = await memberSession(one, 'midbroadcast');
    const socket = await connectedChat(two.baseUrl, member.token);
    sockets.push(socket);
    const inbox = record<{ text: string }>(socket, 'notification');

    // Control: with Redis up, a broadcast on instance one reaches a socket on instance two.
    notify(one, member.user.id, 'across');
    await waitFor(() => inbox.some((n) => n.text === 'across'), 5_000, 'cross-instance delivery');

    // Broadcasts from both instances in small batches, a millisecond apart. A quarter of the
    // way through Redis is frozen (SIGSTOP), so what follows is written and left unanswered;
    // half way it is SIGKILLed with those in flight, and the rest go out while it is gone.
    // (The pauses let node-redis write what it holds, as it would under a steady load.)
    const exited = new Promise((resolve) => redis.child!.once('exit', resolve));
    const batches = BROADCASTS / BATCH;
    for (let b = 0; b < batches; b += 1) {
      if (b === batches / 4) {
        await settle(100);
        redis.child!.kill('SIGSTOP');
      }
      if (b === batches / 2) {
        await settle(200);
        redis.child!.kill('SIGKILL');
      }
      for (let i = 0; i < BATCH; i += 1) {
        notify(one, member.user.id, `burst ${b}.${i}`);
        notify(two, member.user.id, `burst ${b}.${i}`);
      }
      await settle(1);
    }
    await exited;
    // While it stays down: broadcasts go on, and an announcement other instances must hear
    // is attempted.
    await settle(300);
    for (let i = 0; i < 200; i += 1) {
      notify(one, member.user.id, `down ${i}`);
      notify(two, member.user.id, `down ${i}`);
    }
    await one.get(DomainEvents).announce('preferences.changed', { userId: member.user.id });
    await settle(500);

    socket.disconnect();
    const started = Date.now();
    closing = Promise.allSettled([two.app.close(), one.app.close()]);
    const outcome = await Promise.race([closing.then(() => 'closed'), settle(CLOSE_WITHIN_MS).then(() => 'still closing')]);
    const tookMs = Date.now() - started;
    // Rejections flushed by the close surface a few ticks later (Jest fails the test for each).
    await settle(300);

    expect(outcome).toBe('closed');
    process.stdout.write(`\nredis killed mid-broadcast: ${BROADCASTS * 2} broadcasts, both instances closed in ${tookMs} ms with Redis down\n`);
  }, 30_000);
});
