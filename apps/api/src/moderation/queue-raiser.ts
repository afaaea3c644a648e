import { Injectable } from '@nestjs/common';
import { QueueItemKind, QueueItemStatus, type ReportTargetType } from '@kindred/contracts';
import type { EntityManager } from 'typeorm';
import { DomainEvents } from '../common/events/domain-events.js';
import { afterCommit } from '../database/after-commit.js';
import type { QueueItemEntity } from './queue-item.entity.js';
import { QueueRepository } from './queue.repository.js';

export interface RaiseItem {
  kind: QueueItemKind;
  severity: number;
  roomId: string | null;
  targetType: ReportTargetType;
  targetId: string;
  subjectUserId: string | null;
  appealOfLogId?: string;
  appealMessage?: string;
}

export const OPEN_STATES: QueueItemStatus[] = [QueueItemStatus.Open, QueueItemStatus.Claimed];

/**
 * Raising moderation queue items (reports, crisis flags, held posts, appeals). Items on the
 * same target merge while open; every change is announced so open dashboards update live.
 * Content and chat raise items through this, in their own transactions.
 */
@Injectable()
export class QueueRaiser {
  constructor(
    private readonly items: QueueRepository,
    private readonly events: DomainEvents,
  ) {}

  /** Adds an item, or joins the open one for the same target (raising its severity if needed). */
  async raise(item: RaiseItem, manager: EntityManager): Promise<QueueItemEntity> {
    if (item.kind !== QueueItemKind.Appeal) {
      // Serialises concurrent reports on one target so they merge instead of racing.
      await this.items.lockTarget(item.kind, item.targetType, item.targetId, manager);
      const open = await this.items.findOpen(item.kind, item.targetType, item.targetId, OPEN_STATES, manager);
      if (open) {
        if (item.severity > open.severity) await this.items.setSeverity(open.id, item.severity, manager);
        return open;
      }
    }
    const created = await this.items.create({ ...item, appealOfLogId: item.appealOfLogId ?? null, appealMessage: item.appealMessage ?? null }, manager);
    this.announce(created, manager);
    return created;
  }

  /** Tells open dashboards, once `manager`'s transaction (if any) has committed: they read the queue back at once. */
  announce(item: QueueItemEntity, manager?: EntityManager): void {
    afterCommit(manager, () => this.emitUpdated(item));
  }

  private emitUpdated(item: QueueItemEntity): void {
    this.events.emit('queue.updated', {
      itemId: item.id,
      roomId: item.roomId,
      kind: item.kind,
      status: item.status,
      severity: item.severity,
      claimedBy: item.claimedBy,
    });
  }
}
