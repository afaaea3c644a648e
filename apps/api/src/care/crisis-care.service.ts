import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CareAction, ErrorCode, NotificationKind, Severity, type AuthorView, type CheckInView } from '@kindred/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { AccessService, type AccessGrant } from '../access/access.service.js';
import { Action } from '../access/actions.js';
import { AppError } from '../common/errors/app-error.js';
import { AutomaticWarnings } from '../moderation/automatic-warnings.js';
import { ModerationLogService } from '../moderation/moderation-log.service.js';
import { OPEN_STATES } from '../moderation/queue-raiser.js';
import type { QueueItemEntity } from '../moderation/queue-item.entity.js';
import { QueueService } from '../moderation/queue.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { MembershipRepository } from '../rooms/membership.repository.js';
import { UserRepository } from '../users/user.repository.js';
import { CareRepository } from './care.repository.js';
import { checkInViews } from './check-in-views.js';
import type { CheckInDto, HandOverDto } from './dto/care.dto.js';

/** Enough for any site; the list is read per crisis item, not kept. */
const MAX_CARERS = 200;

/** What reporters of a crisis are told once someone has reached out. */
const SUPPORTED_OUTCOME = 'Thank you for looking out for someone. A moderator has reached out to them with care.';

/**
 * Answering a person in crisis: check in privately, mark supported, hand over, or dismiss as
 * not a crisis (which also takes off the automatic warning). None of these is a moderation decision: no sanction, no appeal, nothing in the
 * member's history. The log records each as care, with the actor, the time and the kind only,
 * never the words and not even the member (the item says whose words they were).
 */
@Injectable()
export class CrisisCareService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly queue: QueueService,
    private readonly log: ModerationLogService,
    private readonly care: CareRepository,
    private readonly notifications: NotificationsService,
    private readonly users: UserRepository,
    private readonly automaticWarnings: AutomaticWarnings,
    private readonly memberships: MembershipRepository,
  ) {}

  async checkIn(grant: AccessGrant, itemId: string, dto: CheckInDto): Promise<CheckInView> {
    const item = await this.openCrisisItem(grant, itemId);
    const memberId = item.subjectUserId;
    if (!memberId) throw AppError.validation('There is no member to check in with on this item.');
    const body = await this.words(dto);
    const actorId = grant.actor!.id;
    const checkIn = await this.db.transaction(async (manager) => {
      const thread = (await this.care.checkInFor(item.id, memberId, manager)) ?? (await this.care.createCheckIn({ queueItemId: item.id, memberId, openedBy: actorId }, manager));
      await this.care.addMessage({ checkInId: thread.id, fromTeam: true, authorId: actorId, body }, manager);
      if (!item.claimedBy) await this.queue.assign(item, actorId, manager);
      await this.record(grant, item, CareAction.CheckIn, { templateId: dto.templateId ?? null }, manager);
      await this.notifications.notify(memberId, { kind: NotificationKind.CareCheckIn, content: { code: 'care.check-in', params: { message: body } }, link: `/check-ins/${thread.id}` }, manager);
      return thread;
    });
    return (await checkInViews(this.care, [checkIn]))[0]!;
  }

  async markSupported(grant: AccessGrant, itemId: string, note: string): Promise<void> {
    const item = await this.openCrisisItem(grant, itemId);
    await this.db.transaction(async (manager) => {
      await this.queue.addNoteTo(item.id, grant.actor!.id, note.trim(), manager);
      await this.queue.close(grant, item, 'resolved', 'Supported', SUPPORTED_OUTCOME, manager);
      await this.record(grant, item, CareAction.Supported, {}, manager);
    });
  }

  async handOver(grant: AccessGrant, itemId: string, dto: HandOverDto): Promise<void> {
    const item = await this.openCrisisItem(grant, itemId);
    await this.requireModeratorOf(dto.toUserId, item.roomId);
    await this.db.transaction(async (manager) => {
      await this.queue.assign(item, dto.toUserId, manager);
      if (dto.note?.trim()) await this.queue.addNoteTo(item.id, grant.actor!.id, dto.note.trim(), manager);
      await this.record(grant, item, CareAction.HandOver, { to: dto.toUserId }, manager);
      await this.notifications.notify(
        dto.toUserId,
        { kind: NotificationKind.CareHandOver, content: { code: 'care.hand-over', params: {} }, link: `/moderation?item=${item.id}` },
        manager,
      );
    });
  }

  /**
   * Who this crisis item can be handed over to: the room's moderators, global moderators and
   * admins, each asked of the gate as at hand-over; not the asking moderator.
   */
  async carers(grant: AccessGrant, itemId: string): Promise<AuthorView[]> {
    const item = await this.openCrisisItem(grant, itemId);
    const roomModerators = item.roomId ? await this.memberships.moderatorIdsOf(item.roomId) : [];
    const candidates = [...new Set([...roomModerators, ...(await this.users.siteStaffIds(MAX_CARERS))])].filter((id) => id !== grant.actor!.id);
    const allowed = (await Promise.all(candidates.map(async (id) => ((await this.canCare(id, item.roomId)) ? id : null)))).filter((id): id is string => !!id);
    const handles = await this.users.handles(allowed);
    return [...handles.values()].sort((a, b) => a.handle.localeCompare(b.handle));
  }

  async notACrisis(grant: AccessGrant, itemId: string, note: string | undefined): Promise<void> {
    const item = await this.openCrisisItem(grant, itemId);
    await this.db.transaction(async (manager) => {
      if (note?.trim()) await this.queue.addNoteTo(item.id, grant.actor!.id, note.trim(), manager);
      await this.queue.close(grant, item, 'dismissed', 'Not a crisis', undefined, manager);
      await this.automaticWarnings.clear(item.targetType, item.targetId, manager);
      await this.record(grant, item, CareAction.NotACrisis, {}, manager);
    });
  }

  async checkInsOf(grant: AccessGrant, itemId: string): Promise<CheckInView[]> {
    const item = await this.queue.requireItem(grant, itemId);
    return checkInViews(this.care, await this.care.checkInsOfItem(item.id));
  }

  /** A crisis item in the moderator's scope (404 outside it), still open. */
  private async openCrisisItem(grant: AccessGrant, itemId: string): Promise<QueueItemEntity> {
    const item = await this.queue.requireItem(grant, itemId);
    if (item.severity !== Severity.Crisis) {
      throw new AppError({ status: HttpStatus.CONFLICT, code: ErrorCode.NotACrisisItem, message: 'This item is not about a crisis. Use the moderation actions for it.' });
    }
    if (!OPEN_STATES.includes(item.status)) throw new AppError({ status: HttpStatus.CONFLICT, code: ErrorCode.AlreadyDecided, message: 'This item has already been closed.' });
    return item;
  }

  private async words(dto: CheckInDto): Promise<string> {
    if (!!dto.templateId === !!dto.body?.trim()) {
      throw AppError.validation('Pick a template or write a message (one of the two).', [{ field: 'body', problem: 'Give a templateId or a body, not both or neither.' }]);
    }
    if (dto.body) return dto.body.trim();
    const template = await this.care.template(dto.templateId!);
    if (!template) throw AppError.validation('There is no such check-in template.', [{ field: 'templateId', problem: 'Unknown template.' }]);
    return template.body;
  }

  /** The new carer must moderate the item's room (asked of the gate, as for anyone). */
  private async requireModeratorOf(userId: string, roomId: string | null): Promise<void> {
    if (!(await this.canCare(userId, roomId))) {
      throw AppError.validation('Hand over to a moderator of this room, a global moderator or an admin.', [{ field: 'toUserId', problem: 'Not a moderator here.' }]);
    }
  }

  private async canCare(userId: string, roomId: string | null): Promise<boolean> {
    const user = await this.users.findById(userId);
    if (!user || user.deletedAt) return false;
    const grant = await this.access.require({ user: { id: user.id, role: user.role }, action: Action.ModerationQueue }).catch(() => null);
    return !!grant?.moderates(roomId);
  }

  private async record(grant: AccessGrant, item: QueueItemEntity, action: CareAction, details: Record<string, unknown>, manager: EntityManager): Promise<void> {
    await this.log.record({ actorId: grant.actor!.id, roomId: item.roomId, action, targetType: 'queue-item', targetId: item.id, subjectUserId: null, reason: '', details }, manager);
  }
}
