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
import { createHash } from 'node:crypto';
import pg from 'pg';
import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';
import { AccessService, type AccessGrant, type Actor } from '../access/access.service.js';
import { Action } from '../access/actions.js';
import { Clock } from '../common/clock.js';
import { AppError } from '../common/errors/app-error.js';
import { DomainEvents } from '../common/events/domain-events.js';
import { CrisisSupportService } from '../moderation/crisis-support.service.js';
import { detectCrisis } from '../moderation/crisis/crisis-detector.js';
import { normalizeWarning, type NormalizedWarning } from '../posts/content-warning.js';
import { SafetyService } from '../safety/safety.service.js';
import type { ViewerFilter } from '../safety/viewer-filter.js';
import { CHAT_MESSAGE_COLUMNS, livePresentation, toChatMessageView, type ChatMessageRow } from './chat-message-row.js';
import type { EditMessageDto, HistoryDto, JoinChatDto, MarkReadDto, MessageRefDto, SendMessageDto } from './dto/chat-payloads.dto.js';

const REPLAY_LIMIT = 200;
const LATEST_PAGE = 50;
const noSuchMessage = () => AppError.notFound('No such message.');
const unknownMessage = () => AppError.validation('That message is not in this room.', [{ field: 'messageId', problem: 'Unknown message.' }]);
const STATE_SQL = 'SELECT room_id, locked, slow_mode_seconds, pinned_notice FROM chat_rooms WHERE room_id = $1';

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
  private pool?: pg.Pool;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly safety: SafetyService,
    private readonly events: DomainEvents,
    private readonly crisis: CrisisSupportService,
    private readonly clock: Clock,
  ) {}

  async state(roomId: string, manager: EntityManager = this.db.manager): Promise<ChatRoomState> {
    // Nearly always the row exists: one read. A room's first use creates it.
    let [row] = await this.query<ChatRoomRow>(STATE_SQL, [roomId], manager);
    if (!row) {
      await manager.query('INSERT INTO chat_rooms (room_id) VALUES ($1) ON CONFLICT DO NOTHING', [roomId]);
      [row] = await this.query<ChatRoomRow>(STATE_SQL, [roomId], manager);
    }
    return { roomId, locked: row!.locked, slowModeSeconds: row!.slow_mode_seconds, pinnedNotice: row!.pinned_notice };
  }

  /**
   * The gate decides; then `admit` puts the socket in the room's channel, and only then are
   * messages read. So a message committed while this join runs is either in the replay or
   * delivered live (a client may see it twice and keeps one by id), never in neither.
   * If anything after `admit` fails, the caller takes the socket out again.
   */
  async join(user: Actor, dto: JoinChatDto, admit: () => Promise<void> | void = () => undefined): Promise<{ grant: AccessGrant; result: Omit<JoinChatResult, 'presence'> }> {
    // The member's own filter does not depend on the gate's answer and is only used after it.
    const filter = settled(this.safety.viewerFilter(user.id));
    const grant = await this.access.require({ user, action: Action.RoomRead, roomId: dto.roomId });
    await admit();
    const stateRead = settled(this.state(dto.roomId));
    const rowsRead = settled(
      dto.lastMessageId ? this.rowsAfter(dto.roomId, dto.lastMessageId, REPLAY_LIMIT + 1) : this.rows('m.room_id = $1', [dto.roomId], 'DESC', LATEST_PAGE),
    );
    const viewer = await unwrap(filter);
    const state = await unwrap(stateRead);
    const rows = await unwrap(rowsRead);
    if (dto.lastMessageId) {
      return { grant, result: { state, messages: this.visible(rows.slice(0, REPLAY_LIMIT), viewer), truncated: rows.length > REPLAY_LIMIT } };
    }
    return { grant, result: { state, messages: this.visible(rows.reverse(), viewer), truncated: false } };
  }

  /** Replay: the messages after `messageId` in one query, refusing an id from another room. */
  private async rowsAfter(roomId: string, messageId: string, limit: number): Promise<ChatMessageRow[]> {
    const rows = await this.query<ChatMessageRow>(
      `SELECT ${CHAT_MESSAGE_COLUMNS}
       FROM (SELECT seq FROM chat_messages WHERE id = $2 AND room_id = $1) anchor
       LEFT JOIN LATERAL (
         SELECT * FROM chat_messages n WHERE n.room_id = $1 AND n.seq > anchor.seq AND n.status = 'published' ORDER BY n.seq ASC LIMIT ${limit}
       ) m ON true
       LEFT JOIN users u ON u.id = m.author_id
       ORDER BY m.seq ASC`,
      [roomId, messageId],
    );
    if (rows.length === 0) throw unknownMessage();
    return rows.filter((r) => r.id !== null);
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
    // The retry check, the access gate and the audience lookup do not depend on one another,
    // so they run together; their outcomes are then taken in the original order: a retry of a
    // message that already committed gets the same answer (not a second copy), then access,
    // then the warning's validity.
    const warning = attempt(() => normalizeWarning(dto.warning, false));
    const audience = warning.ok ? settled(this.excludedAudience(user.id, warning.value.categories)) : undefined;
    const [existing, access] = await Promise.allSettled([
      this.byClientId(user.id, dto.clientId),
      this.access.require({ user, action: Action.RoomPost, roomId: dto.roomId }),
    ]);
    if (existing.status === 'rejected') throw existing.reason;
    if (existing.value) return { message: this.sameMessageOrConflict(existing.value, dto) };
    if (access.status === 'rejected') throw access.reason;
    if (!warning.ok) throw warning.error;
    const grant = access.value;
    let row: ChatMessageRow;
    let support: CrisisResource[] | undefined;
    try {
      row = (await this.insertDirectly(user, dto, warning.value, grant)) ?? (await this.insertWithRules(user, dto, warning.value, grant, (s) => (support = s)));
    } catch (error) {
      // Two copies of the same retry raced: the loser answers with the winner's message.
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
        const winner = await this.byClientId(user.id, dto.clientId);
        if (winner) return { message: this.sameMessageOrConflict(winner, dto) };
      }
      throw error;
    }
    const excludedUserIds = await unwrap(audience!);
    const message = toChatMessageView(row, livePresentation(row.content_warnings));
    this.events.emit('chat.message.created', { message, excludedUserIds });
    return support ? { message, support } : { message };
  }

  /**
   * The common case in one autocommitted statement: draw the next `seq` under the room row's
   * lock and insert, when no room rule can refuse it (chat open and no slow mode, or a
   * moderator), it is not a reply and the text raises no crisis item. Anything else returns
   * undefined and takes the full transaction below, unchanged; a skipped UPDATE leaves no
   * gap in `seq`. Committed before it returns, so persisted-before-broadcast holds.
   */
  private async insertDirectly(user: Actor, dto: SendMessageDto, warning: NormalizedWarning, grant: AccessGrant): Promise<ChatMessageRow | undefined> {
    if (dto.replyToMessageId || mayRaiseCrisisItem(dto.body)) return undefined;
    const rows = await this.query<ChatMessageRow>(
      `WITH room AS (
         UPDATE chat_rooms SET last_seq = last_seq + 1
         WHERE room_id = $1 AND ($7 OR (NOT locked AND slow_mode_seconds <= 0))
         RETURNING last_seq
       ), m AS (
         INSERT INTO chat_messages (room_id, seq, author_id, client_id, body, content_warnings, warning_note, created_at)
         SELECT $1, room.last_seq, $2, $3, $4, $5, $6, clock_timestamp() FROM room
         RETURNING *
       )
       SELECT ${CHAT_MESSAGE_COLUMNS} FROM m LEFT JOIN users u ON u.id = m.author_id`,
      [dto.roomId, user.id, dto.clientId, dto.body, warning.categories, warning.note, grant.canModerate],
    );
    return rows[0];
  }

  /** Every rule, in one transaction: room state, lock, slow mode, reply target, crisis support. */
  private async insertWithRules(
    user: Actor,
    dto: SendMessageDto,
    warning: NormalizedWarning,
    grant: AccessGrant,
    setSupport: (support: CrisisResource[] | undefined) => void,
  ): Promise<ChatMessageRow> {
    return this.db.transaction(async (manager) => {
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
        `WITH m AS (
           INSERT INTO chat_messages (room_id, seq, author_id, client_id, body, content_warnings, warning_note, reply_to_message_id, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, clock_timestamp()) RETURNING *
         )
         SELECT ${CHAT_MESSAGE_COLUMNS} FROM m LEFT JOIN users u ON u.id = m.author_id`,
        [dto.roomId, chatRoom.last_seq, user.id, dto.clientId, dto.body, warning.categories, warning.note, replyTo],
      )) as ChatMessageRow[];
      setSupport(await this.crisis.check({ authorId: user.id, roomId: dto.roomId, targetType: 'message', targetId: inserted!.id, text: dto.body }, manager));
      return inserted!;
    });
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
    this.events.emit('chat.message.edited', { message, excludedUserIds: await this.excludedAudience(updated.author_id, updated.content_warnings) });
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
    // The gate first: someone who cannot read the room learns nothing, not even that the
    // message exists (and a former member cannot reach back into a room they left).
    await this.access.require({ user, action: Action.RoomRead, roomId: row.room_id }).catch((error: unknown) => {
      throw error instanceof AppError && error.statusCode === 404 ? noSuchMessage() : error;
    });
    if (row.author_id !== user.id) throw AppError.forbidden('You can only change your own messages.');
    return row;
  }

  private async byClientId(authorId: string, clientId: string): Promise<ChatMessageRow | undefined> {
    return (await this.rows('m.author_id = $1 AND m.client_id = $2', [authorId, clientId], 'ASC', 1))[0];
  }

  private async seqOf(messageId: string, roomId: string): Promise<string> {
    const [row] = (await this.db.query('SELECT seq FROM chat_messages WHERE id = $1 AND room_id = $2', [messageId, roomId])) as { seq: string }[];
    if (!row) throw unknownMessage();
    return row.seq;
  }

  private rows(where: string, params: unknown[], order: 'ASC' | 'DESC', limit: number, manager: EntityManager = this.db.manager): Promise<ChatMessageRow[]> {
    return this.query<ChatMessageRow>(
      `SELECT ${CHAT_MESSAGE_COLUMNS} FROM chat_messages m LEFT JOIN users u ON u.id = m.author_id
       WHERE ${where} AND m.status = 'published' ORDER BY m.seq ${order} LIMIT ${limit}`,
      params,
      manager,
    );
  }

  /**
   * Outside a transaction, chat's statements run as named prepared statements on the pool's
   * connections (parsed and planned once per connection instead of on every message); inside
   * one they go through the transaction's manager. Errors from PostgreSQL are wrapped exactly
   * as TypeORM wraps them, so callers and the error mapping see no difference.
   */
  private async query<T>(text: string, values: unknown[], manager: EntityManager = this.db.manager): Promise<T[]> {
    if (manager !== this.db.manager) return (await manager.query(text, values)) as T[];
    this.pool ??= (this.db.driver as unknown as { master: pg.Pool }).master;
    try {
      return (await this.pool.query({ name: statementName(text), text, values })).rows as T[];
    } catch (error) {
      throw error instanceof pg.DatabaseError ? new QueryFailedError(text, values, error) : error;
    }
  }

  private visible(rows: ChatMessageRow[], filter: ViewerFilter): ChatMessageView[] {
    return rows.filter((r) => !filter.hides(r.content_warnings, r.author_id)).map((r) => toChatMessageView(r, filter.presentation(r.content_warnings)));
  }

  /**
   * Who must never receive this message: members who hide one of its categories and
   * members who blocked its author. The author always gets their own words.
   */
  private async excludedAudience(authorId: string, categories: readonly string[]): Promise<string[]> {
    const rows: { user_id: string }[] =
      categories.length === 0
        ? await this.query<{ user_id: string }>('SELECT blocker_id AS user_id FROM blocks WHERE blocked_id = $1', [authorId])
        : await this.query<{ user_id: string }>(
            `SELECT blocker_id AS user_id FROM blocks WHERE blocked_id = $1
             UNION
             SELECT user_id FROM warning_preferences WHERE preference = 'hide' AND category = ANY($2::text[])`,
            [authorId, categories],
          );
    return rows.map((r) => r.user_id).filter((id) => id !== authorId);
  }
}

type Attempt<T> = { ok: true; value: T } | { ok: false; error: unknown };

function attempt<T>(fn: () => T): Attempt<T> {
  try {
    return { ok: true, value: fn() };
  } catch (error) {
    return { ok: false, error };
  }
}

/** Starts work whose failure is only reported when someone awaits it (never unhandled). */
function settled<T>(promise: Promise<T>): Promise<Attempt<T>> {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

async function unwrap<T>(result: Promise<Attempt<T>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw r.error;
  return r.value;
}

/**
 * Would the crisis check raise a queue item for this text? Such a message takes the full
 * transaction, so the item commits with it exactly as before. A detector failure counts as
 * "maybe": the transaction path then runs the real check, which handles it.
 */
function mayRaiseCrisisItem(text: string): boolean {
  try {
    return detectCrisis(text).hit;
  } catch {
    return true;
  }
}

const statementNames = new Map<string, string>();

/** A stable name per SQL text (pg prepares each name once per connection). */
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `chat_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    statementNames.set(text, name);
  }
  return name;
}
