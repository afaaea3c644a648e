import { describe, expect, it } from '@jest/globals';
import type { QueueUpdate } from '@kindred/contracts';
import { createRoom, join } from '../support/forum.js';
import { memberSession, record, settle, waitFor, realtimeTestBed } from '../support/realtime.js';

/**
 * Issue 17 item 4: moderators hear of a crisis at once. The Moderation link's count starts from
 * GET /api/moderation/crisis-items and follows `queue:updated`, which reaches the room's
 * moderators and global moderators only.
 */
const bed = realtimeTestBed();

const openCrisis = async (agent: ReturnType<typeof bed.t.agent>) => ((await agent.get('/api/moderation/crisis-items').expect(200)).body as { open: string[] }).open;

describe('the live crisis count', () => {
  it('reaches the room’s moderators and global moderators over their sockets, never others, and falls when the item is closed', async () => {
    const room = await createRoom(bed.admin.agent);
    const otherRoom = await createRoom(bed.admin.agent);
    const moderator = await memberSession(bed.t, 'mod');
    const elsewhere = await memberSession(bed.t, 'othermod');
    const globalModerator = await memberSession(bed.t, 'globalmod');
    await bed.t.query(`UPDATE users SET role = 'moderator' WHERE id = $1`, [globalModerator.user.id]);
    await bed.admin.agent.put(`/api/rooms/${room.id}/moderators`).send({ userId: moderator.user.id }).expect(204);
    await bed.admin.agent.put(`/api/rooms/${otherRoom.id}/moderators`).send({ userId: elsewhere.user.id }).expect(204);
    const author = await memberSession(bed.t, 'author');
    const bystander = await memberSession(bed.t, 'member');
    for (const m of [author, bystander]) await join(m.agent, room.id).expect(200);

    const heard = {
      moderator: record<QueueUpdate>(await bed.open(moderator.token), 'queue:updated'),
      globalModerator: record<QueueUpdate>(await bed.open(globalModerator.token), 'queue:updated'),
      elsewhere: record<QueueUpdate>(await bed.open(elsewhere.token), 'queue:updated'),
      bystander: record<QueueUpdate>(await bed.open(bystander.token), 'queue:updated'),
    };
    expect(await openCrisis(moderator.agent)).toEqual([]);

    await author.agent.post(`/api/rooms/${room.id}/threads`).send({ title: 'Tonight', body: 'I want to end my life tonight.' }).expect(201);
    const isNewCrisis = (u: QueueUpdate) => u.kind === 'crisis' && u.severity === 3 && u.status === 'open';
    await waitFor(() => heard.moderator.some(isNewCrisis) && heard.globalModerator.some(isNewCrisis), 5_000, 'the crisis item, live');
    const itemId = heard.moderator.find(isNewCrisis)!.itemId;
    expect(heard.moderator.find(isNewCrisis)).toMatchObject({ roomId: room.id });
    expect(await openCrisis(moderator.agent)).toEqual([itemId]);
    expect(await openCrisis(globalModerator.agent)).toEqual([itemId]);
    expect(await openCrisis(elsewhere.agent)).toEqual([]);

    await moderator.agent.post(`/api/moderation/queue/${itemId}/supported`).send({ note: 'Reached out; they are with a friend.' }).expect(204);
    await waitFor(() => heard.moderator.some((u) => u.itemId === itemId && u.status === 'resolved'), 5_000, 'the item closing, live');
    await settle();
    expect(await openCrisis(moderator.agent)).toEqual([]);
    expect(heard.elsewhere).toEqual([]);
    expect(heard.bystander).toEqual([]);
  });
});
