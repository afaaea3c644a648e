import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  NotificationKind,
  QueueItemKind,
  QueueItemStatus,
  Severity,
  type CrisisItemsView,
  type QueueItemView,
  type ReportOutcome, ErrorReason } from '@kindred/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { AccessGrant } from '../access/access.service.js';
import { Clock } from '../common/clock.js';
import { AppError } from '../common/errors/app-error.js';
import { reportOutcomeText } from '../notifications/notice-english.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { UserRepository } from '../users/user.repository.js';
import { ModerationLogService } from './moderation-log.service.js';
import type { QueueItemEntity } from './queue-item.entity.js';
import { OPEN_STATES, QueueRaiser } from './queue-raiser.js';
import { QueueRepository } from './queue.repository.js';
import { QueueTargets, targetKey } from './queue-targets.js';
import { SanctionsService } from './sanctions.service.js';
import { WellbeingRepository } from './wellbeing/wellbeing.repository.js';

/**
 * Working the moderation queue: listing, claiming, notes and decisions. Every change is
 * announced so open moderator dashboards update live. (Raising items: QueueRaiser.)
 */
@Injectable()
export class QueueService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly log: ModerationLogService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    private readonly items: QueueRepository,
    private readonly raiser: QueueRaiser,
    private readonly targets: QueueTargets,
    private readonly users: UserRepository,
    private readonly sanctions: SanctionsService,
    private readonly reveals: WellbeingRepository,
  ) {}

  /** Open items (or those in `statuses`) in the grant's moderation scope. */
  async list(grant: AccessGrant, statuses: QueueItemStatus[] = OPEN_STATES): Promise<QueueItemView[]> {
    const items = await this.items.list(statuses, grant.moderatedRooms && [...grant.moderatedRooms]);
    return this.views(grant.actor!.id, items);
  }

  /**
   * The open crisis items in the grant's scope: the Moderation link's live count starts from
   * these and follows \`queue:updated\` from there.
   */
  async openCrisisItems(grant: AccessGrant): Promise<CrisisItemsView> {
    return { open: await this.items.openIdsAtSeverity(Severity.Crisis, OPEN_STATES, grant.moderatedRooms && [...grant.moderatedRooms]) };
  }

  async get(grant: AccessGrant, id: string): Promise<{ item: QueueItemEntity; view: QueueItemView }> {
    const item = await this.requireItem(grant, id);
    return { item, view: await this.viewFor(grant, item) };
  }

  /** The item, if it is in the grant's moderation scope; otherwise 404. */
  async requireItem(grant: AccessGrant, id: string, manager?: EntityManager): Promise<QueueItemEntity> {
    const item = await this.items.findById(id, manager);
    if (!item || !grant.moderates(item.roomId)) throw AppError.notFound('No such queue item.', 'queue-item');
    return item;
  }

  async claim(grant: AccessGrant, id: string, claim: boolean): Promise<QueueItemView> {
    const actor = grant.actor!;
    const item = await this.requireItem(grant, id);
    if (!OPEN_STATES.includes(item.status)) throw new AppError({ status: HttpStatus.CONFLICT, code: ErrorCode.AlreadyDecided, message: 'This item has already been decided.' });
    if (claim && item.claimedBy && item.claimedBy !== actor.id) throw AppError.conflict('Another moderator has claimed this item.', ErrorReason.ClaimedByAnother);
    Object.assign(item, claim
      ? { status: QueueItemStatus.Claimed, claimedBy: actor.id, claimedAt: this.clock.now() }
      : { status: QueueItemStatus.Open, claimedBy: null, claimedAt: null });
    await this.items.save(item);
    this.raiser.announce(item);
    return this.viewFor(grant, item);
  }

  /** Gives an open item to a moderator (claiming it, or crisis care's hand over). */
  async assign(item: QueueItemEntity, userId: string, manager: EntityManager): Promise<void> {
    if (!OPEN_STATES.includes(item.status)) throw new AppError({ status: HttpStatus.CONFLICT, code: ErrorCode.AlreadyDecided, message: 'This item has already been decided.' });
    Object.assign(item, { status: QueueItemStatus.Claimed, claimedBy: userId, claimedAt: this.clock.now() });
    await this.items.save(item, manager);
    this.raiser.announce(item, manager);
  }

  /** A private note written as part of another step (crisis care), in its transaction. */
  async addNoteTo(itemId: string, authorId: string, body: string, manager: EntityManager): Promise<void> {
    await this.items.addNote(itemId, authorId, body, manager);
  }

  async addNote(grant: AccessGrant, id: string, body: string): Promise<QueueItemView> {
    const item = await this.requireItem(grant, id);
    await this.items.addNote(id, grant.actor!.id, body.trim());
    return this.viewFor(grant, item);
  }

  /**
   * Closes an item (resolved with an action, or dismissed) and tells each reporter the
   * outcome. Appeals must be decided by someone other than the moderator who acted.
   */
  async close(grant: AccessGrant, item: QueueItemEntity, status: 'resolved' | 'dismissed', resolution: string, outcomeForReporters: string | undefined, manager: EntityManager): Promise<void> {
    const actor = grant.actor!;
    if (!OPEN_STATES.includes(item.status)) throw new AppError({ status: HttpStatus.CONFLICT, code: ErrorCode.AlreadyDecided, message: 'This item has already been decided.' });
    if (item.kind === QueueItemKind.Appeal && item.appealOfLogId) {
      if ((await this.log.actorOf(item.appealOfLogId, manager)) === actor.id) {
        throw new AppError({ status: HttpStatus.FORBIDDEN, code: ErrorCode.SameModerator, message: 'An appeal must be decided by a different moderator than the one who acted.' });
      }
    }
    const custom = outcomeForReporters?.trim().slice(0, 500);
    const reportOutcome: ReportOutcome = custom ? { outcome: 'message', message: custom } : { outcome: status === 'dismissed' ? 'no-action' : 'actioned' };
    const outcome = reportOutcomeText(reportOutcome);
    Object.assign(item, { status, resolvedBy: actor.id, resolvedAt: this.clock.now(), resolution: resolution.slice(0, 500), outcomeForReporters: outcome.slice(0, 500) });
    await this.items.save(item, manager);
    for (const reporter_id of await this.items.reporterIds(item.id, manager)) {
      await this.notifications.notify(reporter_id, { kind: NotificationKind.ReportOutcome, content: { code: 'report.outcome', params: reportOutcome } }, manager);
    }
    if (item.kind === QueueItemKind.Appeal && item.subjectUserId) {
      await this.notifications.notify(item.subjectUserId, {
        kind: NotificationKind.AppealOutcome,
        content: { code: 'appeal.outcome', params: { decision: status === 'dismissed' ? 'kept' : 'changed', resolution } },
      }, manager);
    }
    this.raiser.announce(item, manager);
  }

  async dismiss(grant: AccessGrant, id: string, reason: string, outcomeForReporters?: string): Promise<void> {
    const item = await this.requireItem(grant, id);
    await this.db.transaction((manager) => this.close(grant, item, 'dismissed', reason.trim(), outcomeForReporters, manager));
  }

  /** A member's active restrictions, limited to the rooms a room moderator works in. */
  sanctionsOf(userId: string, rooms: string[] | null) {
    return this.sanctions.activeList(userId, rooms);
  }

  private async viewFor(grant: AccessGrant, item: QueueItemEntity): Promise<QueueItemView> {
    return (await this.views(grant.actor!.id, [item]))[0]!;
  }

  /**
   * The items as `moderatorId` sees them (crisis and harm start folded until they unfold one).
   * Each kind of read covers the whole page in one statement: a page of 100 items used to send
   * over a thousand, which queued every other request behind it for the pool.
   */
  private async views(moderatorId: string, items: QueueItemEntity[]): Promise<QueueItemView[]> {
    if (items.length === 0) return [];
    const ids = items.map((item) => item.id);
    const subjects = items.map((item) => item.subjectUserId).filter((id): id is string => !!id);
    const [revealed, targets, reports, notes, histories, snapshots] = await Promise.all([
      this.reveals.revealed(moderatorId, ids),
      this.targets.contexts(items.map((item) => ({ type: item.targetType, id: item.targetId }))),
      this.items.reportsOf(ids),
      this.items.notesOf(ids),
      this.log.forSubjects(subjects, 10),
      this.items.latestSnapshots(ids),
    ]);
    const handles = await this.users.handles([
      ...[...reports.values()].flat().map((r) => r.reporter_id),
      ...[...notes.values()].flat().map((n) => n.author_id),
      ...items.map((item) => item.claimedBy),
    ]);
    const person = (id: string) => ({ id, handle: handles.get(id)!.handle });
    return items.map((item) => {
      const found = targets.get(targetKey(item.targetType, item.targetId))!;
      const snapshot = snapshots.get(item.id);
      // A private conversation shows moderators only what a reporter snapshotted, never the conversation.
      const target = found.conversationId && snapshot ? { ...found, context: snapshot } : found;
      return {
        id: item.id,
        kind: item.kind,
        severity: item.severity as QueueItemView['severity'],
        status: item.status,
        roomId: item.roomId,
        target,
        reports: (reports.get(item.id) ?? [])
          .filter((r) => handles.has(r.reporter_id))
          .map((r) => ({ category: r.category, note: r.note, reporter: person(r.reporter_id), createdAt: r.created_at.toISOString() })),
        claimedBy: item.claimedBy && handles.has(item.claimedBy) ? person(item.claimedBy) : null,
        notes: (notes.get(item.id) ?? []).filter((n) => handles.has(n.author_id)).map((n) => ({ author: person(n.author_id), body: n.body, createdAt: n.created_at.toISOString() })),
        history: (item.subjectUserId && histories.get(item.subjectUserId)) || [],
        createdAt: item.createdAt.toISOString(),
        resolution: item.resolution,
        folded: item.severity >= Severity.Harm && !revealed.has(item.id),
      };
    });
  }
}
