import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GOOD_PASSWORD, registerMember } from '../support/accounts.js';
import { expectApiError } from '../support/error-shape.js';
import { createRoom, createThread, join, memberWithRole, type Agent } from '../support/forum.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Issue 17: a crisis is met with care. None of these responses is a sanction. */

let t: TestApp;
let admin: Awaited<ReturnType<typeof memberWithRole>>;

beforeAll(async () => {
  t = await startTestApp();
  admin = await memberWithRole(t, 'admin');
});
afterAll(async () => {
  await t?.close();
});

interface Notice {
  kind: string;
  title: string;
  body: string;
  link: string | null;
  appealable: boolean;
  logEntryId: string | null;
}
const notices = async (agent: Agent) => (await agent.get('/api/me/notifications').expect(200)).body as Notice[];
const CRISIS_WORDS = 'I want to end my life tonight, I have the pills ready.';

/** A room with a moderator, and a member whose crisis post raised a queue item. */
async function crisis() {
  const room = await createRoom(admin.agent);
  const moderator = await registerMember(t);
  const secondModerator = await registerMember(t);
  for (const m of [moderator, secondModerator]) await admin.agent.put(`/api/rooms/${room.id}/moderators`).send({ userId: m.user.id }).expect(204);
  const author = await registerMember(t);
  const other = await registerMember(t);
  for (const m of [author, other]) await join(m.agent, room.id).expect(200);
  const thread = await createThread(author.agent, room.id, { title: 'Tonight', body: CRISIS_WORDS });
  const queue = (await moderator.agent.get('/api/moderation/queue').expect(200)).body as { id: string; kind: string; target: { id: string } }[];
  const item = queue.find((q) => q.kind === 'crisis' && q.target.id === thread.id)!;
  expect(item).toBeDefined();
  return { room, moderator, secondModerator, author, other, thread, itemId: item.id };
}

/** The promises every care response keeps: no sanction, no appeal, nothing in the member's history, logged as care without words. */
async function expectCareNotSanction(author: Awaited<ReturnType<typeof registerMember>>, itemId: string, action: string, words: string[] = []) {
  const [{ n: sanctions }] = await t.query<{ n: number }>('SELECT count(*)::int AS n FROM member_sanctions WHERE user_id = $1', [author.user.id]);
  expect(sanctions).toBe(0);
  expect((await author.agent.get('/api/me/moderation-log').expect(200)).body).toEqual([]);
  expect((await notices(author.agent)).filter((n) => n.appealable || n.kind === 'moderation-action')).toEqual([]);
  const entries = await t.query<{ action: string; target_type: string; subject_user_id: string | null; reason: string; details: unknown }>(
    `SELECT action, target_type, subject_user_id, reason, details FROM moderation_log WHERE target_id = $1`,
    [itemId],
  );
  const entry = entries.find((e) => e.action === action);
  expect(entry).toMatchObject({ target_type: 'queue-item', subject_user_id: null, reason: '' });
  for (const w of words) expect(JSON.stringify(entries)).not.toContain(w);
  const history = (await admin.agent.get(`/api/moderation/queue/${itemId}`).expect(200)).body.history as unknown[];
  expect(history).toEqual([]);
}

describe('checking in privately', () => {
  it('sends a template as a notice from the moderation team; the member reads and answers it; the log keeps only the kind', async () => {
    const { moderator, author, other, itemId } = await crisis();
    const templates = (await moderator.agent.get('/api/moderation/care-templates').expect(200)).body as { id: string; body: string }[];
    expect(templates.length).toBeGreaterThanOrEqual(3);
    const sent = await moderator.agent.post(`/api/moderation/queue/${itemId}/check-ins`).send({ templateId: templates[0]!.id }).expect(201);
    expect(sent.body.messages).toEqual([expect.objectContaining({ fromTeam: true, body: templates[0]!.body })]);

    const [notice] = await notices(author.agent);
    expect(notice).toMatchObject({ kind: 'care-check-in', title: 'A message from the moderation team', body: templates[0]!.body, appealable: false, logEntryId: null });
    expect(notice!.link).toBe(`/check-ins/${sent.body.id}`);
    // The member is not told which moderator wrote.
    expect(JSON.stringify(await notices(author.agent))).not.toContain(moderator.handle);

    const mine = (await author.agent.get(`/api/me/check-ins/${sent.body.id}`).expect(200)).body;
    expect(JSON.stringify(mine)).not.toContain(moderator.user.id);
    await author.agent.post(`/api/me/check-ins/${sent.body.id}/replies`).send({ body: 'Thank you. I am a bit safer now.' }).expect(201);
    expectApiError(await other.agent.get(`/api/me/check-ins/${sent.body.id}`), 404);
    expectApiError(await other.agent.post(`/api/me/check-ins/${sent.body.id}/replies`).send({ body: 'not mine' }), 404);
    expect((await author.agent.get('/api/me/check-ins').expect(200)).body).toHaveLength(1);

    const seenByModerators = (await moderator.agent.get(`/api/moderation/queue/${itemId}/check-ins`).expect(200)).body as { messages: { fromTeam: boolean; body: string }[] }[];
    expect(seenByModerators[0]!.messages.map((m) => [m.fromTeam, m.body])).toEqual([
      [true, templates[0]!.body],
      [false, 'Thank you. I am a bit safer now.'],
    ]);
    expect((await notices(moderator.agent))[0]).toMatchObject({ kind: 'care-reply', link: `/moderation?item=${itemId}` });
    // Checking in claims the item for the moderator; it stays open until they mark it supported.
    expect((await moderator.agent.get(`/api/moderation/queue/${itemId}`).expect(200)).body).toMatchObject({ status: 'claimed', claimedBy: { id: moderator.user.id } });
    await expectCareNotSanction(author, itemId, 'care.check-in', [templates[0]!.body, 'safer now']);
    // The check-in is the member's data: in their export, without naming the moderator.
    const exported = (await author.agent.get('/api/me/export').expect(200)).body.checkIns as { from_team: boolean; body: string }[];
    expect(exported.map((m) => [m.from_team, m.body])).toEqual([
      [true, templates[0]!.body],
      [false, 'Thank you. I am a bit safer now.'],
    ]);
    expect(JSON.stringify(exported)).not.toContain(moderator.user.id);

    // They go with the account: nothing of the member's check-ins or answers stays behind.
    await author.agent.delete('/api/me').send({ password: GOOD_PASSWORD, eraseContent: false }).expect(204);
    expect(await t.query('SELECT count(*)::int AS n FROM care_check_ins WHERE member_id = $1', [author.user.id])).toEqual([{ n: 0 }]);
    expect(await t.query('SELECT count(*)::int AS n FROM care_check_in_messages WHERE check_in_id = $1', [sent.body.id])).toEqual([{ n: 0 }]);
    expect((await moderator.agent.get(`/api/moderation/queue/${itemId}/check-ins`).expect(200)).body).toEqual([]);
  });

  it('sends words of the moderator’s own, in the same thread as earlier check-ins', async () => {
    const { moderator, author, itemId } = await crisis();
    const first = await moderator.agent.post(`/api/moderation/queue/${itemId}/check-ins`).send({ body: 'Hi, we are here with you tonight.' }).expect(201);
    const second = await moderator.agent.post(`/api/moderation/queue/${itemId}/check-ins`).send({ body: 'Still thinking of you.' }).expect(201);
    expect(second.body.id).toBe(first.body.id);
    expect(second.body.messages).toHaveLength(2);
    await expectCareNotSanction(author, itemId, 'care.check-in', ['we are here with you', 'Still thinking']);
  });
});

describe('the other care responses', () => {
  it('mark as supported closes the item with a private note; reporters are thanked', async () => {
    const { moderator, author, other, thread, itemId } = await crisis();
    await other.agent.post('/api/reports').send({ targetType: 'post', targetId: thread.firstPost.id, category: 'crisis' }).expect(201);
    await moderator.agent.post(`/api/moderation/queue/${itemId}/supported`).send({ note: 'Talked it through; they have a friend with them.' }).expect(204);
    const item = (await moderator.agent.get(`/api/moderation/queue/${itemId}`).expect(200)).body;
    expect(item).toMatchObject({ status: 'resolved', resolution: 'Supported' });
    expect(item.notes.map((n: { body: string }) => n.body)).toEqual(['Talked it through; they have a friend with them.']);
    expect(JSON.stringify(await notices(author.agent))).not.toContain('friend with them');
    await expectCareNotSanction(author, itemId, 'care.supported', ['friend with them']);
    expectApiError(await moderator.agent.post(`/api/moderation/queue/${itemId}/supported`).send({ note: 'again' }), 409, 'ALREADY_DECIDED');
  });

  it('hand over gives the item to another moderator of the room, who is told; never to someone who does not moderate it', async () => {
    const { room, moderator, secondModerator, author, other, itemId } = await crisis();
    const elsewhere = await registerMember(t);
    const otherRoom = await createRoom(admin.agent);
    await admin.agent.put(`/api/rooms/${otherRoom.id}/moderators`).send({ userId: elsewhere.user.id }).expect(204);
    expectApiError(await moderator.agent.post(`/api/moderation/queue/${itemId}/hand-over`).send({ toUserId: other.user.id }), 400, 'VALIDATION_FAILED');
    expectApiError(await moderator.agent.post(`/api/moderation/queue/${itemId}/hand-over`).send({ toUserId: elsewhere.user.id }), 400, 'VALIDATION_FAILED');
    expectApiError(await moderator.agent.post(`/api/moderation/queue/${itemId}/hand-over`).send({ toUserId: '00000000-0000-4000-8000-000000000000' }), 400, 'VALIDATION_FAILED');
    // Who it can go to: the room's other moderator and site staff (asked of the gate), never members, other rooms' moderators or oneself.
    const carers = (await moderator.agent.get(`/api/moderation/queue/${itemId}/carers`).expect(200)).body as { id: string; handle: string }[];
    const ids = carers.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining([secondModerator.user.id, admin.user.id]));
    for (const no of [moderator.user.id, other.user.id, elsewhere.user.id, author.user.id]) expect(ids).not.toContain(no);
    expect(carers.find((c) => c.id === secondModerator.user.id)!.handle).toBe(secondModerator.handle);
    expectApiError(await elsewhere.agent.get(`/api/moderation/queue/${itemId}/carers`), 404);
    expectApiError(await other.agent.get(`/api/moderation/queue/${itemId}/carers`), 403);

    await moderator.agent.post(`/api/moderation/queue/${itemId}/hand-over`).send({ toUserId: secondModerator.user.id, note: 'I am off shift.' }).expect(204);
    expect((await moderator.agent.get(`/api/moderation/queue/${itemId}`).expect(200)).body).toMatchObject({ status: 'claimed', claimedBy: { id: secondModerator.user.id } });
    expect((await notices(secondModerator.agent))[0]).toMatchObject({ kind: 'care-hand-over', link: `/moderation?item=${itemId}` });
    // A global moderator (admin here) can take it too.
    await secondModerator.agent.post(`/api/moderation/queue/${itemId}/hand-over`).send({ toUserId: admin.user.id }).expect(204);
    const [entry] = await t.query<{ details: { to: string } }>(`SELECT details FROM moderation_log WHERE target_id = $1 AND action = 'care.hand-over' ORDER BY created_at LIMIT 1`, [itemId]);
    expect(entry!.details.to).toBe(secondModerator.user.id);
    await expectCareNotSanction(author, itemId, 'care.hand-over', ['off shift']);
    expect(room.id).toBeTruthy();
  });

  it('dismiss as not a crisis closes the item without telling the member anything', async () => {
    const { moderator, author, itemId } = await crisis();
    const before = (await notices(author.agent)).length;
    await moderator.agent.post(`/api/moderation/queue/${itemId}/not-a-crisis`).send({ note: 'Song lyrics they quoted.' }).expect(204);
    expect((await moderator.agent.get(`/api/moderation/queue/${itemId}`).expect(200)).body).toMatchObject({ status: 'dismissed', resolution: 'Not a crisis' });
    expect(await notices(author.agent)).toHaveLength(before);
    await expectCareNotSanction(author, itemId, 'care.not-a-crisis', ['Song lyrics']);
  });
});

describe('bad input gets a clear 4xx', () => {
  it('unknown or retired template, both or neither of template and words, an item that is not a crisis, someone outside the room', async () => {
    const { room, moderator, author, other, itemId } = await crisis();
    const url = `/api/moderation/queue/${itemId}/check-ins`;
    expectApiError(await moderator.agent.post(url).send({ templateId: '00000000-0000-4000-8000-000000000000' }), 400, 'VALIDATION_FAILED');
    const [template] = (await moderator.agent.get('/api/moderation/care-templates').expect(200)).body as { id: string }[];
    expectApiError(await moderator.agent.post(url).send({ templateId: template!.id, body: 'and words' }), 400, 'VALIDATION_FAILED');
    expectApiError(await moderator.agent.post(url).send({}), 400, 'VALIDATION_FAILED');
    expectApiError(await moderator.agent.post(url).send({ body: 'x'.repeat(2001) }), 400, 'VALIDATION_FAILED');
    expectApiError(await moderator.agent.post(url).send({ body: 'hi', extra: true }), 400);
    expectApiError(await moderator.agent.post(`/api/moderation/queue/${itemId}/supported`).send({}), 400, 'VALIDATION_FAILED');

    const calm = await createThread(author.agent, room.id, { body: 'Planting tomatoes calmed me today.' });
    await other.agent.post('/api/reports').send({ targetType: 'post', targetId: calm.firstPost.id, category: 'spam' }).expect(201);
    const spam = ((await moderator.agent.get('/api/moderation/queue').expect(200)).body as { id: string; kind: string; target: { id: string } }[]).find((q) => q.kind === 'report' && q.target.id === calm.firstPost.id)!;
    for (const step of ['check-ins', 'supported', 'hand-over', 'not-a-crisis']) {
      const body = { 'check-ins': { body: 'hi' }, supported: { note: 'n' }, 'hand-over': { toUserId: moderator.user.id }, 'not-a-crisis': {} }[step];
      expectApiError(await moderator.agent.post(`/api/moderation/queue/${spam.id}/${step}`).send(body), 409, 'NOT_A_CRISIS_ITEM');
    }

    const elsewhere = await registerMember(t);
    const otherRoom = await createRoom(admin.agent);
    await admin.agent.put(`/api/rooms/${otherRoom.id}/moderators`).send({ userId: elsewhere.user.id }).expect(204);
    expectApiError(await elsewhere.agent.post(url).send({ body: 'hi' }), 404);
    expectApiError(await other.agent.post(url).send({ body: 'hi' }), 403);
    expectApiError(await t.http.post(url).send({ body: 'hi' }), 401);
    const [{ n }] = await t.query<{ n: number }>('SELECT count(*)::int AS n FROM care_check_ins WHERE queue_item_id = $1', [itemId]);
    expect(n).toBe(0);
  });
});

describe('check-in templates', () => {
  it('admins write, edit and retire them; moderators only read them', async () => {
    const { moderator, itemId } = await crisis();
    expectApiError(await moderator.agent.post('/api/moderation/care-templates').send({ title: 'Mine', body: 'Words' }), 403);
    const created = (await admin.agent.post('/api/moderation/care-templates').send({ title: 'Gentle', body: 'We noticed your post and we care.' }).expect(201)).body;
    const edited = (await admin.agent.put(`/api/moderation/care-templates/${created.id}`).send({ title: 'Gentle', body: 'We read your post and we care.' }).expect(200)).body;
    expect(edited.body).toBe('We read your post and we care.');
    expectApiError(await admin.agent.post('/api/moderation/care-templates').send({ title: '', body: 'x' }), 400);
    await moderator.agent.post(`/api/moderation/queue/${itemId}/check-ins`).send({ templateId: created.id }).expect(201);
    await admin.agent.delete(`/api/moderation/care-templates/${created.id}`).expect(204);
    const listed = (await moderator.agent.get('/api/moderation/care-templates').expect(200)).body as { id: string }[];
    expect(listed.map((l) => l.id)).not.toContain(created.id);
    expectApiError(await moderator.agent.post(`/api/moderation/queue/${itemId}/check-ins`).send({ templateId: created.id }), 400, 'VALIDATION_FAILED');
    expectApiError(await admin.agent.delete(`/api/moderation/care-templates/${created.id}`), 404);
  });
});

describe('adding a content warning is an edit, not a sanction', () => {
  it('tells the author kindly what was added and why, offers no appeal and is not counted as a decision about them', async () => {
    const { moderator, author, room } = await crisis();
    const thread = await createThread(author.agent, room.id, { body: 'A hard memory from last year.' });
    await moderator.agent
      .post(`/api/moderation/post/${thread.firstPost.id}/actions`)
      .send({ action: 'set-warning', reason: 'Readers may want a choice here', warning: { categories: ['suicide', 'self-harm'] } })
      .expect(200);
    const [notice] = await notices(author.agent);
    expect(notice).toMatchObject({ kind: 'warning-added', appealable: false, logEntryId: null });
    expect(notice!.body).toContain('Suicide, Self-harm');
    expect(notice!.body).toContain('Readers may want a choice here.');
    expect(notice!.body).not.toMatch(/appeal/i);
    expect((await author.agent.get('/api/me/moderation-log').expect(200)).body).toEqual([]);
    const [logged] = await t.query<{ id: string }>(`SELECT id FROM moderation_log WHERE target_id = $1 AND action = 'post.set-warning'`, [thread.firstPost.id]);
    expectApiError(await author.agent.post('/api/appeals').send({ logEntryId: logged!.id, message: 'Please take it off' }), 400, 'NOT_APPEALABLE');
    const history = (await moderator.agent.get(`/api/moderation/log?member=${author.user.id}`).expect(200)).body.entries as { action: string; appealable: boolean }[];
    expect(history.find((e) => e.action === 'post.set-warning')).toMatchObject({ appealable: false });

    // The warning route on posts is the same edit, told the same way.
    await moderator.agent.put(`/api/posts/${thread.firstPost.id}/warning`).send({ categories: ['violence'], reason: 'Describes a fight' }).expect(204);
    const [second] = await notices(author.agent);
    expect(second).toMatchObject({ kind: 'warning-added', appealable: false });
    expect(second!.body).toContain('Violence');
    expect((await author.agent.get('/api/me/moderation-log').expect(200)).body).toEqual([]);
  });
});

describe('the author may make the automatic warning their own', () => {
  it('the author’s create response names the detected warning; adopting it is an ordinary edit after which no one sees it as automatic', async () => {
    const { author, other, thread } = await crisis();
    expect(thread).toMatchObject({ supportWarning: ['suicide'] });
    // Only the author's create response carries it; a reader's view of the thread does not.
    expect((await other.agent.get(`/api/threads/${thread.id}`).expect(200)).body.supportWarning).toBeUndefined();
    expect((await other.agent.get(`/api/threads/${thread.id}`).expect(200)).body.firstPost.warning).toMatchObject({ categories: ['suicide'], automatic: ['suicide'] });

    await author.agent.patch(`/api/posts/${thread.firstPost.id}`).send({ body: thread.firstPost.body, warning: { categories: ['suicide'] } }).expect(200);
    const seen = (await other.agent.get(`/api/threads/${thread.id}`).expect(200)).body;
    expect(seen.warning).toEqual({ categories: ['suicide'], note: null });
    expect(seen.firstPost.warning).toEqual({ categories: ['suicide'], note: null });
    // An edit of one's own, not a decision about them.
    expect((await author.agent.get('/api/me/moderation-log').expect(200)).body).toEqual([]);

    const reply = (await author.agent.post(`/api/threads/${thread.id}/posts`).send({ body: 'I keep thinking about how to kill myself.' }).expect(201)).body;
    expect(reply.supportWarning).toEqual(expect.arrayContaining(['suicide']));
    const calm = (await author.agent.post(`/api/threads/${thread.id}/posts`).send({ body: 'Thank you all for reading.' }).expect(201)).body;
    expect(calm.supportWarning).toBeUndefined();
  });
});
