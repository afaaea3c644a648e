import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NotificationView } from '@kindred/contracts';
import { Clock } from '../../apps/api/src/common/clock.js';
import { SessionReminders } from '../../apps/api/src/support-sessions/session-reminders.js';
import { join } from '../support/forum.js';
import { connectedChat, memberSession, record, settle, startListeningApp, waitFor, type ChatClient, type ListeningApp } from '../support/realtime.js';
import { redisAvailable, testRedis, type TestRedis } from '../support/redis-server.js';
import { scheduleSession, utcWallTime } from '../support/support-sessions.js';

let redis: TestRedis | undefined;
let one: ListeningApp;
let two: ListeningApp;
const sockets: ChatClient[] = [];

beforeAll(async () => {
  redis = await testRedis();
  if (!redis) return;
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

/** Both instances' clocks moved together, as real time would move them. */
const advanceBoth = (ms: number) => {
  one.get(Clock).advance(ms);
  two.get(Clock).advance(ms);
};
const sendDueOnBoth = () => Promise.all([one.get(SessionReminders).sendDue(), two.get(SessionReminders).sendDue()]);

describe('session reminders, 15 minutes before, across two instances', () => {
  scaleOut()('each member with an RSVP gets one reminder per occurrence, however many instances look', async () => {
    const admin = await memberSession(one, 'admin');
    await one.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [admin.user.id]);
    const room = (await admin.agent.post('/api/rooms').send({ slug: `reminders-${Date.now().toString(36)}`, name: 'Reminders', description: '', guidelines: 'Be kind.', visibility: 'listed', joinPolicy: 'open' }).expect(201)).body as { id: string };
    const facilitator = await memberSession(one, 'facilitator');
    await admin.agent.put(`/api/rooms/${room.id}/moderators`).send({ userId: facilitator.user.id }).expect(204);
    const alice = await memberSession(one);
    const bob = await memberSession(two);
    const carol = await memberSession(two);
    for (const m of [alice, bob, carol]) await join(m.agent, room.id).expect(200);

    // A weekly session an hour from now (two occurrences); Alice and Bob RSVP, Carol does not.
    const start = one.get(Clock).now().getTime() + 60 * 60_000;
    const session = await scheduleSession(facilitator.agent, room.id, { localStart: utcWallTime(start), timeZone: 'UTC', weeks: 2, durationMinutes: 30 });
    await alice.agent.put(`/api/rooms/${room.id}/sessions/${session.id}/rsvp`).expect(200);
    await bob.agent.put(`/api/rooms/${room.id}/sessions/${session.id}/rsvp`).expect(200);

    const bobSocket = await connectedChat(one.baseUrl, bob.token);
    sockets.push(bobSocket);
    const bobLive = record<NotificationView>(bobSocket, 'notification');

    const startsAt = new Date(session.occurrences[0]!.startsAt).getTime();
    const toWindow = startsAt - 16 * 60_000 - one.get(Clock).now().getTime();
    advanceBoth(toWindow);
    // 16 minutes before: nothing is due yet.
    expect(await sendDueOnBoth()).toEqual([0, 0]);
    advanceBoth(2 * 60_000);
    // Both instances look at the same moment, twice: two reminders in all.
    const first = await sendDueOnBoth();
    const again = await sendDueOnBoth();
    expect(first[0] + first[1]).toBe(2);
    expect(again).toEqual([0, 0]);

    const remindersOf = async (agent: typeof alice.agent) =>
      ((await agent.get('/api/me/notifications').expect(200)).body as NotificationView[]).filter((n) => n.code === 'session.reminder');
    const aliceNotices = await remindersOf(alice.agent);
    expect(aliceNotices).toHaveLength(1);
    expect(aliceNotices[0]).toMatchObject({ kind: 'session-reminder', params: { title: session.title, startsAt: session.occurrences[0]!.startsAt } });
    expect(await remindersOf(bob.agent)).toHaveLength(1);
    expect(await remindersOf(carol.agent)).toHaveLength(0);
    // Bob hears it live once, on the instance his socket is on, whichever instance claimed it.
    await waitFor(() => bobLive.some((n) => n.code === 'session.reminder'), 5_000, 'live reminder');
    await settle(300);
    expect(bobLive.filter((n) => n.code === 'session.reminder')).toHaveLength(1);

    // Once the session has started there is nothing to remind; the next week's occurrence gets its own.
    advanceBoth(20 * 60_000);
    expect(await sendDueOnBoth()).toEqual([0, 0]);
    advanceBoth(7 * 24 * 60 * 60_000 - 20 * 60_000);
    const secondWeek = await Promise.all([sendDueOnBoth(), sendDueOnBoth()]);
    expect(secondWeek.flat().reduce((a, b) => a + b, 0)).toBe(2);
    const [{ count }] = await one.query<{ count: string }>('SELECT count(*) FROM support_session_reminders WHERE session_id = $1', [session.id]);
    expect(Number(count)).toBe(4);
  });
});
