import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { expectApiError } from '../support/error-shape.js';
import { createThread, join, memberWithRole, roomWithModerators } from '../support/forum.js';
import { connectedChat, memberSession, request, startListeningApp, type ListeningApp } from '../support/realtime.js';

// Refusals carry what the app needs to word them in the member's language: when they end,
// limits, what was not found, and a reason where the code alone is too broad.

let t: ListeningApp;
let admin: Awaited<ReturnType<typeof memberWithRole>>;

beforeAll(async () => {
  t = await startListeningApp({ REPORT_LIMIT_PER_HOUR: '1' });
  admin = await memberWithRole(t, 'admin');
});
afterAll(async () => {
  await t?.close();
});

async function roomWith(settings: Record<string, unknown> = {}) {
  const { room, moderators } = await roomWithModerators(t, admin.agent, settings);
  const moderator = moderators[0]!;
  const member = await memberSession(t, 'params');
  await join(member.agent, room.id).expect(200);
  return { room, moderator, member };
}

describe('error parameters', () => {
  it('not found names what was not found', async () => {
    const res = await admin.agent.get('/api/threads/00000000-0000-4000-8000-000000000000');
    expectApiError(res, 404, 'NOT_FOUND');
    expect(res.body.params).toEqual({ what: 'thread' });
  });

  it('a field that breaks a rule says which rule', async () => {
    const res = await admin.agent.post('/api/rooms').send({ name: 'x'.repeat(500), unexpected: true });
    expectApiError(res, 400, 'VALIDATION_FAILED');
    const codes = (res.body.details as { field: string; code: string }[]).map((d) => `${d.field}:${d.code}`);
    expect(codes).toEqual(expect.arrayContaining(['name:validation.isLength', 'unexpected:validation.whitelistValidation']));
    // The rule's numbers come along, so the app can say "1 to 80 characters" in any language.
    const name = (res.body.details as { field: string; params?: Record<string, number> }[]).find((d) => d.field === 'name');
    expect(name?.params).toEqual({ min: expect.any(Number), max: expect.any(Number) });
    expect(name!.params!.max).toBeLessThan(500);
    // The DTO instance used to find them never leaves the server.
    expect(JSON.stringify(res.body)).not.toMatch(/"target"|"value"|x{500}/);
  });

  it('field problems of the app’s own rules carry a code (and numbers) too: a short password, a taken handle', async () => {
    const short = await t.http.post('/api/auth/register').send({ handle: `p_${Date.now().toString(36)}`, password: 'short' });
    expectApiError(short, 400, 'WEAK_PASSWORD');
    expect(short.body.details).toEqual([expect.objectContaining({ field: 'password', code: 'password.tooShort', params: { min: expect.any(Number) } })]);
    const taken = await t.http.post('/api/auth/register').send({ handle: admin.handle, password: 'quiet-harbour-lantern-42' });
    expect(taken.body.details).toEqual([expect.objectContaining({ field: 'handle', code: 'handle.taken' })]);
    const maxed = await admin.agent.post('/api/rooms').send({ name: 'Calm', slug: `calm-${Date.now().toString(36)}`, description: 'd'.repeat(5_000) });
    expectApiError(maxed, 400, 'VALIDATION_FAILED');
    expect(maxed.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'description', code: expect.stringMatching(/^validation\./), params: expect.any(Object) })]));
  });

  it('a mute says it is a mute and until when, over REST and in a chat ack', async () => {
    const { room, moderator, member } = await roomWith();
    await moderator.agent.post(`/api/moderation/member/${member.user.id}/actions`).send({ action: 'mute', reason: 'Cooling off', roomId: room.id, durationMinutes: 30 }).expect(200);
    const res = await member.agent.post(`/api/rooms/${room.id}/threads`).send({ title: 'Hello', body: 'Still here', warning: { categories: [] } });
    expectApiError(res, 403, 'MUTED');
    expect(res.body.params).toEqual({ sanction: 'mute', until: expect.any(String), retryAt: expect.any(String), retryAfterSeconds: expect.any(Number) });
    expect(Date.parse(res.body.params.until) - Date.now()).toBeGreaterThan(29 * 60_000);
    expect(res.body.params.retryAfterSeconds).toBeGreaterThan(29 * 60);

    const socket = await connectedChat(t.baseUrl, member.token);
    try {
      await request(socket, 'chat:join', { roomId: room.id });
      const ack = await request<{ ok: boolean; code: string; params?: Record<string, unknown> }>(socket, 'message:send', { roomId: room.id, clientId: 'muted-client-1', body: 'hello?' });
      expect(ack).toMatchObject({ ok: false, code: 'MUTED', params: { sanction: 'mute', until: res.body.params.until } });
    } finally {
      socket.disconnect();
    }
  });

  it('slow mode says how long to wait', async () => {
    const { room, member } = await roomWith({ threadSlowModeSeconds: 60 });
    await createThread(member.agent, room.id);
    const res = await member.agent.post(`/api/rooms/${room.id}/threads`).send({ title: 'Again', body: 'Too soon', warning: { categories: [] } });
    expectApiError(res, 429, 'SLOW_MODE');
    expect(res.body.params.retryAfterSeconds).toBeGreaterThan(55);
  });

  it('the report limit says the limit; a claimed item says who has it, as a reason', async () => {
    const { room, moderator, member } = await roomWith();
    const thread = await createThread(admin.agent, room.id);
    await member.agent.post('/api/reports').send({ targetType: 'post', targetId: thread.firstPost.id, category: 'spam' }).expect(201);
    const res = await member.agent.post('/api/reports').send({ targetType: 'thread', targetId: thread.id, category: 'spam' });
    expectApiError(res, 429, 'REPORT_LIMIT');
    expect(res.body.params).toEqual({ limit: 1 });

    const [item] = (await moderator.agent.get('/api/moderation/queue').expect(200)).body as { id: string }[];
    await moderator.agent.post(`/api/moderation/queue/${item!.id}/claim`).expect(200);
    const claimed = await admin.agent.post(`/api/moderation/queue/${item!.id}/claim`);
    expectApiError(claimed, 409, 'CONFLICT');
    expect(claimed.body.params).toEqual({ reason: 'claimed-by-another' });
  });
});
