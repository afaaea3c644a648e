import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import type { NotificationView } from '@kindred/contracts';
import { MentionNoticesService } from '../../apps/api/src/mentions/mention-notices.service.js';
import { createRoom, createThread, join, reply } from '../support/forum.js';
import { memberSession, realtimeTestBed, record, request, waitFor } from '../support/realtime.js';

// A mention updates the member's badge over the socket, from a post or from live chat; the chat
// ack never waits for it, and a blocker or someone who cannot read the room hears nothing.

const bed = realtimeTestBed();
const open = (token: string) => bed.open(token);

async function roomWith(count: number, settings: Record<string, unknown> = {}) {
  const { t, admin } = bed;
  const room = await createRoom(admin.agent, settings);
  const people = [];
  for (let i = 0; i < count; i += 1) {
    const member = await memberSession(t);
    await join(member.agent, room.id).expect(200);
    people.push(member);
  }
  return { room, people };
}

describe('mention notices in real time', () => {
  it('a mention in a reply reaches the member live; a blocker hears nothing', async () => {
    const { t } = bed;
    const { room, people } = await roomWith(3);
    const [author, ana, blocker] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]];
    await blocker.agent.post('/api/me/blocks').send({ handle: author.handle }).expect(201);
    const thread = await createThread(author.agent, room.id, { title: 'Mornings' });
    const anaNotices = record<NotificationView>(await open(ana.token), 'notification');
    const blockerNotices = record<NotificationView>(await open(blocker.token), 'notification');

    const post = await reply(author.agent, thread.id, { body: `@${ana.handle} @${blocker.handle} thank you both.` });
    await waitFor(() => anaNotices.length === 1, 5_000, 'mention notice');
    await t.get(MentionNoticesService).settled();
    expect(anaNotices[0]).toMatchObject({ kind: 'mention', code: 'mention.post', params: { threadTitle: 'Mornings', authorHandle: author.handle }, link: `/threads/${thread.id}#post-${post.id}`, read: false });
    expect(blockerNotices).toEqual([]);
  });

  it('a mention in room chat reaches the member live, after the ack; not a blocker, not someone outside the room', async () => {
    const { t, admin } = bed;
    // A room one joins by request: its chat is for its members only.
    const room = await createRoom(admin.agent, { visibility: 'listed', joinPolicy: 'request' });
    const [author, ana, blocker, outsider] = [await memberSession(t), await memberSession(t), await memberSession(t), await memberSession(t)];
    for (const m of [author, ana, blocker]) {
      await t.query(`INSERT INTO room_memberships (room_id, user_id, role, guidelines_accepted_at) VALUES ($1, $2, 'member', now())`, [room.id, m.user.id]);
    }
    await blocker.agent.post('/api/me/blocks').send({ handle: author.handle }).expect(201);
    const authorSocket = await open(author.token);
    expect(await request(authorSocket, 'chat:join', { roomId: room.id })).toMatchObject({ ok: true });
    const anaNotices = record<NotificationView>(await open(ana.token), 'notification');
    const blockerNotices = record<NotificationView>(await open(blocker.token), 'notification');
    const outsiderNotices = record<NotificationView>(await open(outsider.token), 'notification');

    const ack = await request<{ ok: boolean }>(authorSocket, 'message:send', { roomId: room.id, clientId: randomUUID(), body: `hi @${ana.handle}, @${blocker.handle} and @${outsider.handle}` });
    expect(ack).toMatchObject({ ok: true });
    await waitFor(() => anaNotices.length === 1, 5_000, 'chat mention notice');
    await t.get(MentionNoticesService).settled();
    expect(anaNotices[0]).toMatchObject({ kind: 'mention', code: 'mention.chat', params: { authorHandle: author.handle }, link: `/rooms/${room.slug}` });
    expect(blockerNotices).toEqual([]);
    expect(outsiderNotices).toEqual([]);
  });
});
