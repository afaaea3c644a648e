import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CrisisLabelMetricsView, CrisisLabelView, LabelledTextExport } from '@kindred/contracts';
import { detectCrisis } from '../../apps/api/src/moderation/crisis/crisis-detector.js';
import { GOOD_PASSWORD, registerMember } from '../support/accounts.js';
import { expectApiError } from '../support/error-shape.js';
import { createRoom, createThread, join, memberWithRole, reply } from '../support/forum.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Issue 17, item 7: the detector's learning loop, from what real members wrote. */

let t: TestApp;
let admin: Awaited<ReturnType<typeof memberWithRole>>;

beforeAll(async () => {
  t = await startTestApp();
  admin = await memberWithRole(t, 'admin');
});
afterAll(async () => {
  await t?.close();
});

/** Words a person in crisis might write that the phrase lists do not know (checked below). */
const MISSED = 'the cat is with my neighbour now. i wrote the letters. nobody needs to look for me after sunday';
const CAUGHT = 'I want to end my life tonight, I have the pills ready.';
const ORDINARY = 'Some ordinary words about my week.';
const CAUGHT_REPLY = 'I have the pills ready and I am going to kill myself.';

async function room() {
  const r = await createRoom(admin.agent);
  const moderator = await registerMember(t);
  await admin.agent.put(`/api/rooms/${r.id}/moderators`).send({ userId: moderator.user.id }).expect(204);
  const author = await registerMember(t);
  const reporter = await registerMember(t);
  for (const m of [author, reporter]) await join(m.agent, r.id).expect(200);
  return { room: r, moderator, author, reporter };
}

describe('labelling for the detector', () => {
  it('moderators label a missed crisis and a false alarm; admins review; the figures and the export follow the accepted labels only', async () => {
    expect(detectCrisis(MISSED).hit).toBe(false);
    expect(detectCrisis(CAUGHT).hit).toBe(true);
    expect(detectCrisis(CAUGHT_REPLY).hit).toBe(true);
    const { room: r, moderator, author, reporter } = await room();
    const missedThread = await createThread(author.agent, r.id, { title: 'Sunday', body: 'Thinking.' });
    const missedPost = await reply(author.agent, missedThread.id, { body: MISSED });
    const alarm = await createThread(author.agent, r.id, { title: 'Tonight', body: CAUGHT });
    const reported = await reply(author.agent, missedThread.id, { body: ORDINARY });
    const caughtReply = await reply(author.agent, missedThread.id, { body: CAUGHT_REPLY });
    const report = (await reporter.agent.post('/api/reports').send({ targetType: 'post', targetId: reported.id, category: 'crisis' }).expect(201)).body as { id: string };
    const crisisItem = ((await moderator.agent.get('/api/moderation/queue').expect(200)).body as { id: string; kind: string; target: { id: string } }[]).find((q) => q.kind === 'crisis' && q.target.id === alarm.id)!;

    const before = (await moderator.agent.get('/api/moderation/crisis-labels/metrics').expect(200)).body as CrisisLabelMetricsView;
    expect(before).toEqual({ accepted: 0, crises: 0, pending: 0, recall: null, precision: null });

    const missed = (await moderator.agent.post('/api/moderation/crisis-labels').send({ sourceType: 'post', sourceId: missedPost.id, label: 'crisis', note: 'Goodbye letters.' }).expect(201)).body as CrisisLabelView;
    expect(missed).toMatchObject({ sourceType: 'post', label: 'crisis', status: 'pending', text: MISSED, detectedNow: false, markedBy: { id: moderator.user.id } });
    const notACrisis = (await moderator.agent.post('/api/moderation/crisis-labels').send({ sourceType: 'queue-item', sourceId: crisisItem.id, label: 'not-a-crisis' }).expect(201)).body as CrisisLabelView;
    // A crisis item and a report stand for the words they are about.
    expect(notACrisis).toMatchObject({ sourceType: 'thread', text: CAUGHT, detectedNow: true });
    const fromReport = (await moderator.agent.post('/api/moderation/crisis-labels').send({ sourceType: 'report', sourceId: report.id, label: 'crisis' }).expect(201)).body as CrisisLabelView;
    expect(fromReport).toMatchObject({ sourceType: 'post', text: ORDINARY });
    const onReply = (await moderator.agent.post('/api/moderation/crisis-labels').send({ sourceType: 'post', sourceId: caughtReply.id, label: 'crisis' }).expect(201)).body as CrisisLabelView;

    // The same words never carry two labels: labelling them again, or the other way through their item, is a conflict.
    expectApiError(await moderator.agent.post('/api/moderation/crisis-labels').send({ sourceType: 'post', sourceId: missedPost.id, label: 'crisis' }), 409, 'CONFLICT');
    expectApiError(await moderator.agent.post('/api/moderation/crisis-labels').send({ sourceType: 'thread', sourceId: alarm.id, label: 'crisis' }), 409, 'CONFLICT');

    // Moderators see figures only; the words are for admins.
    expect((await moderator.agent.get('/api/moderation/crisis-labels/metrics').expect(200)).body).toEqual({ accepted: 0, crises: 0, pending: 4, recall: null, precision: null });
    expectApiError(await moderator.agent.get('/api/admin/crisis-labels'), 403);
    expectApiError(await moderator.agent.get('/api/admin/crisis-labels/export'), 403);
    expectApiError(await moderator.agent.post(`/api/admin/crisis-labels/${missed.id}/review`).send({ status: 'accepted' }), 403);

    const pending = (await admin.agent.get('/api/admin/crisis-labels?status=pending').expect(200)).body as CrisisLabelView[];
    expect(pending.map((l) => l.id).sort()).toEqual([missed.id, notACrisis.id, fromReport.id, onReply.id].sort());
    await admin.agent.post(`/api/admin/crisis-labels/${missed.id}/review`).send({ status: 'accepted' }).expect(200);
    await admin.agent.post(`/api/admin/crisis-labels/${notACrisis.id}/review`).send({ status: 'accepted' }).expect(200);
    const rejected = (await admin.agent.post(`/api/admin/crisis-labels/${fromReport.id}/review`).send({ status: 'rejected' }).expect(200)).body as CrisisLabelView;
    expect(rejected).toMatchObject({ status: 'rejected', reviewedAt: expect.any(String) });
    const thread = pending.find((l) => ![missed.id, notACrisis.id, fromReport.id].includes(l.id))!;
    await admin.agent.post(`/api/admin/crisis-labels/${thread.id}/review`).send({ status: 'accepted' }).expect(200);

    // Accepted: a missed crisis (false negative), a false alarm (false positive), a caught crisis (true positive).
    expect((await moderator.agent.get('/api/moderation/crisis-labels/metrics').expect(200)).body).toEqual({ accepted: 3, crises: 2, pending: 0, recall: 0.5, precision: 0.5 });
    expect(((await admin.agent.get('/api/admin/crisis-labels?status=rejected').expect(200)).body as CrisisLabelView[]).map((l) => l.id)).toEqual([fromReport.id]);

    const exported = (await admin.agent.get('/api/admin/crisis-labels/export').expect(200)).body as LabelledTextExport[];
    expect(exported.map(({ text, crisis }) => ({ text, crisis }))).toEqual([
      { text: MISSED, crisis: true },
      { text: CAUGHT, crisis: false },
      { text: CAUGHT_REPLY, crisis: true },
    ]);
    for (const item of exported) expect(Object.keys(item).sort()).toEqual(['crisis', 'note', 'text']);
    expect(JSON.stringify(exported)).not.toContain(author.handle);
  });

  it('refuses what cannot be labelled, in the one error shape, and writes nothing', async () => {
    const { room: r, moderator, author } = await room();
    const plain = await createThread(author.agent, r.id, { title: 'Plain', body: ORDINARY });
    const elsewhere = await registerMember(t);
    const otherRoom = await createRoom(admin.agent);
    await admin.agent.put(`/api/rooms/${otherRoom.id}/moderators`).send({ userId: elsewhere.user.id }).expect(204);
    const reportItem = await (async () => {
      const reporter = await registerMember(t);
      await join(reporter.agent, r.id).expect(200);
      await reporter.agent.post('/api/reports').send({ targetType: 'post', targetId: plain.firstPost.id, category: 'spam' }).expect(201);
      return ((await moderator.agent.get('/api/moderation/queue').expect(200)).body as { id: string; kind: string }[]).find((q) => q.kind === 'report')!;
    })();
    const post = (body: object) => moderator.agent.post('/api/moderation/crisis-labels').send(body);

    expectApiError(await author.agent.post('/api/moderation/crisis-labels').send({ sourceType: 'post', sourceId: plain.firstPost.id, label: 'crisis' }), 403);
    expectApiError(await elsewhere.agent.post('/api/moderation/crisis-labels').send({ sourceType: 'post', sourceId: plain.firstPost.id, label: 'crisis' }), 404);
    expectApiError(await post({ sourceType: 'queue-item', sourceId: reportItem.id, label: 'not-a-crisis' }), 409, 'NOT_A_CRISIS_ITEM');
    expectApiError(await post({ sourceType: 'post', sourceId: plain.firstPost.id, label: 'not-a-crisis' }), 400);
    expectApiError(await post({ sourceType: 'queue-item', sourceId: reportItem.id, label: 'crisis' }), 400);
    expectApiError(await post({ sourceType: 'report', sourceId: '00000000-0000-4000-8000-000000000000', label: 'crisis' }), 404);
    expectApiError(await post({ sourceType: 'post', sourceId: plain.firstPost.id, label: 'maybe' }), 400);
    expectApiError(await post({ sourceType: 'member', sourceId: author.user.id, label: 'crisis' }), 400);
    expectApiError(await post({ sourceType: 'post', sourceId: plain.firstPost.id, label: 'crisis', note: 'x'.repeat(501) }), 400);
    expectApiError(await admin.agent.post('/api/admin/crisis-labels/00000000-0000-4000-8000-000000000000/review').send({ status: 'accepted' }), 404);
    expectApiError(await admin.agent.get('/api/admin/crisis-labels?status=maybe'), 400);
    const [{ n }] = await t.query<{ n: number }>('SELECT count(*)::int AS n FROM crisis_labels WHERE author_id = $1', [author.user.id]);
    expect(n).toBe(0);
  });

  it('a deleted account takes its labelled words with it, even when its posts stay', async () => {
    const { room: r, moderator, author } = await room();
    const thread = await createThread(author.agent, r.id, { title: 'Sunday', body: MISSED });
    await moderator.agent.post('/api/moderation/crisis-labels').send({ sourceType: 'thread', sourceId: thread.id, label: 'crisis' }).expect(201);
    const count = async () => (await t.query<{ n: number }>('SELECT count(*)::int AS n FROM crisis_labels WHERE source_id = $1', [thread.id]))[0]!.n;
    expect(await count()).toBe(1);
    await author.agent.delete('/api/me').send({ password: GOOD_PASSWORD, eraseContent: false }).expect(204);
    expect(await count()).toBe(0);
  });
});
