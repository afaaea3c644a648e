import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ChatMessageStatus, type ChatRoomState, ErrorReason } from '@kindred/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { AccessService, type Actor } from '../access/access.service.js';
import { Action } from '../access/actions.js';
import { Clock } from '../common/clock.js';
import { AppError } from '../common/errors/app-error.js';
import { DomainEvents } from '../common/events/domain-events.js';
import { ModerationLogService } from '../moderation/moderation-log.service.js';
import { SanctionsService } from '../moderation/sanctions.service.js';
import { ChatMessageRepository, type ChatRoomChanges } from './chat-message.repository.js';
import { ChatHistoryService } from './chat-history.service.js';
import type { LockChatDto, MuteMemberDto, PinnedNoticeDto, RemoveMessageDto, SlowModeDto } from './dto/chat-payloads.dto.js';

/** Moderator control of a room's chat, effective at once on every instance. */
@Injectable()
export class ChatModerationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly history: ChatHistoryService,
    private readonly messages: ChatMessageRepository,
    private readonly sanctions: SanctionsService,
    private readonly log: ModerationLogService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  async removeMessage(user: Actor, dto: RemoveMessageDto): Promise<void> {
    const message = await this.messages.byId(dto.messageId);
    if (!message) throw AppError.notFound('No such message.', 'message');
    await this.access.require({ user, action: Action.RoomModerate, roomId: message.room_id });
    await this.db.transaction(async (manager) => {
      await this.messages.setStatus(message.id, ChatMessageStatus.Removed, manager);
      await this.log.record(
        {
          actorId: user.id,
          roomId: message.room_id,
          action: 'message.remove',
          targetType: 'message',
          targetId: message.id,
          subjectUserId: message.author_id,
          reason: dto.reason.trim(),
        },
        manager,
      );
    });
    this.events.emit('chat.message.removed', { roomId: message.room_id, messageId: message.id });
  }

  async mute(user: Actor, dto: MuteMemberDto): Promise<{ until: string }> {
    const grant = await this.access.require({ user, action: Action.RoomModerate, roomId: dto.roomId });
    if (dto.userId === user.id) throw AppError.validation('You cannot mute yourself.', undefined, ErrorReason.NotYourself);
    const until = new Date(this.clock.now().getTime() + dto.minutes * 60_000);
    const sanctionId = await this.db.transaction(async (manager) => {
      const id = await this.sanctions.impose({ userId: dto.userId, roomId: grant.room!.id, kind: 'mute', reason: dto.reason.trim(), createdBy: user.id, expiresAt: until }, manager);
      await this.log.record(
        { actorId: user.id, roomId: grant.room!.id, action: 'member.mute', targetType: 'user', targetId: dto.userId, subjectUserId: dto.userId, reason: dto.reason.trim(), details: { until: until.toISOString() } },
        manager,
      );
      return id;
    });
    await this.events.announce('member.sanctioned', { userId: dto.userId, roomId: grant.room!.id, sanctionId, change: 'imposed' });
    return { until: until.toISOString() };
  }

  async slowMode(user: Actor, dto: SlowModeDto): Promise<ChatRoomState> {
    return this.updateRoom(user, dto.roomId, 'chat.slow-mode', `Slow mode set to ${dto.seconds} s`, { slow_mode_seconds: dto.seconds });
  }

  /** A moderator's lock or unlock: it is theirs, so no session lifts it. */
  async lock(user: Actor, dto: LockChatDto): Promise<ChatRoomState> {
    return this.updateRoom(user, dto.roomId, dto.locked ? 'chat.lock' : 'chat.unlock', dto.reason.trim(), { locked: dto.locked, locked_by_session: false });
  }

  /**
   * A support session's own lock, as its facilitator: put on at its end only over an open chat,
   * and lifted at the next start only if it is still that lock. A lock a moderator put on (for
   * the room's safety) stays until a moderator lifts it. Null when nothing changed.
   */
  sessionLock(user: Actor, roomId: string, locked: boolean, reason: string): Promise<ChatRoomState | null> {
    return this.updateRoom(user, roomId, locked ? 'chat.lock' : 'chat.unlock', reason, { locked, locked_by_session: locked }, async (manager) => {
      const now = await this.messages.lockState(roomId, manager);
      return locked ? !now?.locked : !!now?.locked && now.bySession;
    });
  }

  async notice(user: Actor, dto: PinnedNoticeDto): Promise<ChatRoomState> {
    const text = dto.text?.trim() || null;
    return this.updateRoom(user, dto.roomId, text ? 'chat.notice' : 'chat.notice-clear', text ?? 'Pinned notice cleared', { pinned_notice: text });
  }

  /** `applies`: read under the chat row's lock, whether the change is still wanted (else nothing is written). */
  private updateRoom(user: Actor, roomId: string, action: string, reason: string, changes: ChatRoomChanges): Promise<ChatRoomState>;
  private updateRoom(user: Actor, roomId: string, action: string, reason: string, changes: ChatRoomChanges, applies: (manager: EntityManager) => Promise<boolean>): Promise<ChatRoomState | null>;
  private async updateRoom(
    user: Actor,
    roomId: string,
    action: string,
    reason: string,
    changes: ChatRoomChanges,
    applies?: (manager: EntityManager) => Promise<boolean>,
  ): Promise<ChatRoomState | null> {
    const grant = await this.access.require({ user, action: Action.RoomModerate, roomId });
    const id = grant.room!.id;
    const state = await this.db.transaction(async (manager) => {
      await this.history.state(id, manager);
      if (applies && !(await applies(manager))) return null;
      await this.messages.updateRoom(id, changes, manager);
      await this.log.record({ actorId: user.id, roomId: id, action, targetType: 'room', targetId: id, reason, details: { ...changes } }, manager);
      return this.history.state(id, manager);
    });
    if (state) this.events.emit('chat.room.state', state);
    return state;
  }
}
