import { describe, expect, it } from '@jest/globals';
import type { NotificationView } from '@kindred/contracts';
import { ReplyNoticesService } from '../../apps/api/src/posts/reply-notices.service.js';
import { createRoom, createThread, join, reply } from '../support/forum.js';
import { memberSession, realtimeTestBed, record, waitFor } from '../support/realtime.js';

// A reply in a followed thread updates the follower's badge over the socket; a batched notice
// arrives again with the same id (the app replaces it), and nothing reaches a blocker.

const bed = realtimeTestBed();
const open = (token: string) => bed.open(token);

describe('reply notices in real time', () => {
  it('the follower hears each reply live, as one notice whose count grows; a blocker hears nothing', async () => {
    const { t, admin } = bed;
    const room = await createRoom(admin.agent);
    const starter = await memberSession(t);
    const replier = await memberSession(t);
    const blocker = await memberSession(t);
    for (const m of [starter, replier, blocker]) await join(m.agent, room.id).expect(200);
    const thread = await createThread(starter.agent, room.id, { title: 'Evenings' });
    await blocker.agent.put(`/api/threads/${thread.id}/follow`).expect(204);
    await blocker.agent.post('/api/me/blocks').send({ handle: replier.handle }).expect(201);
    const starterNotices = record<NotificationView>(await open(starter.token), 'notification');
    const blockerNotices = record<NotificationView>(await open(blocker.token), 'notification');

    await reply(replier.agent, thread.id);
    await waitFor(() => starterNotices.length === 1, 5_000, 'first reply notice');
    await reply(replier.agent, thread.id);
    await waitFor(() => starterNotices.length === 2, 5_000, 'second reply notice');
    await t.get(ReplyNoticesService).settled();

    const [first, second] = starterNotices;
    expect(first).toMatchObject({ kind: 'reply', code: 'reply.new', params: { threadTitle: 'Evenings', count: 1 }, link: `/threads/${thread.id}`, read: false });
    expect(second).toMatchObject({ id: first!.id, params: { threadTitle: 'Evenings', count: 2 } });
    expect(blockerNotices).toEqual([]);
  });
});
