import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, QueueItemKind, type ContentWarningCategory, type CreateReportRequest, type MyReportView, type PostStatus, type QueueItemStatus, type ReportPlace } from '@kindred/contracts';
import type { DataSource } from 'typeorm';
import { AccessService, type AccessGrant, type Actor } from '../access/access.service.js';
import { Action } from '../access/actions.js';
import { Clock } from '../common/clock.js';
import { AppError } from '../common/errors/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { SafetyService } from '../safety/safety.service.js';
import { statusVisible } from '../threads/thread-access.service.js';
import { QueueService } from './queue.service.js';
import { targetFacts } from './queue-targets.js';
import { severityOf } from './severity.js';

/** Members report harm; reports on one target merge into one queue item. */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly queue: QueueService,
    private readonly clock: Clock,
    private readonly safety: SafetyService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async report(reporter: Actor, dto: CreateReportRequest): Promise<MyReportView> {
    const facts = await targetFacts(this.db.manager, dto.targetType, dto.targetId);
    // You can only report what you can see; anything else is "not found".
    if (facts.roomId) await this.access.require({ user: reporter, action: Action.RoomRead, roomId: facts.roomId });
    if (facts.subjectUserId === reporter.id && dto.targetType === 'member') throw AppError.validation('You cannot report yourself.');
    const since = new Date(this.clock.now().getTime() - 3_600_000);
    const [{ n }] = (await this.db.query('SELECT count(*)::int AS n FROM reports WHERE reporter_id = $1 AND created_at > $2', [reporter.id, since])) as { n: number }[];
    if (n >= this.config.reportLimitPerHour) {
      throw new AppError(HttpStatus.TOO_MANY_REQUESTS, ErrorCode.ReportLimit, 'You have sent many reports in the last hour. Moderators have them; please wait a little before sending more.');
    }
    const reportId = await this.db.transaction(async (manager) => {
      const item = await this.queue.raise(
        { kind: QueueItemKind.Report, severity: severityOf(dto.category), roomId: facts.roomId, targetType: dto.targetType, targetId: dto.targetId, subjectUserId: facts.subjectUserId },
        manager,
      );
      const [row] = (await manager.query(
        `INSERT INTO reports (reporter_id, target_type, target_id, category, note, queue_item_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [reporter.id, dto.targetType, dto.targetId, dto.category, dto.note?.trim() || null, item.id],
      )) as { id: string }[];
      this.queue.announce(item);
      return row!.id;
    });
    return (await this.views(reporter, reportId))[0]!;
  }

  mine(reporter: Actor): Promise<MyReportView[]> {
    return this.views(reporter);
  }

  /** The reporter's reports (or one of them), newest first, each with where it was made. */
  private async views(reporter: Actor, reportId?: string): Promise<MyReportView[]> {
    const rows: ReportRow[] = await this.db.query(
      `SELECT r.id, r.target_type, r.category, r.created_at, q.status, q.outcome_for_reporters AS outcome,
              COALESCE(p.room_id, t.room_id, m.room_id) AS room_id,
              t.id AS thread_id, t.title AS thread_title, t.status AS thread_status, t.author_id AS thread_author_id, t.content_warnings AS thread_warnings
       FROM reports r JOIN queue_items q ON q.id = r.queue_item_id
       LEFT JOIN posts p ON r.target_type = 'post' AND p.id = r.target_id
       LEFT JOIN threads t ON t.id = CASE r.target_type WHEN 'thread' THEN r.target_id WHEN 'post' THEN p.thread_id END
       LEFT JOIN chat_messages m ON r.target_type = 'message' AND m.id = r.target_id
       WHERE r.reporter_id = $1 ${reportId ? 'AND r.id = $2' : ''} ORDER BY r.created_at DESC LIMIT 100`,
      reportId ? [reporter.id, reportId] : [reporter.id],
    );
    const place = await this.placeFinder(reporter, rows);
    return rows.map((r) => ({
      id: r.id,
      targetType: r.target_type,
      category: r.category,
      createdAt: r.created_at.toISOString(),
      status: r.status,
      outcome: r.outcome,
      place: place(r),
    }));
  }

  /**
   * Names the room and thread of each report only as far as the reporter may still see them:
   * the access gate decides about the room (once per room), and a thread that was removed,
   * or that their warning settings or blocks now hide, stays unnamed.
   */
  private async placeFinder(reporter: Actor, rows: ReportRow[]): Promise<(row: ReportRow) => ReportPlace | null> {
    const grants = new Map<string, AccessGrant | null>();
    for (const roomId of new Set(rows.flatMap((r) => (r.room_id ? [r.room_id] : [])))) {
      const grant = await this.access.require({ user: reporter, action: Action.RoomRead, roomId }).catch((error: unknown) => {
        if (error instanceof AppError) return null;
        throw error;
      });
      grants.set(roomId, grant);
    }
    const filter = rows.some((r) => r.thread_id) ? await this.safety.viewerFilter(reporter.id) : null;
    return (row) => {
      const grant = row.room_id ? grants.get(row.room_id) : null;
      if (!grant?.room) return null;
      const own = row.thread_author_id === reporter.id;
      const threadVisible =
        !!row.thread_id &&
        statusVisible(row.thread_status!, row.thread_author_id!, reporter, grant.canModerate) &&
        (own || !filter?.hides(row.thread_warnings ?? [], row.thread_author_id!));
      return { roomName: grant.room.name, thread: threadVisible ? { id: row.thread_id!, title: row.thread_title! } : null };
    };
  }
}

interface ReportRow {
  id: string;
  target_type: never;
  category: never;
  created_at: Date;
  status: QueueItemStatus;
  outcome: string | null;
  room_id: string | null;
  thread_id: string | null;
  thread_title: string | null;
  thread_status: PostStatus | null;
  thread_author_id: string | null;
  thread_warnings: ContentWarningCategory[] | null;
}
