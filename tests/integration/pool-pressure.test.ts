/**
 * Requests when every pooled connection is taken. A request that holds a connection for its
 * transaction and then asks the pool for a second one (say, the gate reading a membership it
 * has not cached) waits for connections held by peers doing the same: with as many such
 * requests as connections, none gets one, and each fails with 503 after the pool's timeout.
 * Found by the create-post benchmark (50 connections, pool of 10: every reply answered 503)
 * when the gate was moved inside the reply's transaction.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { registerMember } from '../support/accounts.js';
import { createRoom, createThread, join, memberWithRole } from '../support/forum.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ DATABASE_POOL_SIZE: '2' });
});
afterAll(async () => {
  await t?.close();
});

describe('with the pool taken', () => {
  it('replies from members the gate has not cached yet, more at once than there are connections, are all written', async () => {
    const admin = (await memberWithRole(t, 'admin')).agent;
    const room = await createRoom(admin);
    const members = [];
    for (let i = 0; i < 6; i += 1) {
      const member = await registerMember(t);
      // Joining drops the gate's cached membership: each reply below reads it afresh.
      await join(member.agent, room.id).expect(200);
      members.push({ member, thread: await createThread(admin, room.id) });
    }
    const answers = await Promise.all(members.map(({ member, thread }) => member.agent.post(`/api/threads/${thread.id}/posts`).send({ body: `Words from ${member.handle}.` })));
    expect(answers.map((a) => a.status)).toEqual(members.map(() => 201));
  });
});
