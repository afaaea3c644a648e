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
import { detectCrisis } from '../moderation/crisis/crisis-detector.js';
import { normalizeWarning, type NormalizedWarning } from '../posts/content-warning.js';
import { SafetyService } from '../safety/safety.service.js';
import type { ViewerFilter } from '../safety/viewer-filter.js';
import { livePresentation, toChatMessageView, type ChatMessageRow } from './chat-message-row.js';
import { ChatMessageRepository } from './chat-message.repository.js';
import type { EditMessageDto, HistoryDto, JoinChatDto, MarkReadDto, MessageRefDto, SendMessageDto } from './dto/chat-payloads.dto.js';

const REPLAY_LIMIT = 200;
const LATEST_PAGE = 50;
const noSuchMessage = () => AppError.notFound('No such message.');
const unknownMessage = () => AppError.validation('That message is not in this room.', [{ field: 'messageId', problem: 'Unknown message.' }]);

/**
 * Live chat messages. A message is acknowledged only after its transaction commits, and
 * everyone else hears about it only after that, through a domain event.
 */
@Injectable()
export class ChatService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly messages: ChatMessageRepository,
    private readonly access: AccessService,
    private readonly safety: SafetyService,
    private readonly events: DomainEvents,
    private readonly crisis: CrisisSupportService,
    private readonly clock: Clock,
  ) {}

  async state(roomId: string, manager?: EntityManager): Promise<ChatRoomState> {
    const row = await this.messages.state(roomId, manager);
    return { roomId, locked: row.locked, slowModeSeconds: row.slow_mode_seconds, pinnedNotice: row.pinned_notice };
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
      dto.lastMessageId ? this.rowsAfter(dto.roomId, dto.lastMessageId, REPLAY_LIMIT + 1) : this.messages.latest(dto.roomId, LATEST_PAGE),
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
    const rows = await this.messages.after(roomId, messageId, limit);
    if (!rows) throw unknownMessage();
    return rows;
  }

  async history(user: Actor, dto: HistoryDto): Promise<HistoryResult> {
    await this.access.require({ user, action: Action.RoomRead, roomId: dto.roomId });
    const filter = await this.safety.viewerFilter(user.id);
    const limit = dto.limit ?? LATEST_PAGE;
    const before = dto.beforeMessageId ? await this.seqOf(dto.beforeMessageId, dto.roomId) : null;
    const rows = before === null ? await this.messages.latest(dto.roomId, limit + 1) : await this.messages.before(dto.roomId, before, limit + 1);
    return { messages: this.visible(rows.slice(0, limit).reverse(), filter), hasMore: rows.length > limit };
  }

  async send(user: Actor, dto: SendMessageDto): Promise<{ message: ChatMessageView; support?: CrisisResource[] }> {
    // The retry check, the access gate and the audience lookup do not depend on one another,
    // so they run together; their outcomes are then taken in the original order: a retry of a
    // message that already committed gets the same answer (not a second copy), then access,
    // then the warning's validity.
    const warning = attempt(() => normalizeWarning(dto.warning, false));
    const audience = warning.ok ? settled(this.safety.excludedAudience(user.id, warning.value.categories)) : undefined;
    const [existing, access] = await Promise.allSettled([
      this.messages.byClientId(user.id, dto.clientId),
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
        const winner = await this.messages.byClientId(user.id, dto.clientId);
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
    return this.messages.insertUnlessRuled({ roomId: dto.roomId, authorId: user.id, clientId: dto.clientId, body: dto.body, warning }, grant.canModerate);
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
      const chatRoom = await this.messages.nextSeq(dto.roomId, manager);
      if (!grant.canModerate) await this.checkRoomRules(manager, dto.roomId, user.id, chatRoom);
      const replyTo = dto.replyToMessageId ? await this.replyTarget(manager, dto.roomId, dto.replyToMessageId, user.id) : null;
      const inserted = await this.messages.insert(
        { roomId: dto.roomId, seq: chatRoom.last_seq, authorId: user.id, clientId: dto.clientId, body: dto.body, warning, replyToMessageId: replyTo },
        manager,
      );
      setSupport(await this.crisis.check({ authorId: user.id, roomId: dto.roomId, targetType: 'message', targetId: inserted.id, text: dto.body }, manager));
      return inserted;
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
    const last = await this.messages.lastSentAt(roomId, userId, manager);
    if (!last) return;
    const retryAt = new Date(last.getTime() + room.slow_mode_seconds * 1000);
    const waitMs = retryAt.getTime() - this.clock.now().getTime();
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      throw new AppError(HttpStatus.TOO_MANY_REQUESTS, ErrorCode.SlowMode, `Slow mode is on: you can send again in ${seconds} s.`, undefined, undefined, retryAt);
    }
  }

  /** A reply link to someone who blocked the author is dropped, keeping the block private. */
  private async replyTarget(manager: EntityManager, roomId: string, messageId: string, authorId: string): Promise<string | null> {
    const targetAuthor = await this.messages.authorInRoom(messageId, roomId, manager);
    if (!targetAuthor) throw AppError.validation('You can only reply to a message in this room.', [{ field: 'replyToMessageId', problem: 'Not in this room.' }]);
    return (await this.safety.isBlockedBy(authorId, targetAuthor)) ? null : messageId;
  }

  async edit(user: Actor, dto: EditMessageDto): Promise<ChatMessageView> {
    const row = await this.ownMessage(user, dto.messageId);
    await this.access.require({ user, action: Action.RoomPost, roomId: row.room_id });
    const warning = dto.warning ? normalizeWarning(dto.warning, false) : { categories: row.content_warnings, note: row.warning_note };
    await this.messages.edit(row.id, dto.body, warning, this.clock.now());
    const updated = (await this.messages.byId(row.id))!;
    const message = toChatMessageView(updated, livePresentation(updated.content_warnings));
    this.events.emit('chat.message.edited', { message, excludedUserIds: await this.safety.excludedAudience(updated.author_id, updated.content_warnings) });
    return message;
  }

  async deleteOwn(user: Actor, dto: MessageRefDto): Promise<void> {
    const row = await this.ownMessage(user, dto.messageId);
    await this.messages.setStatus(row.id, ChatMessageStatus.Deleted);
    this.events.emit('chat.message.removed', { roomId: row.room_id, messageId: row.id });
  }

  async markRead(user: Actor, dto: MarkReadDto): Promise<void> {
    await this.access.require({ user, action: Action.RoomRead, roomId: dto.roomId });
    const seq = await this.seqOf(dto.messageId, dto.roomId);
    await this.messages.markRead(user.id, dto.roomId, seq);
  }

  findMessage(messageId: string): Promise<ChatMessageRow | undefined> {
    return this.messages.byId(messageId);
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

  private async seqOf(messageId: string, roomId: string): Promise<string> {
    const seq = await this.messages.seqOf(messageId, roomId);
    if (!seq) throw unknownMessage();
    return seq;
  }

  private visible(rows: ChatMessageRow[], filter: ViewerFilter): ChatMessageView[] {
    return rows.filter((r) => !filter.hides(r.content_warnings, r.author_id)).map((r) => toChatMessageView(r, filter.presentation(r.content_warnings)));
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
