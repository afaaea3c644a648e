import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { MyReportView, NotificationView } from '@kindred/contracts';
import { GOOD_PASSWORD, registerMember, uniqueHandle } from '../support/accounts.js';
import { ReplyNoticesService } from '../../apps/api/src/posts/reply-notices.service.js';
import { createThread, join, memberWithRole, reply, roomWithModerators, type Agent } from '../support/forum.js';

type Member = Awaited<ReturnType<typeof registerMember>>;
import { startTestApp, type TestApp } from '../support/test-app.js';

// Every notice reaches the member as a code and parameters the app renders in their language
// (DESIGN rule 12); the English title and body stay for older clients.

let t: TestApp;
let admin: Awaited<ReturnType<typeof memberWithRole>>;

beforeAll(async () => {
  t = await startTestApp();
  admin = await memberWithRole(t, 'admin');
});
afterAll(async () => {
  await t?.close();
});

async function roomWith(settings: Record<string, unknown> = {}) {
  const { room, moderators } = await roomWithModerators(t, admin.agent, settings, 2);
  const [moderator, second] = moderators as [Member, Member];
  const author = await registerMember(t);
  const reporter = await registerMember(t);
  for (const m of [author, reporter]) await join(m.agent, room.id).expect(200);
  return { room, moderator, second, author, reporter };
}

const act = (agent: Agent, type: string, id: string, body: Record<string, unknown>) => agent.post(`/api/moderation/${type}/${id}/actions`).send(body).expect(200);
const notices = async (agent: Agent) => (await agent.get('/api/me/notifications').expect(200)).body as NotificationView[];
const coded = (n: NotificationView) => ({ kind: n.kind, code: n.code, params: n.params });

describe('notices carry a code and parameters', () => {
  it('a sanction names the action, what it was on and the reason; an undo is an update without an appeal', async () => {
    const { room, moderator, author } = await roomWith();
    const thread = await createThread(author.agent, room.id);
    await act(moderator.agent, 'post', thread.firstPost.id, { action: 'hide', reason: 'Needs a look' });
    await act(moderator.agent, 'post', thread.firstPost.id, { action: 'restore', reason: 'All fine' });
    await act(moderator.agent, 'thread', thread.id, { action: 'lock', reason: 'Resting the thread' });
    await act(moderator.agent, 'member', author.user.id, { action: 'mute', reason: 'Cooling off', roomId: room.id, durationMinutes: 10 });
    const [mute, lock, restore, hide] = await notices(author.agent);
    expect(coded(hide!)).toEqual({ kind: 'moderation-action', code: 'moderation.action', params: { action: 'hide', target: 'post', reason: 'Needs a look' } });
    expect(hide!.appealable).toBe(true);
    expect(coded(restore!)).toEqual({ kind: 'moderation-update', code: 'moderation.update', params: { action: 'restore', target: 'post', reason: 'All fine' } });
    expect(restore!.appealable).toBe(false);
    expect(coded(lock!)).toEqual({ kind: 'moderation-action', code: 'moderation.action', params: { action: 'lock', target: 'thread', reason: 'Resting the thread' } });
    expect(coded(mute!)).toEqual({ kind: 'moderation-action', code: 'moderation.action', params: { action: 'mute', target: 'member', reason: 'Cooling off' } });
    // The English words stay for older clients, and say the same.
    expect(hide!.body).toMatch(/hid your post.*Needs a look\..*appeal/);
    expect(restore!.body).toMatch(/restored your post/);
    expect(restore!.body).not.toMatch(/appeal/);
  });

  it('a held post approved by a moderator', async () => {
    const { room, moderator, author } = await roomWith({ premoderateFirstPosts: 1 });
    const thread = await createThread(author.agent, room.id);
    await act(moderator.agent, 'thread', thread.id, { action: 'approve', reason: 'Welcome' });
    expect(coded((await notices(author.agent))[0]!)).toEqual({ kind: 'held-post-decision', code: 'held-post.approved', params: {} });
  });

  it('report outcomes: standard ones by code, a moderator’s own words as a parameter; my reports say the same', async () => {
    const { room, moderator, author, reporter } = await roomWith();
    const removed = await createThread(author.agent, room.id, { body: 'you are all pathetic' });
    const kept = await createThread(author.agent, room.id, { body: 'a calm post' });
    const thanked = await createThread(author.agent, room.id, { body: 'another post' });
    const report = async (postId: string) => (await reporter.agent.post('/api/reports').send({ targetType: 'post', targetId: postId, category: 'harassment' }).expect(201)).body as MyReportView;
    const reportIds = [await report(removed.firstPost.id), await report(kept.firstPost.id), await report(thanked.firstPost.id)].map((r) => r.id);
    expect((await reporter.agent.get(`/api/me/reports`).expect(200)).body[0]).toMatchObject({ status: 'open', outcomeCode: null });

    const queue = (await moderator.agent.get('/api/moderation/queue').expect(200)).body as { id: string; target: { id: string } }[];
    const itemOf = (postId: string) => queue.find((i) => i.target.id === postId)!.id;
    await act(moderator.agent, 'post', removed.firstPost.id, { action: 'remove', reason: 'Insults', queueItemId: itemOf(removed.firstPost.id) });
    await moderator.agent.post(`/api/moderation/queue/${itemOf(kept.firstPost.id)}/dismiss`).send({ reason: 'Fine' }).expect(204);
    await act(moderator.agent, 'post', thanked.firstPost.id, { action: 'hide', reason: 'Review', queueItemId: itemOf(thanked.firstPost.id), outcomeForReporters: 'We hid it while we look. Thank you.' });

    const told = (await notices(reporter.agent)).map(coded);
    expect(told).toEqual([
      { kind: 'report-outcome', code: 'report.outcome', params: { outcome: 'message', message: 'We hid it while we look. Thank you.' } },
      { kind: 'report-outcome', code: 'report.outcome', params: { outcome: 'no-action' } },
      { kind: 'report-outcome', code: 'report.outcome', params: { outcome: 'actioned' } },
    ]);
    const mine = (await reporter.agent.get('/api/me/reports').expect(200)).body as MyReportView[];
    const byId = new Map(mine.map((r) => [r.id, r]));
    expect(reportIds.map((id) => byId.get(id)!.outcomeCode)).toEqual([
      { outcome: 'actioned' },
      { outcome: 'no-action' },
      { outcome: 'message', message: 'We hid it while we look. Thank you.' },
    ]);
    // The English words for older clients are unchanged.
    expect(byId.get(reportIds[1]!)!.outcome).toBe('A moderator looked at this and decided no action was needed.');
  });

  it('an appeal outcome says whether the decision was kept or changed', async () => {
    const { room, moderator, second, author } = await roomWith();
    const kept = await createThread(author.agent, room.id);
    const changed = await createThread(author.agent, room.id);
    const appeal = async (postId: string) => {
      const { logEntryId } = (await act(moderator.agent, 'post', postId, { action: 'hide', reason: 'Needs a look' })).body as { logEntryId: string };
      return (await author.agent.post('/api/appeals').send({ logEntryId, message: 'It was my own story.' }).expect(201)).body.queueItemId as string;
    };
    const keptItem = await appeal(kept.firstPost.id);
    const changedItem = await appeal(changed.firstPost.id);
    await second.agent.post(`/api/moderation/queue/${keptItem}/dismiss`).send({ reason: 'The hide stays while we review.' }).expect(204);
    await act(second.agent, 'post', changed.firstPost.id, { action: 'restore', reason: 'Your own story belongs here', queueItemId: changedItem });
    const outcomes = (await notices(author.agent)).filter((n) => n.kind === 'appeal-outcome').map(coded);
    expect(outcomes).toEqual([
      { kind: 'appeal-outcome', code: 'appeal.outcome', params: { decision: 'changed', resolution: 'restore: Your own story belongs here' } },
      { kind: 'appeal-outcome', code: 'appeal.outcome', params: { decision: 'kept', resolution: 'The hide stays while we review.' } },
    ]);
  });

  it('a sign-in from a new kind of device names the device', async () => {
    const handle = uniqueHandle('device');
    const firefox = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
    const android = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36';
    await t.http.post('/api/auth/register').set('User-Agent', firefox).send({ handle, password: GOOD_PASSWORD }).expect(201);
    const phone = t.agent();
    await phone.post('/api/auth/login').set('User-Agent', android).send({ handle, password: GOOD_PASSWORD }).expect(200);
    const [notice] = await notices(phone);
    expect(notice).toMatchObject({ kind: 'new-device', code: 'sign-in.new-device', link: '/settings/safety' });
    expect(notice!.params).toEqual({ device: expect.stringMatching(/Chrome.*Android/) });
  });

  it('new replies in a followed thread name the thread and how many; the English words leave the count out', async () => {
    const { room, author, reporter } = await roomWith();
    const thread = await createThread(author.agent, room.id, { title: 'Small wins' });
    for (let i = 0; i < 2; i += 1) {
      await reply(reporter.agent, thread.id);
      await t.get(ReplyNoticesService).settled();
    }
    const [notice] = await notices(author.agent);
    expect(coded(notice!)).toEqual({ kind: 'reply', code: 'reply.new', params: { threadTitle: 'Small wins', count: 2 } });
    expect(notice).toMatchObject({ link: `/threads/${thread.id}`, title: 'New replies in a thread you follow', body: 'There are new replies in "Small wins".' });
  });

  it('the export keeps each notice’s code and parameters', async () => {
    const { room, moderator, author } = await roomWith();
    const thread = await createThread(author.agent, room.id);
    await act(moderator.agent, 'post', thread.firstPost.id, { action: 'hide', reason: 'Needs a look' });
    const exported = (await author.agent.get('/api/me/export').expect(200)).body.notifications as Record<string, unknown>[];
    expect(exported[0]).toMatchObject({ kind: 'moderation-action', code: 'moderation.action', params: { action: 'hide', target: 'post', reason: 'Needs a look' } });
  });
});
