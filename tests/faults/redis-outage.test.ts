/**
 * Fault (b): Redis lost between two API instances (this test's own redis-server and its own
 * PostgreSQL). Each instance must keep serving its own clients, and cross-instance delivery
 * must come back by itself when Redis returns. See postgres-outage.test.ts for the list.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChatMessageView } from '@kindred/contracts';
import { GOOD_PASSWORD, uniqueHandle } from '../support/accounts.js';
import { sessionCookie } from '../support/cookies.js';
import { connectedChat, record, request, startListeningApp, waitFor, type ChatClient, type ListeningApp } from '../support/realtime.js';
import { findFreePort } from '../support/ports.js';
import { redisAvailable, startOwnRedis, type TestRedis } from '../support/redis-server.js';
import { API_MAIN, childEnv, requireBuild, startProcess, type RunningProcess } from '../support/server-process.js';
import { startOwnPostgres, type OwnPostgres } from './support/own-postgres.js';

let ownPg: OwnPostgres;
let redis: TestRedis;
let one: ListeningApp;
let two: ListeningApp;
let roomId: string;
const sockets: ChatClient[] = [];
interface Person {
  socket: ChatClient;
  inbox: ChatMessageView[];
}
let alice: Person; // on instance one
let carol: Person; // on instance one
let bob: Person; // on instance two
let dave: Person; // on instance two
let faults = 0;

async function person(app: ListeningApp, prefix: string): Promise<Person & { token: string }> {
  const res = await app.http.post('/api/auth/register').send({ handle: uniqueHandle(prefix), password: GOOD_PASSWORD }).expect(201);
  const token = sessionCookie(res)!.value;
  await app.http.post(`/api/rooms/${roomId}/join`).set('Cookie', `kindred_session=${token}`).send({ acceptGuidelines: true }).expect(200);
  const socket = await connectedChat(app.baseUrl, token);
  sockets.push(socket);
  const inbox = record<ChatMessageView>(socket, 'message:new');
  expect(await request(socket, 'chat:join', { roomId })).toMatchObject({ ok: true });
  return { socket, inbox, token };
}

const send = (from: Person, body: string) => request<{ ok: boolean; message: ChatMessageView; code?: string }>(from.socket, 'message:send', { roomId, clientId: randomUUID(), body }, 10_000);
const got = (p: Person, body: string) => p.inbox.some((m) => m.body === body);
const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function killRedis(): Promise<void> {
  const child = redis.child!;
  if (child.exitCode !== null || child.signalCode) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
  await settle(300);
}

// redis-server is installed wherever this suite runs (CI too); only a bare laptop skips.
const maybe = redisAvailable() ? describe : describe.skip;

maybe('Redis lost between two instances', () => {
  beforeAll(async () => {
    [ownPg, redis] = await Promise.all([startOwnPostgres(), startOwnRedis()]);
    one = await startListeningApp({ REDIS_URL: redis.url }, ownPg.url);
    two = await startListeningApp({ REDIS_URL: redis.url }, ownPg.url);

    const admin = await one.http.post('/api/auth/register').send({ handle: uniqueHandle('redisadmin'), password: GOOD_PASSWORD }).expect(201);
    await one.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [admin.body.id]);
    roomId = (
      await one.http
        .post('/api/rooms')
        .set('Cookie', `kindred_session=${sessionCookie(admin)!.value}`)
        .send({ slug: 'redis-outage', name: 'Redis outage', description: 'x', guidelines: 'x', visibility: 'listed', joinPolicy: 'open' })
        .expect(201)
    ).body.id;
    alice = await person(one, 'alice');
    carol = await person(one, 'carol');
    bob = await person(two, 'bob');
    dave = await person(two, 'dave');
  }, 60_000);

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await Promise.all([two?.close(), one?.close()].map((p) => p?.catch(() => undefined)));
    await redis?.stop();
    await ownPg?.destroy();
  }, 60_000);

  it('delivers across instances while Redis is up', async () => {
    expect((await send(alice, 'before: one → all')).ok).toBe(true);
    await waitFor(() => got(bob, 'before: one → all') && got(carol, 'before: one → all') && got(dave, 'before: one → all'), 5_000, 'delivery before the outage');
  });

  it('with Redis gone (SIGKILL), each instance keeps serving its own clients', async () => {
    await killRedis();
    faults += 1;

    // Instance one: acknowledged, stored, delivered to the member on the same instance.
    const fromOne = await send(alice, 'during: from one');
    expect(fromOne.ok).toBe(true);
    await waitFor(() => got(carol, 'during: from one'), 5_000, 'local delivery on instance one');
    // Instance two, the same.
    const fromTwo = await send(dave, 'during: from two');
    expect(fromTwo.ok).toBe(true);
    await waitFor(() => got(bob, 'during: from two'), 5_000, 'local delivery on instance two');
    // REST and history are untouched by the outage.
    await one.http.get('/api/health').expect(200);
    const history = await request<{ ok: boolean; messages: ChatMessageView[] }>(bob.socket, 'chat:history', { roomId });
    expect(history.messages.map((m) => m.body)).toEqual(expect.arrayContaining(['during: from one', 'during: from two']));
  }, 30_000);

  it('cross-instance delivery resumes by itself when Redis returns (same port, no app restart)', async () => {
    redis = await startOwnRedis(redis.port);
    const restartedAt = Date.now();
    const body = () => `after: ${randomUUID().slice(0, 8)}`;
    // node-redis reconnects with a back-off of up to 5 s; the adapter re-subscribes on its own.
    const deadline = Date.now() + 20_000;
    let crossed = false;
    while (!crossed && Date.now() < deadline) {
      const text = body();
      expect((await send(alice, text)).ok).toBe(true);
      await settle(300);
      crossed = got(bob, text) && got(dave, text);
    }
    expect(crossed).toBe(true);
    const back = body();
    expect((await send(bob, back)).ok).toBe(true);
    await waitFor(() => got(alice, back) && got(carol, back), 5_000, 'delivery from two to one after the outage');
    process.stdout.write(`\nredis outage: ${faults} SIGKILL + restart; local delivery kept on both instances, cross-instance back after ${Date.now() - restartedAt} ms\n`);
  }, 40_000);

});

/**
 * Two bugs found while injecting this fault, in apps/api/src/realtime (owned elsewhere, so
 * reported, not fixed). Each leaves a process that cannot finish closing, so they run against
 * a disposable child server (the built app, as `npm start` runs it) that is SIGKILLed after.
 */
maybe('with Redis away, one instance on its own (these were bugs, found by this suite)', () => {
  let server: RunningProcess;
  let base: string;
  let redis2: TestRedis;
  let pg2: OwnPostgres;

  beforeAll(async () => {
    requireBuild();
    [pg2, redis2] = await Promise.all([startOwnPostgres(), startOwnRedis()]);
    const port = await findFreePort();
    base = `http://127.0.0.1:${port}`;
    server = startProcess(
      API_MAIN,
      [],
      childEnv({
        DATABASE_URL: pg2.url,
        REDIS_URL: redis2.url,
        PORT: String(port),
        HOST: '127.0.0.1',
        SESSION_SECRET: 'redis-fault-secret-redis-fault-secret-0123',
        DATA_DIR: mkdtempSync(join(tmpdir(), 'kindred-redis-fault-')),
        LOG_LEVEL: 'fatal',
      }),
    );
    await server.waitForOutput(/Kindred is ready/, 60_000);
  }, 90_000);

  afterAll(async () => {
    server?.child.kill('SIGKILL');
    await server?.exited;
    // (stop() waits for an 'exit' that a SIGKILLed redis-server has already had.)
    if (redis2?.child && redis2.child.exitCode === null && !redis2.child.signalCode) await redis2.stop();
    await pg2?.destroy();
  });

  // chat:join builds presence with fetchSockets across the cluster; with Redis down that used to
  // fail after ~5 s with INTERNAL, half-joined. Presence now falls back to this instance's sockets.
  it('during an outage a member can still join a room chat on their instance', async () => {
    const register = async (prefix: string) => {
      const res = await fetch(`${base}/api/auth/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ handle: uniqueHandle(prefix), password: GOOD_PASSWORD }) });
      return { id: ((await res.json()) as { id: string }).id, token: /kindred_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1]! };
    };
    const admin = await register('childadmin');
    const db = new pg.Client({ connectionString: pg2.url });
    await db.connect();
    await db.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [admin.id]);
    await db.end();
    const post = (path: string, token: string, body: unknown) =>
      fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: `kindred_session=${token}` }, body: JSON.stringify(body) });
    const room = (await (await post('/api/rooms', admin.token, { slug: 'child-room', name: 'Child room', description: 'x', guidelines: 'x', visibility: 'listed', joinPolicy: 'open' })).json()) as { id: string };
    const member = await register('childmember');
    await post(`/api/rooms/${room.id}/join`, member.token, { acceptGuidelines: true });
    const socket = await connectedChat(base, member.token);
    sockets.push(socket);
    redis2.child!.kill('SIGKILL');
    await settle(300);
    expect(await request(socket, 'chat:join', { roomId: room.id }, 8_000)).toMatchObject({ ok: true });
  }, 30_000);

  // KindredIoAdapter.dispose() used to await node-redis quit(), which queues QUIT until a
  // reconnection that never comes; it now destroys the clients, so SIGTERM stops cleanly.
  it('SIGTERM stops the server cleanly within 5 s while Redis is away', async () => {
    if (redis2.child!.exitCode === null && !redis2.child!.signalCode) redis2.child!.kill('SIGKILL');
    server.child.kill('SIGTERM');
    const result = await Promise.race([server.exited, settle(5_000).then(() => 'still running')]);
    expect(result).toEqual({ code: 0, signal: null });
  }, 30_000);
});
