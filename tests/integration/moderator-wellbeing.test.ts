import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ModeratorWellbeingView, QueueItemView } from '@kindred/contracts';
import { registerMember } from '../support/accounts.js';
import { expectApiError } from '../support/error-shape.js';
import { createRoom, createThread, join, memberWithRole, type Agent } from '../support/forum.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Issue 17, item 5: moderators are looked after too. */

let t: TestApp;
let admin: Awaited<ReturnType<typeof memberWithRole>>;

beforeAll(async () => {
  t = await startTestApp();
  admin = await memberWithRole(t, 'admin');
});
afterAll(async () => {
  await t?.close();
});

const CRISIS_WORDS = 'I want to end my life tonight, I have the pills ready.';
const queue = async (agent: Agent) => (await agent.get('/api/moderation/queue').expect(200)).body as QueueItemView[];
const wellbeing = async (agent: Agent) => (await agent.get('/api/me/moderation/wellbeing').expect(200)).body as ModeratorWellbeingView;

/** A room with two moderators, a crisis item (the detector), a harm report and an "other" report. */
async function room() {
  const r = await createRoom(admin.agent);
  const moderator = await registerMember(t);
  const colleague = await registerMember(t);
  for (const m of [moderator, colleague]) await admin.agent.put(`/api/rooms/${r.id}/moderators`).send({ userId: m.user.id }).expect(204);
  const author = await registerMember(t);
  const reporter = await registerMember(t);
  for (const m of [author, reporter]) await join(m.agent, r.id).expect(200);
  const crisisThread = await createThread(author.agent, r.id, { title: 'Tonight', body: CRISIS_WORDS });
  const harsh = await createThread(author.agent, r.id, { title: 'Words', body: 'Something sharp.' });
  const plain = await createThread(author.agent, r.id, { title: 'Plain', body: 'Something ordinary.' });
  await reporter.agent.post('/api/reports').send({ targetType: 'post', targetId: harsh.firstPost.id, category: 'harassment' }).expect(201);
  await reporter.agent.post('/api/reports').send({ targetType: 'post', targetId: plain.firstPost.id, category: 'spam' }).expect(201);
  const items = await queue(moderator.agent);
  const crisis = items.find((q) => q.kind === 'crisis' && q.target.id === crisisThread.id)!;
  const harm = items.find((q) => q.kind === 'report' && q.severity === 2 && q.roomId === r.id)!;
  const other = items.find((q) => q.kind === 'report' && q.severity === 1 && q.roomId === r.id)!;
  expect([crisis, harm, other].every(Boolean)).toBe(true);
  return { room: r, moderator, colleague, author, reporter, crisis, harm, other };
}

describe('folded crisis and harm items', () => {
  it('starts folded for crisis and harm, open for the rest; a reveal is remembered for that moderator and that item only', async () => {
    const { moderator, colleague, crisis, harm, other } = await room();
    expect([crisis.folded, harm.folded, other.folded]).toEqual([true, true, false]);

    await moderator.agent.put(`/api/moderation/queue/${crisis.id}/reveal`).expect(204);
    // Revealing twice is the same as once.
    await moderator.agent.put(`/api/moderation/queue/${crisis.id}/reveal`).expect(204);
    const mine = await queue(moderator.agent);
    expect(mine.find((q) => q.id === crisis.id)!.folded).toBe(false);
    expect(mine.find((q) => q.id === harm.id)!.folded).toBe(true);
    expect((await moderator.agent.get(`/api/moderation/queue/${crisis.id}`).expect(200)).body.folded).toBe(false);
    // A colleague still meets it folded, and so does an admin.
    expect((await queue(colleague.agent)).find((q) => q.id === crisis.id)!.folded).toBe(true);
    expect((await admin.agent.get(`/api/moderation/queue/${crisis.id}`).expect(200)).body.folded).toBe(true);

    await moderator.agent.delete(`/api/moderation/queue/${crisis.id}/reveal`).expect(204);
    expect((await moderator.agent.get(`/api/moderation/queue/${crisis.id}`).expect(200)).body.folded).toBe(true);
  });

  it('refuses outsiders in the one error shape and leaves nothing behind', async () => {
    const { author, crisis } = await room();
    const elsewhere = await registerMember(t);
    const otherRoom = await createRoom(admin.agent);
    await admin.agent.put(`/api/rooms/${otherRoom.id}/moderators`).send({ userId: elsewhere.user.id }).expect(204);
    expectApiError(await author.agent.put(`/api/moderation/queue/${crisis.id}/reveal`), 403);
    expectApiError(await elsewhere.agent.put(`/api/moderation/queue/${crisis.id}/reveal`), 404);
    expectApiError(await elsewhere.agent.put('/api/moderation/queue/00000000-0000-4000-8000-000000000000/reveal'), 404);
    expectApiError(await elsewhere.agent.put('/api/moderation/queue/not-an-id/reveal'), 400);
    expectApiError(await t.http.put(`/api/moderation/queue/${crisis.id}/reveal`), 401);
    const [{ n }] = await t.query<{ n: number }>('SELECT count(*)::int AS n FROM moderator_reveals WHERE queue_item_id = $1', [crisis.id]);
    expect(n).toBe(0);
  });
});

describe('a moderator’s own exposure', () => {
  it('counts the items they handled in the last 7 days by severity, and is visible to no one else', async () => {
    const { moderator, colleague, author, crisis, harm, other } = await room();
    expect((await wellbeing(moderator.agent)).exposure).toEqual({ days: 7, crisis: 0, harm: 0, other: 0 });

    await moderator.agent.post(`/api/moderation/queue/${crisis.id}/check-ins`).send({ body: 'We are here with you.' }).expect(201);
    await moderator.agent.post(`/api/moderation/queue/${crisis.id}/supported`).send({ note: 'Reached out.' }).expect(204);
    await moderator.agent.post(`/api/moderation/queue/${harm.id}/dismiss`).send({ reason: 'Not harassment.' }).expect(204);
    await moderator.agent.post(`/api/moderation/queue/${other.id}/dismiss`).send({ reason: 'Not spam.' }).expect(204);
    const mine = await wellbeing(moderator.agent);
    // The crisis item counts once, though it was cared for twice.
    expect(mine.exposure).toEqual({ days: 7, crisis: 1, harm: 1, other: 1 });
    expect(mine.sitting.itemsHandled).toBe(3);

    // Nobody else can read it: colleagues and admins get their own (empty) figures, members are refused.
    expect((await wellbeing(colleague.agent)).exposure).toEqual({ days: 7, crisis: 0, harm: 0, other: 0 });
    expect((await wellbeing(admin.agent)).exposure).toEqual({ days: 7, crisis: 0, harm: 0, other: 0 });
    expectApiError(await author.agent.get('/api/me/moderation/wellbeing'), 403);
    expectApiError(await t.http.get('/api/me/moderation/wellbeing'), 401);
    for (const path of [`/api/moderation/wellbeing/${moderator.user.id}`, `/api/users/${moderator.user.id}/moderation/wellbeing`, `/api/me/moderation/wellbeing/${moderator.user.id}`]) {
      expectApiError(await admin.agent.get(path), 404);
    }

    // Older than a week no longer counts.
    await t.query(`UPDATE queue_items SET resolved_at = now() - interval '8 days' WHERE id = $1`, [other.id]);
    expect((await wellbeing(moderator.agent)).exposure).toEqual({ days: 7, crisis: 1, harm: 1, other: 0 });
  });
});

describe('break suggestions', () => {
  /** Open items in the moderator's room, raised directly: the handling is what is measured. */
  async function openItems(roomId: string, subjectId: string, count: number): Promise<string[]> {
    const rows = await t.query<{ id: string }>(
      `INSERT INTO queue_items (kind, severity, status, room_id, target_type, target_id, subject_user_id)
       SELECT 'report', 1, 'open', $1, 'member', $2, $2 FROM generate_series(1, $3) RETURNING id`,
      [roomId, subjectId, count],
    );
    return rows.map((r) => r.id);
  }

  it('suggests a break after 20 items handled in one sitting', async () => {
    const { room: r, moderator, author } = await room();
    const ids = await openItems(r.id, author.user.id, 20);
    for (const [i, id] of ids.entries()) {
      await moderator.agent.post(`/api/moderation/queue/${id}/dismiss`).send({ reason: 'Fine.' }).expect(204);
      if (i === 18) expect((await wellbeing(moderator.agent)).suggestBreak).toBe(false);
    }
    const now = await wellbeing(moderator.agent);
    expect(now.sitting.itemsHandled).toBe(20);
    expect(now.suggestBreak).toBe(true);
  });

  it('suggests a break after 45 minutes of queue work; a pause of more than 20 minutes starts a new sitting', async () => {
    const { room: r, moderator, author } = await room();
    const [a, b, c] = await openItems(r.id, author.user.id, 3);
    for (const id of [a, b, c]) await moderator.agent.post(`/api/moderation/queue/${id}/dismiss`).send({ reason: 'Fine.' }).expect(204);
    // Spread the work over 50 minutes with gaps of at most 20 minutes.
    await t.query(`UPDATE queue_items SET resolved_at = now() - interval '50 minutes' WHERE id = $1`, [a]);
    await t.query(`UPDATE queue_items SET resolved_at = now() - interval '31 minutes' WHERE id = $1`, [b]);
    await t.query(`UPDATE queue_items SET resolved_at = now() - interval '12 minutes' WHERE id = $1`, [c]);
    const long = await wellbeing(moderator.agent);
    expect(long.sitting.minutes).toBeGreaterThanOrEqual(50);
    expect(long.sitting.itemsHandled).toBe(3);
    expect(long.suggestBreak).toBe(true);

    // With a 25-minute pause in between, only the work after it counts.
    await t.query(`UPDATE queue_items SET resolved_at = now() - interval '56 minutes' WHERE id = $1`, [b]);
    const rested = await wellbeing(moderator.agent);
    expect(rested.sitting).toMatchObject({ itemsHandled: 1 });
    expect(rested.sitting.minutes).toBeLessThan(45);
    expect(rested.suggestBreak).toBe(false);

    // Unfolding an item is queue work too: it bridges the pause, though it is not an item handled.
    await moderator.agent.put(`/api/moderation/queue/${c}/reveal`).expect(204);
    await t.query(`UPDATE moderator_reveals SET created_at = now() - interval '30 minutes' WHERE queue_item_id = $1`, [c]);
    await t.query(`UPDATE queue_items SET resolved_at = now() - interval '46 minutes' WHERE id = $1`, [a]);
    const bridged = await wellbeing(moderator.agent);
    expect(bridged.sitting.itemsHandled).toBe(3);
    expect(bridged.suggestBreak).toBe(true);
  });
});
