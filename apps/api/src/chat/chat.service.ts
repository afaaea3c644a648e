import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ChatMessageStatus,
  ErrorCode,
  type ChatMessageView,
  type ChatRoomState,
  type CrisisResource,
  type HistoryResult,
  type JoinChatResult,
} from '@kindred/contracts';
import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';
import { AccessService, type AccessGrant, type Actor } from '../access/access.service.js';
import { Action } from '../access/actions.js';
import { Clock } from '../common/clock.js';
import { AppError } from '../common/errors/app-error.js';
import { DomainEvents } from '../common/events/domain-events.js';
import { CrisisSupportService } from '../moderation/crisis-support.service.js';
import { normalizeWarning } from '../posts/content-warning.js';
import { SafetyService } from '../safety/safety.service.js';
import type { ViewerFilter } from '../safety/viewer-filter.js';
import { CHAT_MESSAGE_COLUMNS, livePresentation, toChatMessageView, type ChatMessageRow } from './chat-message-row.js';
import type { EditMessageDto, HistoryDto, JoinChatDto, MarkReadDto, MessageRefDto, SendMessageDto } from './dto/chat-payloads.dto.js';

const REPLAY_LIMIT = 200;
const LATEST_PAGE = 50;
const noSuchMessage = () => AppError.notFound('No such message.');

interface ChatRoomRow {
  room_id: string;
  locked: boolean;
  slow_mode_seconds: number;
  pinned_notice: string | null;
}

/**
 * Live chat messages. A message is acknowledged only after its transaction commits, and
 * everyone else hears about it only after that, through a domain event.
 */
@Injectable()
export class ChatService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly safety: SafetyService,
    private readonly events: DomainEvents,
    private readonly crisis: CrisisSupportService,
    private readonly clock: Clock,
  ) {}

  async state(roomId: string, manager: EntityManager = this.db.manager): Promise<ChatRoomState> {
    await manager.query('INSERT INTO chat_rooms (room_id) VALUES ($1) ON CONFLICT DO NOTHING', [roomId]);
    const [row] = (await manager.query('SELECT room_id, locked, slow_mode_seconds, pinned_notice FROM chat_rooms WHERE room_id = $1', [roomId])) as ChatRoomRow[];
    return { roomId, locked: row!.locked, slowModeSeconds: row!.slow_mode_seconds, pinnedNotice: row!.pinned_notice };
  }

  /** The gate decides; the gateway then puts the socket in the room's channel. */
  async join(user: Actor, dto: JoinChatDto): Promise<{ grant: AccessGrant; result: Omit<JoinChatResult, 'presence'> }> {
    const grant = await this.access.require({ user, action: Action.RoomRead, roomId: dto.roomId });
    const filter = await this.safety.viewerFilter(user.id);
    const state = await this.state(dto.roomId);
    if (dto.lastMessageId) {
      const after = await this.seqOf(dto.lastMessageId, dto.roomId);
      const rows = await this.rows(`m.room_id = $1 AND m.seq > $2`, [dto.roomId, after], 'ASC', REPLAY_LIMIT + 1);
      return { grant, result: { state, messages: this.visible(rows.slice(0, REPLAY_LIMIT), filter), truncated: rows.length > REPLAY_LIMIT } };
    }
    const rows = await this.rows('m.room_id = $1', [dto.roomId], 'DESC', LATEST_PAGE);
    return { grant, result: { state, messages: this.visible(rows.reverse(), filter), truncated: false } };
  }

  async history(user: Actor, dto: HistoryDto): Promise<HistoryResult> {
    await this.access.require({ user, action: Action.RoomRead, roomId: dto.roomId });
    const filter = await this.safety.viewerFilter(user.id);
    const limit = dto.limit ?? LATEST_PAGE;
    const before = dto.beforeMessageId ? await this.seqOf(dto.beforeMessageId, dto.roomId) : null;
    const rows = before === null
      ? await this.rows('m.room_id = $1', [dto.roomId], 'DESC', limit + 1)
      : await this.rows('m.room_id = $1 AND m.seq < $2', [dto.roomId, before], 'DESC', limit + 1);
    return { messages: this.visible(rows.slice(0, limit).reverse(), filter), hasMore: rows.length > limit };
  }

  async send(user: Actor, dto: SendMessageDto): Promise<{ message: ChatMessageView; support?: CrisisResource[] }> {
    // A retry of a message that already committed gets the same answer, not a second copy.
    const existing = await this.byClientId(user.id, dto.clientId);
    if (existing) return { message: this.sameMessageOrConflict(existing, dto) };
    const grant = await this.access.require({ user, action: Action.RoomPost, roomId: dto.roomId });
    const warning = normalizeWarning(dto.warning, false);
    let row: ChatMessageRow;
    let support: CrisisResource[] | undefined;
    try {
      row = await this.db.transaction(async (manager) => {
        await this.state(dto.roomId, manager);
        // The room row's lock hands out `seq` in commit order (see ChatRoomEntity).
        const [room] = (await manager.query(
          'UPDATE chat_rooms SET last_seq = last_seq + 1 WHERE room_id = $1 RETURNING last_seq, locked, slow_mode_seconds',
          [dto.roomId],
        )) as [{ last_seq: string; locked: boolean; slow_mode_seconds: number }[], number];
        const chatRoom = room[0]!;
        if (!grant.canModerate) await this.checkRoomRules(manager, dto.roomId, user.id, chatRoom);
        const replyTo = dto.replyToMessageId ? await this.replyTarget(manager, dto.roomId, dto.replyToMessageId, user.id) : null;
        const [inserted] = (await manager.query(
          `INSERT INTO chat_messages (room_id, seq, author_id, client_id, body, content_warnings, warning_note, reply_to_message_id, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, clock_timestamp()) RETURNING id`,
          [dto.roomId, chatRoom.last_seq, user.id, dto.clientId, dto.body, warning.categories, warning.note, replyTo],
        )) as { id: string }[];
        support = await this.crisis.check({ authorId: user.id, roomId: dto.roomId, targetType: 'message', targetId: inserted!.id, text: dto.body }, manager);
        return (await this.rows('m.id = $1', [inserted!.id], 'ASC', 1, manager))[0]!;
      });
    } catch (error) {
      // Two copies of the same retry raced: the loser answers with the winner's message.
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
        const winner = await this.byClientId(user.id, dto.clientId);
        if (winner) return { message: this.sameMessageOrConflict(winner, dto) };
      }
      throw error;
    }
    const message = toChatMessageView(row, livePresentation(row.content_warnings));
    this.events.emit('chat.message.created', { message, excludedUserIds: await this.excludedAudience(row) });
    return support ? { message, support } : { message };
  }

  private sameMessageOrConflict(row: ChatMessageRow, dto: SendMessageDto): ChatMessageView {
    if (row.room_id !== dto.roomId || row.body !== dto.body) {
      throw AppError.validation('This client id was already used for a different message.', [{ field: 'clientId', problem: 'Already used.' }]);
    }
    return toChatMessageView(row, livePresentation(row.content_warnings));
  }

  private async checkRoomRules(
    manager: EntityManager,
    roomId: string,
    userId: string,
    room: { locked: boolean; slow_mode_seconds: number },
  ): Promise<void> {
    if (room.locked) throw new AppError(HttpStatus.FORBIDDEN, ErrorCode.ChatLocked, 'This chat is read-only for now. You can still read along.');
    if (room.slow_mode_seconds <= 0) return;
    const [last] = (await manager.query(
      `SELECT created_at FROM chat_messages WHERE room_id = $1 AND author_id = $2 ORDER BY created_at DESC LIMIT 1`,
      [roomId, userId],
    )) as { created_at: Date }[];
    if (!last) return;
    const retryAt = new Date(last.created_at.getTime() + room.slow_mode_seconds * 1000);
    const waitMs = retryAt.getTime() - this.clock.now().getTime();
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      throw new AppError(HttpStatus.TOO_MANY_REQUESTS, ErrorCode.SlowMode, `Slow mode is on: you can send again in ${seconds} s.`, undefined, undefined, retryAt);
    }
  }

  /** A reply link to someone who blocked the author is dropped, keeping the block private. */
  private async replyTarget(manager: EntityManager, roomId: string, messageId: string, authorId: string): Promise<string | null> {
    const [target] = (await manager.query('SELECT author_id FROM chat_messages WHERE id = $1 AND room_id = $2', [messageId, roomId])) as { author_id: string }[];
    if (!target) throw AppError.validation('You can only reply to a message in this room.', [{ field: 'replyToMessageId', problem: 'Not in this room.' }]);
    return (await this.safety.isBlockedBy(authorId, target.author_id)) ? null : messageId;
  }

  async edit(user: Actor, dto: EditMessageDto): Promise<ChatMessageView> {
    const row = await this.ownMessage(user, dto.messageId);
    await this.access.require({ user, action: Action.RoomPost, roomId: row.room_id });
    const warning = dto.warning ? normalizeWarning(dto.warning, false) : { categories: row.content_warnings, note: row.warning_note };
    await this.db.query('UPDATE chat_messages SET body = $2, content_warnings = $3, warning_note = $4, edited_at = $5 WHERE id = $1', [
      row.id,
      dto.body,
      warning.categories,
      warning.note,
      this.clock.now(),
    ]);
    const updated = (await this.rows('m.id = $1', [row.id], 'ASC', 1))[0]!;
    const message = toChatMessageView(updated, livePresentation(updated.content_warnings));
    this.events.emit('chat.message.edited', { message, excludedUserIds: await this.excludedAudience(updated) });
    return message;
  }

  async deleteOwn(user: Actor, dto: MessageRefDto): Promise<void> {
    const row = await this.ownMessage(user, dto.messageId);
    await this.db.query(`UPDATE chat_messages SET status = 'deleted' WHERE id = $1`, [row.id]);
    this.events.emit('chat.message.removed', { roomId: row.room_id, messageId: row.id });
  }

  async markRead(user: Actor, dto: MarkReadDto): Promise<void> {
    await this.access.require({ user, action: Action.RoomRead, roomId: dto.roomId });
    const seq = await this.seqOf(dto.messageId, dto.roomId);
    await this.db.query(
      `INSERT INTO chat_read_markers (user_id, room_id, last_read_seq) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, room_id) DO UPDATE SET last_read_seq = greatest(chat_read_markers.last_read_seq, EXCLUDED.last_read_seq), updated_at = now()`,
      [user.id, dto.roomId, seq],
    );
  }

  async findMessage(messageId: string): Promise<ChatMessageRow | undefined> {
    return (await this.rows('m.id = $1', [messageId], 'ASC', 1))[0];
  }

  private async ownMessage(user: Actor, messageId: string): Promise<ChatMessageRow> {
    const row = await this.findMessage(messageId);
    if (!row || row.status !== ChatMessageStatus.Published) throw noSuchMessage();
    if (row.author_id !== user.id) throw AppError.forbidden('You can only change your own messages.');
    return row;
  }

  private async byClientId(authorId: string, clientId: string): Promise<ChatMessageRow | undefined> {
    return (await this.rows('m.author_id = $1 AND m.client_id = $2', [authorId, clientId], 'ASC', 1))[0];
  }

  private async seqOf(messageId: string, roomId: string): Promise<string> {
    const [row] = (await this.db.query('SELECT seq FROM chat_messages WHERE id = $1 AND room_id = $2', [messageId, roomId])) as { seq: string }[];
    if (!row) throw AppError.validation('That message is not in this room.', [{ field: 'messageId', problem: 'Unknown message.' }]);
    return row.seq;
  }

  private rows(where: string, params: unknown[], order: 'ASC' | 'DESC', limit: number, manager: EntityManager = this.db.manager): Promise<ChatMessageRow[]> {
    return manager.query(
      `SELECT ${CHAT_MESSAGE_COLUMNS} FROM chat_messages m LEFT JOIN users u ON u.id = m.author_id
       WHERE ${where} AND m.status = 'published' ORDER BY m.seq ${order} LIMIT ${limit}`,
      params,
    );
  }

  private visible(rows: ChatMessageRow[], filter: ViewerFilter): ChatMessageView[] {
    return rows.filter((r) => !filter.hides(r.content_warnings, r.author_id)).map((r) => toChatMessageView(r, filter.presentation(r.content_warnings)));
  }

  /**
   * Who must never receive this message: members who hide one of its categories and
   * members who blocked its author. The author always gets their own words.
   */
  private async excludedAudience(row: ChatMessageRow): Promise<string[]> {
    const rows: { user_id: string }[] = await this.db.query(
      `SELECT blocker_id AS user_id FROM blocks WHERE blocked_id = $1
       UNION
       SELECT user_id FROM warning_preferences WHERE preference = 'hide' AND category = ANY($2::text[])`,
      [row.author_id, row.content_warnings],
    );
    return rows.map((r) => r.user_id).filter((id) => id !== row.author_id);
  }
}
