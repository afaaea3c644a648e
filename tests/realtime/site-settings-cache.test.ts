/**
 * Site settings are cached on each instance and dropped on every instance when an admin
 * changes them (one PostgreSQL, one Redis): registration closed through instance one is
 * refused by instance two on the very next request, and crisis resources changed through one
 * are what two answers.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { DomainEvents } from '../../apps/api/src/common/events/domain-events.js';
import { EventRelay } from '../../apps/api/src/common/events/event-relay.js';
import { GOOD_PASSWORD, uniqueHandle } from '../support/accounts.js';
import { expectApiError } from '../support/error-shape.js';
import { memberWithRole } from '../support/forum.js';
import { startListeningApp, waitFor, type ListeningApp } from '../support/realtime.js';
import { redisAvailable, testRedis, type TestRedis } from '../support/redis-server.js';

let redis: TestRedis | undefined;
let one: ListeningApp;
let two: ListeningApp;
let admin: Awaited<ReturnType<typeof memberWithRole>>;

beforeAll(async () => {
  redis = await testRedis();
  if (!redis) return;
  one = await startListeningApp({ REDIS_URL: redis.url });
  two = await startListeningApp({ REDIS_URL: redis.url }, one.db.url);
  admin = await memberWithRole(one, 'admin');
  await waitFor(() => one.get(EventRelay).linked && two.get(EventRelay).linked, 10_000, 'both instances subscribed');
});
afterAll(async () => {
  await two?.close();
  await one?.close();
  await redis?.stop();
});

const scaleOut = () => (redisAvailable() ? it : it.skip);

/** Changes through instance one; resolves once instance two has heard about it. */
async function changeOnOne(body: Record<string, unknown>, path = '/api/admin/site-settings', method: 'patch' | 'put' = 'patch'): Promise<void> {
  const heard = new Promise<void>((resolve) => two.get(DomainEvents).on('site-settings.changed', () => resolve()));
  await admin.agent[method](path).send(body).expect(200);
  await heard;
}

const registerOnTwo = () => two.http.post('/api/auth/register').send({ handle: uniqueHandle('two'), password: GOOD_PASSWORD });

scaleOut()('registration closed on one instance is closed on the other at once, and opens again', async () => {
  // Instance two answers first, so its cache holds "open".
  expect((await two.http.get('/api/site').expect(200)).body.registrationMode).toBe('open');
  expect((await registerOnTwo()).status).toBe(201);
  await changeOnOne({ registrationMode: 'closed', reason: 'Pausing for the night' });
  expectApiError(await registerOnTwo(), 403, 'REGISTRATION_CLOSED');
  expect((await two.http.get('/api/site').expect(200)).body.registrationMode).toBe('closed');
  await changeOnOne({ registrationMode: 'open', reason: 'Morning' });
  expect((await registerOnTwo()).status).toBe(201);
});

scaleOut()("a country's crisis resources changed on one instance are what the other answers", async () => {
  const before = (await two.http.get('/api/crisis-resources?country=IE').expect(200)).body as { resources: { id: string }[] };
  expect(before.resources.map((r) => r.id)).not.toContain('ie-line');
  const resources = [{ id: 'ie-line', name: 'Listening line', description: 'Any time.', phone: '116 123' }];
  await changeOnOne({ resources, reason: 'Local line' }, '/api/admin/site-settings/crisis-resources/IE', 'put');
  const after = (await two.http.get('/api/crisis-resources?country=IE').expect(200)).body as { resources: { id: string }[] };
  expect(after.resources[0]?.id).toBe('ie-line');
});
