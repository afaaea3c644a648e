import { describe, expect, it } from '@jest/globals';
import type { NotificationView } from '@kindred/contracts';
import { RoomThreadNoticesService } from '../../apps/api/src/posts/room-thread-notices.service.js';
import { createRoom, createThread, join } from '../support/forum.js';
import { memberSession, realtimeTestBed, record, waitFor } from '../support/realtime.js';

// A new thread in a followed room updates the follower's badge over the socket, as one notice per
// room whose count grows; a member who switched room-thread notices off gets nothing live either.

const bed = realtimeTestBed();
const open = (token: string) => bed.open(token);

describe('room-thread notices in real time', () => {
  it('a follower hears each new thread live as one growing notice; a member who switched them off hears nothing', async () => {
    const { t, admin } = bed;
    const room = await createRoom(admin.agent);
    const author = await memberSession(t);
    const follower = await memberSession(t);
    const quiet = await memberSession(t);
    for (const m of [author, follower, quiet]) {
      await join(m.agent, room.id).expect(200);
      await m.agent.put(`/api/rooms/${room.id}/follow`).expect(204);
    }
    await quiet.agent.patch('/api/me/notification-settings').send({ roomThreads: false }).expect(200);
    const followerNotices = record<NotificationView>(await open(follower.token), 'notification');
    const quietNotices = record<NotificationView>(await open(quiet.token), 'notification');

    await createThread(author.agent, room.id, { title: 'Mornings' });
    await waitFor(() => followerNotices.length === 1, 5_000, 'first room-thread notice');
    await createThread(author.agent, room.id, { title: 'Evenings' });
    await waitFor(() => followerNotices.length === 2, 5_000, 'second room-thread notice');
    await t.get(RoomThreadNoticesService).settled();

    const [first, second] = followerNotices;
    expect(first).toMatchObject({ kind: 'room-thread', code: 'room-thread.new', params: { count: 1 }, link: `/rooms/${room.slug}`, read: false });
    expect(second).toMatchObject({ id: first!.id, params: { count: 2 } });
    expect(quietNotices).toEqual([]);
    // Switched on again, the very next thread arrives live: the switch is what kept it quiet.
    await quiet.agent.patch('/api/me/notification-settings').send({ roomThreads: true }).expect(200);
    await createThread(author.agent, room.id, { title: 'Afternoons' });
    await waitFor(() => quietNotices.length === 1, 5_000, 'notice once switched on');
    await t.get(RoomThreadNoticesService).settled();
  });
});
