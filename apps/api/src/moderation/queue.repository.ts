import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { QueueItemKind, QueueItemStatus, ReportCategory, ReportTargetType } from '@kindred/contracts';
import type { DataSource, EntityManager, Repository } from 'typeorm';
import { groupBy } from '../common/group-by.js';
import { QueueItemEntity } from './queue-item.entity.js';
import type { ReportSnapshotMessage } from './report.entity.js';

export interface NewReport {
  reporterId: string;
  targetType: ReportTargetType;
  targetId: string;
  category: ReportCategory;
  note: string | null;
  queueItemId: string;
  snapshot?: ReportSnapshotMessage[] | null;
}

/** A member's report with its item's status and outcome. */
export interface MyReportRow {
  id: string;
  target_type: ReportTargetType;
  target_id: string;
  category: ReportCategory;
  created_at: Date;
  status: QueueItemStatus;
  outcome: string | null;
}

/** A report as its queue item shows it. */
export interface ItemReportRow {
  queue_item_id: string;
  category: ReportCategory;
  note: string | null;
  created_at: Date;
  reporter_id: string;
}

/** A moderator's private note on a queue item. */
export interface QueueNoteRow {
  queue_item_id: string;
  body: string;
  created_at: Date;
  author_id: string;
}

/** Every query on `queue_items`, `reports` and `queue_notes`. */
@Injectable()
export class QueueRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private items(manager: EntityManager = this.db.manager): Repository<QueueItemEntity> {
    return manager.getRepository(QueueItemEntity);
  }

  /** Serialises concurrent raises on one target, until the transaction ends. */
  async lockTarget(kind: QueueItemKind, targetType: ReportTargetType, targetId: string, manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`queue:${kind}:${targetType}:${targetId}`]);
  }

  findOpen(kind: QueueItemKind, targetType: ReportTargetType, targetId: string, openStates: QueueItemStatus[], manager: EntityManager): Promise<QueueItemEntity | null> {
    return this.items(manager)
      .createQueryBuilder('q')
      .where('q.kind = :kind AND q.target_type = :type AND q.target_id = :id AND q.status IN (:...states)', { kind, type: targetType, id: targetId, states: openStates })
      .getOne();
  }

  async setSeverity(id: string, severity: number, manager: EntityManager): Promise<void> {
    await this.items(manager).update({ id }, { severity });
  }

  create(values: Partial<QueueItemEntity>, manager: EntityManager): Promise<QueueItemEntity> {
    const repo = this.items(manager);
    return repo.save(repo.create(values));
  }

  save(item: QueueItemEntity, manager?: EntityManager): Promise<QueueItemEntity> {
    return this.items(manager).save(item);
  }

  findById(id: string, manager?: EntityManager): Promise<QueueItemEntity | null> {
    return this.items(manager).findOne({ where: { id } });
  }

  /** Most severe first, oldest first within a severity; `rooms` limits to those rooms. */
  list(statuses: QueueItemStatus[], rooms: string[] | null): Promise<QueueItemEntity[]> {
    return this.items()
      .createQueryBuilder('q')
      .where('q.status IN (:...statuses)', { statuses })
      .andWhere(rooms ? 'q.room_id IN (:...rooms)' : 'TRUE', { rooms })
      .orderBy('q.severity', 'DESC')
      .addOrderBy('q.created_at', 'ASC')
      .take(100)
      .getMany();
  }

  /** Ids of open (or claimed) items at this severity, in these rooms (null: every room). */
  async openIdsAtSeverity(severity: number, statuses: QueueItemStatus[], rooms: string[] | null): Promise<string[]> {
    const rows = await this.items()
      .createQueryBuilder('q')
      .select('q.id', 'id')
      .where('q.status IN (:...statuses) AND q.severity = :severity', { statuses, severity })
      .andWhere(rooms ? 'q.room_id IN (:...rooms)' : 'TRUE', { rooms })
      .orderBy('q.created_at', 'ASC')
      .getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  async hasOpenAppeal(logEntryId: string): Promise<boolean> {
    const [open] = (await this.db.query(`SELECT id FROM queue_items WHERE appeal_of_log_id = $1 AND status IN ('open', 'claimed')`, [logEntryId])) as unknown[];
    return !!open;
  }

  async addNote(itemId: string, authorId: string, body: string, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.query('INSERT INTO queue_notes (queue_item_id, author_id, body) VALUES ($1, $2, $3)', [itemId, authorId, body]);
  }

  /** What a report is about (for labelling it for the crisis detector). */
  async reportTarget(reportId: string): Promise<{ targetType: ReportTargetType; targetId: string } | null> {
    const [row] = await this.db.query<{ target_type: ReportTargetType; target_id: string }[]>('SELECT target_type, target_id FROM reports WHERE id = $1', [reportId]);
    return row ? { targetType: row.target_type, targetId: row.target_id } : null;
  }

  /** Each item's private notes, oldest first, by item id. */
  async notesOf(itemIds: string[]): Promise<Map<string, QueueNoteRow[]>> {
    if (itemIds.length === 0) return new Map();
    const rows: QueueNoteRow[] = await this.db.query(
      'SELECT n.queue_item_id, n.body, n.created_at, n.author_id FROM queue_notes n WHERE n.queue_item_id = ANY($1::uuid[]) ORDER BY n.created_at',
      [itemIds],
    );
    return groupBy(rows, (r) => r.queue_item_id);
  }

  /** Each item's reports, oldest first, by item id. */
  async reportsOf(itemIds: string[]): Promise<Map<string, ItemReportRow[]>> {
    if (itemIds.length === 0) return new Map();
    const rows: ItemReportRow[] = await this.db.query(
      'SELECT r.queue_item_id, r.category, r.note, r.created_at, r.reporter_id FROM reports r WHERE r.queue_item_id = ANY($1::uuid[]) ORDER BY r.created_at',
      [itemIds],
    );
    return groupBy(rows, (r) => r.queue_item_id);
  }

  async reporterIds(itemId: string, manager: EntityManager): Promise<string[]> {
    const rows: { reporter_id: string }[] = await manager.query('SELECT DISTINCT reporter_id FROM reports WHERE queue_item_id = $1', [itemId]);
    return rows.map((r) => r.reporter_id);
  }

  async reportsSince(reporterId: string, since: Date): Promise<number> {
    const [row] = (await this.db.query('SELECT count(*)::int AS n FROM reports WHERE reporter_id = $1 AND created_at > $2', [reporterId, since])) as { n: number }[];
    return row?.n ?? 0;
  }

  async insertReport(report: NewReport, manager: EntityManager): Promise<{ id: string; createdAt: Date }> {
    const [row] = (await manager.query(
      `INSERT INTO reports (reporter_id, target_type, target_id, category, note, queue_item_id, snapshot) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, created_at`,
      [report.reporterId, report.targetType, report.targetId, report.category, report.note, report.queueItemId, report.snapshot ? JSON.stringify(report.snapshot) : null],
    )) as { id: string; created_at: Date }[];
    return { id: row!.id, createdAt: row!.created_at };
  }

  /** Whether a participant reported this private conversation's message (a snapshot exists): only then may moderators act on it. */
  async hasSnapshotOf(messageId: string): Promise<boolean> {
    const rows = (await this.db.query(`SELECT 1 FROM reports WHERE target_type = 'message' AND target_id = $1 AND snapshot IS NOT NULL LIMIT 1`, [messageId])) as unknown[];
    return rows.length > 0;
  }

  /** The latest snapshot reporters took of each item's target (private conversations only), by item id. */
  async latestSnapshots(itemIds: string[]): Promise<Map<string, ReportSnapshotMessage[]>> {
    if (itemIds.length === 0) return new Map();
    const rows = (await this.db.query(
      `SELECT DISTINCT ON (queue_item_id) queue_item_id, snapshot FROM reports
       WHERE queue_item_id = ANY($1::uuid[]) AND snapshot IS NOT NULL ORDER BY queue_item_id, created_at DESC`,
      [itemIds],
    )) as { queue_item_id: string; snapshot: ReportSnapshotMessage[] }[];
    return new Map(rows.map((r) => [r.queue_item_id, r.snapshot]));
  }

  /** The member's reports (or one of them) with their items' status and outcome, newest first. */
  myReports(reporterId: string, reportId?: string): Promise<MyReportRow[]> {
    return this.db.query(
      `SELECT r.id, r.target_type, r.target_id, r.category, r.created_at, q.status, q.outcome_for_reporters AS outcome
       FROM reports r JOIN queue_items q ON q.id = r.queue_item_id
       WHERE r.reporter_id = $1 ${reportId ? 'AND r.id = $2' : ''} ORDER BY r.created_at DESC LIMIT 100`,
      reportId ? [reporterId, reportId] : [reporterId],
    );
  }

  /** The member's reports, for their data export. */
  exportFor(userId: string): Promise<unknown[]> {
    return this.db.query('SELECT target_type, target_id, category, note, created_at FROM reports WHERE reporter_id = $1 ORDER BY created_at', [userId]);
  }
}
