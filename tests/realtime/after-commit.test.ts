import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { QueueItemKind } from '@kindred/contracts';
import { DataSource } from 'typeorm';
import { QueueRaiser } from '../../apps/api/src/moderation/queue-raiser.js';
import { NotificationsService } from '../../apps/api/src/notifications/notifications.service.js';
import { createRoom } from '../support/forum.js';
import { memberSession, realtimeTestBed, record, settle, waitFor } from '../support/realtime.js';

// Live pushes about something written in a transaction leave only once it is committed: an open
// dashboard (or a member's notices) reads back what it was told about at once, so a push before
// the commit finds nothing, and a push for a write that was rolled back tells of what never was.
// (A moderation e2e missed an appeal this way on a slow machine.)

const bed = realtimeTestBed();

describe('pushes wait for the commit', () => {
  it('a queue item raised in a transaction reaches open dashboards after its commit, never after a rollback', async () => {
    const { t, admin } = bed;
    const room = await createRoom(admin.agent);
    const updates = record<{ itemId: string }>(await bed.open(admin.token), 'queue:updated');
    const raise = (manager: Parameters<QueueRaiser['raise']>[1]) =>
      t.get(QueueRaiser).raise({ kind: QueueItemKind.Report, severity: 1, roomId: room.id, targetType: 'post', targetId: randomUUID(), subjectUserId: null }, manager);

    let raised = '';
    await t.get(DataSource).transaction(async (manager) => {
      raised = (await raise(manager)).id;
      await settle(300);
      // Still uncommitted: nobody has been told.
      expect(updates).toEqual([]);
    });
    await waitFor(() => updates.length === 1, 5_000, 'the push after the commit');
    expect(updates[0]).toMatchObject({ itemId: raised });

    await expect(
      t.get(DataSource).transaction(async (manager) => {
        await raise(manager);
        throw new Error('the step after it failed');
      }),
    ).rejects.toThrow('the step after it failed');
    await settle(300);
    expect(updates).toHaveLength(1);
  });

  it('a notice written in a transaction is pushed to its member after the commit, never after a rollback', async () => {
    const { t } = bed;
    const member = await memberSession(t);
    const pushed = record<{ code: string }>(await bed.open(member.token), 'notification');
    const notice = { kind: 'report-outcome', content: { code: 'report.outcome', params: { outcome: 'no-action' } } } as Parameters<NotificationsService['notify']>[1];

    await t.get(DataSource).transaction(async (manager) => {
      await t.get(NotificationsService).notify(member.user.id, notice, manager);
      await settle(300);
      expect(pushed).toEqual([]);
    });
    await waitFor(() => pushed.length === 1, 5_000, 'the notice after the commit');

    await expect(
      t.get(DataSource).transaction(async (manager) => {
        await t.get(NotificationsService).notify(member.user.id, notice, manager);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await settle(300);
    expect(pushed).toHaveLength(1);
  });
});
