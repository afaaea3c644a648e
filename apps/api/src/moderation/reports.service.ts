import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, QueueItemKind, type CreateReportRequest, type MyReportView, type ReportPlace, ErrorReason } from '@kindred/contracts';
import type { DataSource } from 'typeorm';
import { AccessService, type AccessGrant, type Actor } from '../access/access.service.js';
import { Action } from '../access/actions.js';
import { Clock } from '../common/clock.js';
import { AppError } from '../common/errors/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { reportOutcomeFromText } from '../notifications/notice-english.js';
import { SafetyService } from '../safety/safety.service.js';
import { statusVisible } from '../threads/thread-access.service.js';
import { QueueRepository, type MyReportRow } from './queue.repository.js';
import { QueueRaiser } from './queue-raiser.js';
import { QueueTargets, type TargetPlace } from './queue-targets.js';
import type { ReportSnapshotMessage } from './report.entity.js';
import { severityOf } from './severity.js';

/** Members report harm; reports on one target merge into one queue item. */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly queue: QueueRaiser,
    private readonly clock: Clock,
    private readonly safety: SafetyService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly items: QueueRepository,
    private readonly targets: QueueTargets,
  ) {}

  async report(reporter: Actor, dto: CreateReportRequest): Promise<MyReportView> {
    const facts = await this.targets.facts(dto.targetType, dto.targetId);
    // You can only report what you can see; anything else is "not found".
    if (facts.roomId) await this.access.require({ user: reporter, action: Action.RoomRead, roomId: facts.roomId });
    const snapshot = facts.conversationId ? await this.conversationSnapshot(reporter, facts.conversationId, facts.seq!, dto.targetId) : null;
    if (facts.subjectUserId === reporter.id && dto.targetType === 'member') throw AppError.validation('You cannot report yourself.', undefined, ErrorReason.NotYourself);
    const since = new Date(this.clock.now().getTime() - 3_600_000);
    if ((await this.items.reportsSince(reporter.id, since)) >= this.config.reportLimitPerHour) {
      throw new AppError({ status: HttpStatus.TOO_MANY_REQUESTS, code: ErrorCode.ReportLimit, message: 'You have sent many reports in the last hour. Moderators have them; please wait a little before sending more.', params: { limit: this.config.reportLimitPerHour } });
    }
    const reportId = await this.db.transaction(async (manager) => {
      const item = await this.queue.raise(
        { kind: QueueItemKind.Report, severity: severityOf(dto.category), roomId: facts.roomId, targetType: dto.targetType, targetId: dto.targetId, subjectUserId: facts.subjectUserId },
        manager,
      );
      const report = await this.items.insertReport(
        { reporterId: reporter.id, targetType: dto.targetType, targetId: dto.targetId, category: dto.category, note: dto.note?.trim() || null, queueItemId: item.id, snapshot },
        manager,
      );
      this.queue.announce(item);
      return report.id;
    });
    return (await this.views(reporter, reportId))[0]!;
  }

  /**
   * Only someone in the conversation can report in it, and only what they could see: a request's
   * recipient its first message alone. The snapshot is what moderators will see, and all.
   */
  private async conversationSnapshot(reporter: Actor, conversationId: string, seq: number, messageId: string): Promise<ReportSnapshotMessage[]> {
    const grant = await this.access.require({ user: reporter, action: Action.ConversationRead, conversationId }).catch(() => {
      throw AppError.notFound('No such message.', 'message');
    });
    const all = await this.targets.snapshot(messageId);
    if (grant.participation!.state !== 'invited') return all;
    if (seq !== 1) throw AppError.notFound('No such message.', 'message');
    return all.filter((m) => m.id === messageId);
  }

  mine(reporter: Actor): Promise<MyReportView[]> {
    return this.views(reporter);
  }

  /** The reporter's reports (or one of them), newest first, each with where it was made. */
  private async views(reporter: Actor, reportId?: string): Promise<MyReportView[]> {
    const rows = await this.items.myReports(reporter.id, reportId);
    const places = await this.targets.places(rows.map((r) => ({ type: r.target_type, id: r.target_id })));
    const place = await this.placeFinder(reporter, rows, places);
    return rows.map((r) => ({
      id: r.id,
      targetType: r.target_type,
      category: r.category,
      createdAt: r.created_at.toISOString(),
      status: r.status,
      outcome: r.outcome,
      outcomeCode: reportOutcomeFromText(r.outcome),
      place: place(r),
    }));
  }

  /**
   * Names the room and thread of each report only as far as the reporter may still see them:
   * the access gate decides about the room (once per room), and a thread that was removed,
   * or that their warning settings or blocks now hide, stays unnamed.
   */
  private async placeFinder(reporter: Actor, rows: MyReportRow[], places: Map<string, TargetPlace>): Promise<(row: MyReportRow) => ReportPlace | null> {
    const placeOf = (row: MyReportRow) => places.get(row.target_id);
    const grants = new Map<string, AccessGrant | null>();
    for (const roomId of new Set(rows.flatMap((r) => placeOf(r)?.roomId ?? []))) {
      const grant = await this.access.require({ user: reporter, action: Action.RoomRead, roomId }).catch((error: unknown) => {
        if (error instanceof AppError) return null;
        throw error;
      });
      grants.set(roomId, grant);
    }
    const filter = rows.some((r) => placeOf(r)?.thread) ? await this.safety.viewerFilter(reporter.id) : null;
    return (row) => {
      const where = placeOf(row);
      const grant = where?.roomId ? grants.get(where.roomId) : null;
      if (!grant?.room) return null;
      const thread = where?.thread;
      const own = thread?.authorId === reporter.id;
      const threadVisible =
        !!thread && statusVisible(thread.status, thread.authorId, reporter, grant.canModerate) && (own || !filter?.hides(thread.contentWarnings, thread.authorId));
      return { roomName: grant.room.name, thread: threadVisible ? { id: thread.id, title: thread.title } : null };
    };
  }
}
