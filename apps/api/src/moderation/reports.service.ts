import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, QueueItemKind, type CreateReportRequest, type MyReportView, type QueueItemStatus } from '@kindred/contracts';
import type { DataSource } from 'typeorm';
import { AccessService, type Actor } from '../access/access.service.js';
import { Action } from '../access/actions.js';
import { Clock } from '../common/clock.js';
import { AppError } from '../common/errors/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
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
    return this.db.transaction(async (manager) => {
      const item = await this.queue.raise(
        { kind: QueueItemKind.Report, severity: severityOf(dto.category), roomId: facts.roomId, targetType: dto.targetType, targetId: dto.targetId, subjectUserId: facts.subjectUserId },
        manager,
      );
      const [row] = (await manager.query(
        `INSERT INTO reports (reporter_id, target_type, target_id, category, note, queue_item_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id, created_at`,
        [reporter.id, dto.targetType, dto.targetId, dto.category, dto.note?.trim() || null, item.id],
      )) as { id: string; created_at: Date }[];
      this.queue.announce(item);
      return { id: row!.id, targetType: dto.targetType, category: dto.category, createdAt: row!.created_at.toISOString(), status: item.status, outcome: null };
    });
  }

  async mine(reporterId: string): Promise<MyReportView[]> {
    const rows: { id: string; target_type: never; category: never; created_at: Date; status: QueueItemStatus; outcome: string | null }[] = await this.db.query(
      `SELECT r.id, r.target_type, r.category, r.created_at, q.status, q.outcome_for_reporters AS outcome
       FROM reports r JOIN queue_items q ON q.id = r.queue_item_id WHERE r.reporter_id = $1 ORDER BY r.created_at DESC LIMIT 100`,
      [reporterId],
    );
    return rows.map((r) => ({ id: r.id, targetType: r.target_type, category: r.category, createdAt: r.created_at.toISOString(), status: r.status, outcome: r.outcome }));
  }
}
