import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ModeratorRevealEntity } from './moderator-reveal.entity.js';

/** One moment of a moderator's queue work: an item they closed or cared for, or unfolded. */
export interface WorkEvent {
  itemId: string;
  severity: number;
  at: Date;
  /** Unfolding an item is work, but not an item handled. */
  handled: boolean;
}

/**
 * Every query on `moderator_reveals`, and the reads of a moderator's own work on the queue
 * (`queue_items` they closed, care they gave in `moderation_log`; both tables of this folder).
 */
@Injectable()
export class WellbeingRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async reveal(moderatorId: string, queueItemId: string): Promise<void> {
    await this.db.createQueryBuilder().insert().into(ModeratorRevealEntity).values({ moderatorId, queueItemId }).orIgnore().execute();
  }

  async fold(moderatorId: string, queueItemId: string): Promise<void> {
    await this.db.getRepository(ModeratorRevealEntity).delete({ moderatorId, queueItemId });
  }

  /** Which of these items the moderator has unfolded. */
  async revealed(moderatorId: string, queueItemIds: string[]): Promise<Set<string>> {
    if (queueItemIds.length === 0) return new Set();
    const rows = await this.db.query<{ queue_item_id: string }[]>(
      'SELECT queue_item_id FROM moderator_reveals WHERE moderator_id = $1 AND queue_item_id = ANY($2::uuid[])',
      [moderatorId, queueItemIds],
    );
    return new Set(rows.map((r) => r.queue_item_id));
  }

  /** The moderator's work on the queue since `since`, newest first. */
  async workSince(moderatorId: string, since: Date): Promise<WorkEvent[]> {
    const rows = await this.db.query<{ item_id: string; severity: number; at: Date; handled: boolean }[]>(
      `SELECT e.item_id, q.severity, e.at, e.handled FROM (
         SELECT id AS item_id, resolved_at AS at, true AS handled FROM queue_items WHERE resolved_by = $1 AND resolved_at >= $2
         UNION ALL
         SELECT target_id, created_at, true FROM moderation_log WHERE actor_id = $1 AND target_type = 'queue-item' AND action LIKE 'care.%' AND created_at >= $2
         UNION ALL
         SELECT queue_item_id, created_at, false FROM moderator_reveals WHERE moderator_id = $1 AND created_at >= $2
       ) e JOIN queue_items q ON q.id = e.item_id
       ORDER BY e.at DESC`,
      [moderatorId, since],
    );
    return rows.map((r) => ({ itemId: r.item_id, severity: Number(r.severity), at: new Date(r.at), handled: r.handled }));
  }
}
