/**
 * Budgets over two instances joined by one Redis (this file's own redis-server, so the last
 * test can pause it): an address or a member gets one budget, not one per replica. Before
 * SharedLimits, each instance counted alone and every budget below was doubled. (A Redis that
 * drops its connections is tests/faults/redis-outage.test.ts: REST keeps answering there.)
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createClient } from 'redis';
import { GOOD_PASSWORD, uniqueHandle } from '../support/accounts.js';
import { expectApiError } from '../support/error-shape.js';
import { createRoom } from '../support/forum.js';
import { connectedChat, request, settle, startListeningApp, type ChatClient, type ListeningApp } from '../support/realtime.js';
import { redisAvailable, startOwnRedis, type TestRedis } from '../support/redis-server.js';
import { SqlFixtures } from '../security/support/sql-fixtures.js';

const PER_MINUTE = 10;
const SENSITIVE_PER_HOUR = 4;
const REPORTS_PER_HOUR = 3;
const CHAT_PER_SECOND = 2;
/** Chat sends are counted per member over 5-second windows. */
const CHAT_PER_WINDOW = CHAT_PER_SECOND * 5;
const PAUSE_MS = 5_000;

let redis: TestRedis;
let one: ListeningApp;
let two: ListeningApp;
let fx: SqlFixtures;

/** With TRUST_PROXY, each scenario is its own client address, so setup never spends its budget. */
let addressCounter = 0;
const newAddress = () => `198.51.100.${(addressCounter += 1)}`;

/** Alternates instances: one, two, one, two… */
const instance = (i: number) => (i % 2 === 0 ? one : two);

const maybe = redisAvailable() ? describe : describe.skip;

maybe('budgets shared by two instances through Redis', () => {
  beforeAll(async () => {
    redis = await startOwnRedis();
    const env = {
      REDIS_URL: redis.url,
      TRUST_PROXY: 'true',
      RATE_LIMIT_PER_MINUTE: String(PER_MINUTE),
      REGISTER_LIMIT_PER_HOUR: String(SENSITIVE_PER_HOUR),
      REPORT_LIMIT_PER_HOUR: String(REPORTS_PER_HOUR),
      CHAT_MESSAGES_PER_SECOND: String(CHAT_PER_SECOND),
    };
    one = await startListeningApp(env);
    two = await startListeningApp(env, one.db.url);
    fx = new SqlFixtures(one);
    const first = await one.http.post('/api/auth/register').set('X-Forwarded-For', newAddress()).send({ handle: uniqueHandle('seed'), password: GOOD_PASSWORD }).expect(201);
    await fx.usePasswordHashOf(first.body.id);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([two?.close(), one?.close()].map((p) => p?.catch(() => undefined)));
    await redis?.stop();
  }, 60_000);

  it(`HTTP: ${PER_MINUTE} requests a minute per address, spread over both instances, then 429 on either`, async () => {
    const address = newAddress();
    for (let i = 0; i < PER_MINUTE; i += 1) await instance(i).http.get('/api/rooms').set('X-Forwarded-For', address).expect(200);
    for (const app of [one, two]) expectApiError(await app.http.get('/api/rooms').set('X-Forwarded-For', address), 429, 'RATE_LIMITED');
    // Another address still has its whole budget.
    await two.http.get('/api/rooms').set('X-Forwarded-For', newAddress()).expect(200);
  });

  it(`registration: ${SENSITIVE_PER_HOUR} accounts an hour per address across instances, then 429 on either`, async () => {
    const address = newAddress();
    const register = (i: number) => instance(i).http.post('/api/auth/register').set('X-Forwarded-For', address).send({ handle: uniqueHandle('shared'), password: GOOD_PASSWORD });
    for (let i = 0; i < SENSITIVE_PER_HOUR; i += 1) expect((await register(i)).status).toBe(201);
    for (const i of [0, 1]) {
      const refused = await register(i);
      expectApiError(refused, 429, 'RATE_LIMITED');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    }
  });

  // Reports have no budget of their own per address (the global one above covers them); the
  // per-member limit was counted in PostgreSQL already, so it was shared before SharedLimits too.
  it(`reports: ${REPORTS_PER_HOUR} an hour per member whichever instance and address (counted in PostgreSQL)`, async () => {
    const reporter = await fx.user('rep');
    const cookie = `kindred_session=${await fx.session(reporter.id)}`;
    const report = async (i: number) => {
      const target = await fx.user('tgt');
      return instance(i).http.post('/api/reports').set('X-Forwarded-For', newAddress()).set('Cookie', cookie).send({ targetType: 'member', targetId: target.id, category: 'other' });
    };
    for (let i = 0; i < REPORTS_PER_HOUR; i += 1) expect((await report(i)).status).toBe(201);
    for (const i of [0, 1]) expectApiError(await report(i), 429, 'REPORT_LIMIT');
  });

  it(`chat: ${CHAT_PER_WINDOW} sends per member per window across sockets on both instances, then RATE_LIMITED on either`, async () => {
    const owner = await fx.user('owner', 'admin');
    const room = await createRoom(one.agent().set('X-Forwarded-For', newAddress()).set('Cookie', `kindred_session=${await fx.session(owner.id)}`));
    const talker = await fx.user('talker');
    await fx.member(room.id, talker.id);
    const onOne = await connectedChat(one.baseUrl, await fx.session(talker.id));
    const onTwo = await connectedChat(two.baseUrl, await fx.session(talker.id));
    for (const s of [onOne, onTwo]) expect(await request(s, 'chat:join', { roomId: room.id })).toMatchObject({ ok: true });
    const send = (socket: ChatClient, body: string) => request<{ ok: boolean; code?: string }>(socket, 'message:send', { roomId: room.id, clientId: randomUUID(), body });

    // At once, so that all fall in one 5-second window even on a slow machine.
    const acks = await Promise.all(Array.from({ length: CHAT_PER_WINDOW }, (_, i) => send(i % 2 === 0 ? onOne : onTwo, `shared budget ${i}`)));
    expect(acks.every((a) => a.ok)).toBe(true);
    for (const socket of [onOne, onTwo]) expect(await send(socket, 'one too many')).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    const [{ n }] = await one.query<{ n: number }>('SELECT count(*)::int AS n FROM chat_messages WHERE author_id = $1', [talker.id]);
    expect(n).toBe(CHAT_PER_WINDOW);
    onOne.disconnect();
    onTwo.disconnect();
  });

  it('with Redis hanging, each instance falls back to its own in-memory budget at once: never a 500, never a wait', async () => {
    const admin = createClient({ url: redis.url });
    await admin.connect();
    try {
      // Redis stops answering every client (a hung server, the case a dropped connection
      // does not reveal): each hit gives up on Redis after 500 ms and counts locally.
      await admin.sendCommand(['CLIENT', 'PAUSE', String(PAUSE_MS), 'ALL']);
      const pausedAt = Date.now();
      const address = newAddress();
      const burst = (app: ListeningApp) => Promise.all(Array.from({ length: PER_MINUTE + 1 }, () => app.http.get('/api/rooms').set('X-Forwarded-For', address)));
      const [onOne, onTwo] = await Promise.all([burst(one), burst(two)]);
      expect(Date.now() - pausedAt).toBeLessThan(PAUSE_MS);
      for (const responses of [onOne, onTwo]) {
        // Each instance counts alone now: a full budget on each, then 429.
        const statuses = responses.map((r) => r.status).sort();
        expect(statuses).toEqual([...Array<number>(PER_MINUTE).fill(200), 429]);
        expectApiError(responses.find((r) => r.status === 429)!, 429, 'RATE_LIMITED');
      }
      await settle(PAUSE_MS - (Date.now() - pausedAt) + 100);
      // Redis answers again: one budget for both instances once more.
      const next = newAddress();
      for (let i = 0; i < PER_MINUTE; i += 1) await instance(i).http.get('/api/rooms').set('X-Forwarded-For', next).expect(200);
      expectApiError(await one.http.get('/api/rooms').set('X-Forwarded-For', next), 429, 'RATE_LIMITED');
    } finally {
      await admin.quit();
    }
  }, 30_000);
});
