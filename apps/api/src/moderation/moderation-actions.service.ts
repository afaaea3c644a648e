import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ChatMessageStatus,
  ErrorCode,
  isAppealableAction,
  ModerationActionType as A,
  NotificationKind,
  PostStatus,
  type ContentWarningCategory,
  type ModerationActionType,
  type ReportTargetType, ErrorReason } from '@kindred/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { AccessService, type Actor } from '../access/access.service.js';
import { Action } from '../access/actions.js';
import { SessionService } from '../auth/session.service.js';
import { Clock } from '../common/clock.js';
import { DomainEvents } from '../common/events/domain-events.js';
import { AppError } from '../common/errors/app-error.js';
import { NotificationsService, type NewNotification } from '../notifications/notifications.service.js';
import { ChatMessageRepository } from '../chat/chat-message.repository.js';
import { normalizeWarning } from '../common/content-warning.js';
import { PostMentionNotices } from '../posts/post-mention-notices.js';
import { PostStateService } from '../posts/post-state.service.js';
import { RoomThreadNoticesService } from '../posts/room-thread-notices.service.js';
import { PostRepository } from '../posts/post.repository.js';
import { ReplyNoticesService } from '../posts/reply-notices.service.js';
import { RoomRepository } from '../rooms/room.repository.js';
import { ThreadRepository } from '../threads/thread.repository.js';
import type { ModerationActionDto } from './dto/moderation.dto.js';
import type { SanctionKind } from './member-sanction.entity.js';
import { ModerationLogService } from './moderation-log.service.js';
import { QueueRepository } from './queue.repository.js';
import { QueueService } from './queue.service.js';
import { QueueTargets } from './queue-targets.js';
import { SanctionsService } from './sanctions.service.js';
import { WarningEditNotice } from './warning-edit-notice.js';

const ALLOWED: Record<ReportTargetType, ModerationActionType[]> = {
  post: [A.Hide, A.Remove, A.Restore, A.SetWarning, A.Approve, A.Reject],
  thread: [A.Hide, A.Remove, A.Restore, A.SetWarning, A.Lock, A.Unlock, A.Pin, A.Unpin, A.Move, A.Approve, A.Reject],
  message: [A.Remove, A.Restore, A.SetWarning],
  member: [A.Warn, A.Mute, A.Suspend, A.Ban, A.Lift],
};

interface Context {
  actor: Actor;
  type: ReportTargetType;
  id: string;
  roomId: string | null;
  /** A reported message of a private conversation: the channel its removal is announced on. */
  conversationId?: string;
  subjectUserId: string;
  dto: ModerationActionDto;
  manager: EntityManager;
}

/**
 * Every moderator action: checked by the access gate, done in one transaction with its
 * log entry and the member's private notice, and (optionally) resolving a queue item.
 */
@Injectable()
export class ModerationActionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly queue: QueueService,
    private readonly reports: QueueRepository,
    private readonly log: ModerationLogService,
    private readonly notifications: NotificationsService,
    private readonly sessions: SessionService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
    private readonly targets: QueueTargets,
    private readonly posts: PostRepository,
    private readonly postState: PostStateService,
    private readonly threads: ThreadRepository,
    private readonly messages: ChatMessageRepository,
    private readonly rooms: RoomRepository,
    private readonly sanctions: SanctionsService,
    private readonly warningNotice: WarningEditNotice,
    private readonly roomThreadNotices: RoomThreadNoticesService,
    private readonly replyNotices: ReplyNoticesService,
    private readonly mentionNotices: PostMentionNotices,
  ) {}

  async perform(actor: Actor, type: ReportTargetType, id: string, dto: ModerationActionDto): Promise<{ logEntryId: string }> {
    if (!ALLOWED[type].includes(dto.action)) throw AppError.validation(`"${dto.action}" does not apply to a ${type}.`, [{ field: 'action', code: 'action.notApplicable', problem: 'Not applicable here.' }], ErrorReason.ActionNotApplicable);
    const facts = await this.targets.facts(type, id);
    const roomId = type === 'member' ? (dto.roomId ?? null) : facts.roomId;
    if (facts.conversationId) await this.authorizeInConversation(actor, id);
    else await this.authorize(actor, dto, roomId);
    const after: (() => void | Promise<void>)[] = [];
    const logEntryId = await this.db.transaction(async (manager) => {
      const ctx: Context = { actor, type, id, roomId, conversationId: facts.conversationId, subjectUserId: facts.subjectUserId, dto, manager };
      const details = await this.apply(ctx, after);
      const entryId = await this.log.record(
        { actorId: actor.id, roomId, action: `${type}.${dto.action}`, targetType: type, targetId: id, subjectUserId: facts.subjectUserId, reason: dto.reason.trim(), details },
        manager,
      );
      if (dto.action === A.SetWarning) await this.warningNotice.tell(facts.subjectUserId, details.warning as ContentWarningCategory[], dto.reason, manager);
      else if (dto.action !== A.Approve) await this.tell(ctx, entryId);
      else await this.notifications.notify(facts.subjectUserId, { kind: NotificationKind.HeldPostDecision, content: { code: 'held-post.approved', params: {} } }, manager);
      if (dto.queueItemId) {
        const queueGrant = await this.access.require({ user: actor, action: Action.ModerationQueue });
        const item = await this.queue.requireItem(queueGrant, dto.queueItemId, manager);
        await this.queue.close(queueGrant, item, 'resolved', `${dto.action}: ${dto.reason.trim()}`, dto.outcomeForReporters, manager);
      }
      return entryId;
    });
    for (const fn of after) await fn();
    return { logEntryId };
  }

  /**
   * A private conversation's message belongs to no room: staff (global moderators, admins) act
   * on it, and only once a participant reported it — moderators know it from that report's
   * snapshot alone. Without a report it does not exist for them.
   */
  private async authorizeInConversation(actor: Actor, messageId: string): Promise<void> {
    await this.access.require({ user: actor, action: Action.SiteSanction });
    if (!(await this.reports.hasSnapshotOf(messageId))) throw AppError.notFound('No such message.', 'message');
  }

  /** Site-wide sanctions need a global moderator; everything else needs this room's moderator. */
  private async authorize(actor: Actor, dto: ModerationActionDto, roomId: string | null): Promise<void> {
    const siteWide = dto.action === A.Suspend || dto.action === A.Ban || ((dto.action === A.Lift || dto.action === A.Warn) && !roomId);
    if (siteWide) {
      await this.access.require({ user: actor, action: Action.SiteSanction });
      return;
    }
    if (!roomId) throw AppError.validation('Say which room this applies to.', [{ field: 'roomId', code: 'field.required', problem: 'Required for this action.' }], ErrorReason.FieldRequired);
    await this.access.require({ user: actor, action: Action.RoomModerate, roomId });
    if (dto.action === A.Move) {
      if (!dto.toRoomId) throw AppError.validation('Say which room to move the thread to.', [{ field: 'toRoomId', code: 'field.required', problem: 'Required.' }], ErrorReason.FieldRequired);
      await this.access.require({ user: actor, action: Action.RoomModerate, roomId: dto.toRoomId });
    }
  }

  private async apply(ctx: Context, after: (() => void | Promise<void>)[]): Promise<Record<string, unknown>> {
    const { dto, manager, type, id } = ctx;
    switch (dto.action) {
      case A.Hide:
      case A.Remove:
      case A.Restore:
      case A.Approve:
      case A.Reject:
        return this.changeStatus(ctx, after);
      case A.SetWarning: {
        const warning = normalizeWarning(dto.warning as never, false);
        if (type === 'message') await this.messages.setWarning(id, warning, manager);
        else {
          const postId = type === 'thread' ? await this.openingPostId(id, manager) : id;
          const threadId = (await this.posts.threadOf(postId, manager))!;
          await this.postState.setWarning(postId, threadId, warning, manager);
          // A moderator's warning replaces what was added automatically.
          await this.postState.setAutoWarnings(postId, threadId, [], manager);
        }
        return { warning: warning.categories };
      }
      case A.Lock:
      case A.Unlock:
        await this.threads.setLocked(id, dto.action === A.Lock, manager);
        return {};
      case A.Pin:
      case A.Unpin: {
        const until = dto.action === A.Pin && dto.durationMinutes ? new Date(this.clock.now().getTime() + dto.durationMinutes * 60_000) : null;
        await this.threads.setPinned(id, dto.action === A.Pin, until, manager);
        return { until: until?.toISOString() ?? null };
      }
      case A.Move:
        await this.threads.moveToRoom(id, await this.roomIdOf(dto.toRoomId!, manager), manager);
        await this.posts.moveThread(id, await this.roomIdOf(dto.toRoomId!, manager), manager);
        return { from: ctx.roomId, to: dto.toRoomId };
      case A.Warn:
        return {};
      case A.Mute:
      case A.Suspend:
      case A.Ban:
        return this.sanction(ctx, after);
      case A.Lift: {
        if (!dto.sanctionId) throw AppError.validation('Say which restriction to lift.', [{ field: 'sanctionId', code: 'field.required', problem: 'Required.' }], ErrorReason.FieldRequired);
        // A room moderator may lift only a mute in the room they were authorised for.
        if (!(await this.sanctions.lift(dto.sanctionId, ctx.subjectUserId, ctx.roomId, ctx.actor.id, manager))) {
          throw AppError.notFound('No active restriction with that id for this member.', 'sanction');
        }
        after.push(() => this.events.announce('member.sanctioned', { userId: ctx.subjectUserId, roomId: ctx.roomId, sanctionId: dto.sanctionId!, change: 'lifted' }));
        return { sanctionId: dto.sanctionId };
      }
      default:
        throw AppError.validation('Unknown action.', undefined, ErrorReason.ActionNotApplicable);
    }
  }

  private async changeStatus(ctx: Context, after: (() => void | Promise<void>)[]): Promise<Record<string, unknown>> {
    const { dto, manager, type, id } = ctx;
    if (type === 'message') {
      const status = dto.action === A.Restore ? ChatMessageStatus.Published : ChatMessageStatus.Removed;
      await this.messages.setStatus(id, status, manager);
      // Gone for everyone in its room's chat, or in its conversation (announced on the conversation's channel).
      const channelId = ctx.roomId ?? ctx.conversationId!;
      if (status === ChatMessageStatus.Removed) after.push(() => this.events.emit('chat.message.removed', { roomId: channelId, messageId: id }));
      return { status };
    }
    const target: Record<string, PostStatus> = {
      hide: PostStatus.Hidden,
      remove: PostStatus.Removed,
      restore: PostStatus.Published,
      approve: PostStatus.Published,
      reject: PostStatus.Rejected,
    };
    const postId = type === 'thread' ? await this.openingPostId(id, manager) : id;
    const result = await this.postState.setStatus(postId, target[dto.action]!, manager);
    if ((dto.action === A.Approve || dto.action === A.Reject) && result.previous !== PostStatus.Pending) {
      throw new AppError({ status: HttpStatus.CONFLICT, code: ErrorCode.AlreadyDecided, message: 'This post is not waiting for review.' });
    }
    // Hidden or removed: notices pointing at it (a title, a mention) stop showing it to anyone.
    if (dto.action === A.Hide || dto.action === A.Remove) await this.notifications.withdrawAbout(result.threadId, result.wasOpening ? undefined : postId, manager);
    // A held thread reaches its room's followers once approved, after the commit, as if just published.
    if (dto.action === A.Approve && result.wasOpening) after.push(() => this.roomThreadNotices.announce(result.threadId));
    // An approved post is published now: followers and mentioned members hear of it as they would have then.
    if (dto.action === A.Approve) after.push(() => this.announcePublished(result.threadId, postId, ctx.subjectUserId, result.wasOpening));
    return { from: result.previous, to: target[dto.action] };
  }

  private announcePublished(threadId: string, postId: string, authorId: string, opening: boolean): void {
    if (!opening) this.replyNotices.announce(threadId, postId, authorId);
    this.mentionNotices.announce(postId);
  }

  private async sanction(ctx: Context, after: (() => void | Promise<void>)[]): Promise<Record<string, unknown>> {
    const { dto, manager, actor } = ctx;
    if (ctx.subjectUserId === actor.id) throw AppError.validation('You cannot restrict your own account.', undefined, ErrorReason.NotYourself);
    if (dto.action !== A.Ban && !dto.durationMinutes) {
      throw AppError.validation('Mutes and suspensions need a duration.', [{ field: 'durationMinutes', code: 'field.required', problem: 'Required.' }], ErrorReason.FieldRequired);
    }
    const expiresAt = dto.action === A.Ban ? null : new Date(this.clock.now().getTime() + dto.durationMinutes! * 60_000);
    const sanctionId = await this.sanctions.impose(
      { userId: ctx.subjectUserId, roomId: dto.action === A.Mute ? ctx.roomId : null, kind: dto.action as SanctionKind, reason: dto.reason.trim(), createdBy: actor.id, expiresAt },
      manager,
    );
    // Every instance forgets what it knew about this member's standing before anyone is told it is done.
    after.push(() => this.events.announce('member.sanctioned', { userId: ctx.subjectUserId, roomId: dto.action === A.Mute ? ctx.roomId : null, sanctionId, change: 'imposed' }));
    if (dto.action === A.Ban) {
      // Revoked after commit: the event closes every socket of the member at once.
      after.push(() => void this.sessions.revokeAll(ctx.subjectUserId, 'banned'));
    }
    return { sanctionId, until: expiresAt?.toISOString() ?? null };
  }

  /** Only a sanction comes with an appeal; undoing or easing one (restore, lift, unlock) is news. */
  private async tell(ctx: Context, logEntryId: string): Promise<void> {
    const appealable = isAppealableAction(`${ctx.type}.${ctx.dto.action}`);
    const params = { action: ctx.dto.action, target: ctx.type, reason: ctx.dto.reason.trim() };
    const notice: NewNotification = appealable
      ? { kind: NotificationKind.ModerationAction, content: { code: 'moderation.action', params }, logEntryId }
      : { kind: NotificationKind.ModerationUpdate, content: { code: 'moderation.update', params }, logEntryId };
    await this.notifications.notify(ctx.subjectUserId, notice, ctx.manager);
  }

  private async openingPostId(threadId: string, manager: EntityManager): Promise<string> {
    const first = await this.posts.openingPost(threadId, manager);
    if (!first) throw AppError.notFound('No such thread.', 'thread');
    return first.id;
  }

  private async roomIdOf(idOrSlug: string, manager: EntityManager): Promise<string> {
    const roomId = await this.rooms.idOf(idOrSlug, manager);
    if (!roomId) throw AppError.notFound('No such room.', 'room');
    return roomId;
  }
}
