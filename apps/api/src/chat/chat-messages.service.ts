import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ChatMessageStatus, ErrorCode, type ChatMessageView, type CrisisResource, ErrorReason } from '@kindred/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { AccessService, type AccessGrant, type Actor } from '../access/access.service.js';
import { Action } from '../access/actions.js';
import { Clock } from '../common/clock.js';
import { AppError } from '../common/errors/app-error.js';
import { DomainEvents, type ChatDelivery } from '../common/events/domain-events.js';
import { CrisisSupportService } from '../moderation/crisis-support.service.js';
import { detectCrisis } from '../moderation/crisis/crisis-detector.js';
import { normalizeWarning, requireWarningChoice, type NormalizedWarning } from '../common/content-warning.js';
import { mentionedHandleKeys } from '../mentions/mention-handles.js';
import { MentionNoticesService } from '../mentions/mention-notices.service.js';
import type { RoomEntity } from '../rooms/room.entity.js';
import { RoomRules } from '../rooms/room-rules.js';
import { SafetyService } from '../safety/safety.service.js';
import { liveCategories, livePresentation, toChatMessageView, type ChatMessageRow } from './chat-message-row.js';
import { ChatMessageRepository } from './chat-message.repository.js';
import { ChatSendQueue } from './chat-send-queue.js';
import type { EditMessageDto, MessageRefDto, SendMessageDto } from './dto/chat-payloads.dto.js';
import { attempt, settled, unwrap, type Attempt } from './settled.js';

/** Pauses before asking for a committed message's audience again (a blip, not an outage). */
const AUDIENCE_RETRY_PAUSES_MS = [20, 100];

const noSuchMessage = () => AppError.notFound('No such message.', 'message');

/**
 * Writing live chat messages. A message is acknowledged only after its transaction commits, and
 * everyone else hears about it only after that, through a domain event.
 */
@Injectable()
export class ChatMessagesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly messages: ChatMessageRepository,
    private readonly sendQueue: ChatSendQueue,
    private readonly access: AccessService,
    private readonly safety: SafetyService,
    private readonly rules: RoomRules,
    private readonly events: DomainEvents,
    private readonly crisis: CrisisSupportService,
    private readonly clock: Clock,
    private readonly mentionNotices: MentionNoticesService,
  ) {}

  async send(user: Actor, dto: SendMessageDto): Promise<{ message: ChatMessageView; support?: CrisisResource[] }> {
    // The audience lookup does not depend on the gate, so it starts at once (usually cached).
    const warning = attempt(() => normalizeWarning(dto.warning, false));
    const audience = warning.ok ? settled(this.safety.excludedAudience(user.id, warning.value.categories)) : undefined;
    let grant: AccessGrant;
    try {
      grant = await this.access.require({ user, action: Action.RoomPost, roomId: dto.roomId });
      if (!warning.ok) throw warning.error;
      if (grant.room!.requireContentWarning) requireWarningChoice(dto.warning);
    } catch (refusal) {
      return { message: await this.resentOr(refusal, user.id, dto) };
    }
    let row: ChatMessageRow;
    let support: CrisisResource[] | undefined;
    try {
      row = (await this.insertDirectly(user, dto, warning.value, grant)) ?? (await this.insertWithRules(user, dto, warning.value, grant, (s) => (support = s)));
    } catch (error) {
      return { message: await this.resentOr(error, user.id, dto) };
    }
    const message = await this.deliver(row, user.id, audience!);
    this.announceMentions(row, grant.room!);
    return support ? { message, support } : { message };
  }

  /**
   * A send refused or failed may be a retry of a message that committed already (its ack was
   * lost, or the sender muted since): that message is answered, and delivered again, instead.
   * Looked up by client id only here: a new message costs no look-up (the insert's unique key
   * catches a retry of a committed one), and a retry is never refused by a rule that came after.
   * Room chat and private conversations alike; `present` is what everyone is shown.
   */
  private async resentOr(error: unknown, authorId: string, dto: SendMessageDto, present: (message: ChatMessageView) => ChatMessageView = (m) => m): Promise<ChatMessageView> {
    const existing = await this.messages.byClientId(authorId, dto.clientId).catch(() => undefined);
    if (!existing) throw error;
    return this.resent(existing, dto, present);
  }

  /** @handles in a room message: told after the commit and the delivery, never on the ack's path. */
  private announceMentions(row: ChatMessageRow, room: RoomEntity): void {
    if (!row.body.includes('@')) return;
    const handleKeys = mentionedHandleKeys(row.body);
    if (handleKeys.length === 0) return;
    this.mentionNotices.announce(`message ${row.id}`, async () => {
      // Read afresh: a message removed (or warned about) in the meantime is told as it is now.
      const now = await this.messages.byId(row.id);
      if (!now || now.status !== ChatMessageStatus.Published) return undefined;
      return {
        authorId: now.author_id,
        roomId: room.id,
        handleKeys,
        categories: liveCategories(now),
        texts: [now.body, now.warning_note],
        shown: [],
        content: { code: 'mention.chat' as const, params: { roomName: room.name, authorHandle: now.handle ?? '' } },
        link: `/rooms/${room.slug}`,
      };
    });
  }

  /**
   * A message in a private conversation, through the same pipeline as room chat: group commit
   * under the conversation's chat row, ack after commit, retries by client id, delivery by the
   * same event. `grant` is the gate's conversation.post answer; no room rules apply (a
   * conversation has no lock or slow mode). `present` rewrites what everyone is shown (a
   * moderator writing as the team).
   */
  async sendInConversation(
    grant: AccessGrant,
    dto: SendMessageDto,
    present: (message: ChatMessageView) => ChatMessageView = (m) => m,
  ): Promise<{ message: ChatMessageView; support?: CrisisResource[] }> {
    const user = grant.actor!;
    const warning = normalizeWarning(dto.warning, false);
    const audience = settled(this.safety.excludedAudience(user.id, warning.categories));
    let row: ChatMessageRow | undefined;
    let support: CrisisResource[] | undefined;
    try {
      row = mayRaiseCrisisItem(dto.body)
        ? await this.insertPrivateWithCrisisCheck(user, dto, warning, (s) => (support = s))
        : await this.sendQueue.insert(dto.roomId, { authorId: user.id, clientId: dto.clientId, body: dto.body, warning, exempt: true });
    } catch (error) {
      return { message: await this.resentOr(error, user.id, dto, present) };
    }
    // Exempt writes are never held back by rules; no row means the conversation's chat row is gone.
    if (!row) throw noSuchMessage();
    const message = await this.deliver(row, user.id, audience, present);
    return support ? { message, support } : { message };
  }

  /**
   * Committed: from here the message must reach its readers. A failed early audience lookup is
   * asked again; if it still fails the sender gets an error and its resend delivers (see
   * resent). An automatic warning widens the audience left out, so that lookup is asked afresh.
   */
  private async deliver(
    row: ChatMessageRow,
    authorId: string,
    audience: Promise<Attempt<string[]>>,
    present: (message: ChatMessageView) => ChatMessageView = (m) => m,
  ): Promise<ChatMessageView> {
    const message = present(toChatMessageView(row, livePresentation(liveCategories(row))));
    const excluded =
      row.auto_warnings.length > 0
        ? this.audienceWithRetry(authorId, liveCategories(row))
        : unwrap(audience).catch(() => this.audienceWithRetry(authorId, row.content_warnings));
    this.events.emit('chat.message.created', { message, ...(await this.withFilters(row, excluded)) });
    return message;
  }

  /**
   * Crisis care in a private conversation, as in room chat: the author privately gets resources,
   * readers the automatic warning at once, and moderators an item with no room that names the
   * conversation and shows only this message (see QueueTargets).
   */
  private insertPrivateWithCrisisCheck(user: Actor, dto: SendMessageDto, warning: NormalizedWarning, setSupport: (support: CrisisResource[]) => void): Promise<ChatMessageRow> {
    return this.db.transaction(async (manager) => {
      const { last_seq: seq } = await this.messages.nextSeq(dto.roomId, manager);
      const inserted = await this.messages.insert({ roomId: dto.roomId, seq, authorId: user.id, clientId: dto.clientId, body: dto.body, warning, replyToMessageId: null }, manager);
      const crisis = await this.crisis.check({ authorId: user.id, roomId: null, targetType: 'message', targetId: inserted.id, text: dto.body }, manager);
      if (!crisis) return inserted;
      await this.messages.setNewAutoWarnings(inserted.id, crisis.warnings, manager);
      setSupport(crisis.resources);
      return { ...inserted, auto_warnings: crisis.warnings };
    });
  }

  /**
   * A resend of a committed message answers with it and delivers it again: the first delivery
   * may never have happened (the sender saw an error after the commit, or the server died
   * between commit and broadcast). Clients keep one entry per `seq`, so a second delivery of a
   * message they already have changes nothing. `byClientId` finds published messages only, so
   * a message removed since is never delivered again.
   */
  private async resent(row: ChatMessageRow, dto: SendMessageDto, present: (message: ChatMessageView) => ChatMessageView = (m) => m): Promise<ChatMessageView> {
    const message = present(this.sameMessageOrConflict(row, dto));
    this.events.emit('chat.message.created', { message, ...(await this.withFilters(row, this.audienceWithRetry(row.author_id, liveCategories(row)))) });
    return message;
  }

  /** The audience lookup, asked again after short pauses: a committed message waits on it. */
  private audienceWithRetry(authorId: string, categories: readonly string[]): Promise<string[]> {
    return withRetry(() => this.safety.excludedAudience(authorId, categories));
  }

  /**
   * Adds readers' personal filters to a delivery: those whose `hide` filter matches the words are
   * left out like any excluded reader, those whose `warn` filter matches get a folded copy. Asked
   * beside the category and block lookup, not after it.
   */
  private async withFilters(row: ChatMessageRow, excluded: Promise<string[]>): Promise<Omit<ChatDelivery, 'message'>> {
    const [ids, filters] = await Promise.all([excluded, withRetry(() => this.safety.filterAudience(row.author_id, row.body, row.warning_note))]);
    if (filters.hidden.length === 0 && filters.folded.length === 0) return { excludedUserIds: ids };
    const excludedUserIds = [...new Set([...ids, ...filters.hidden])];
    const left = new Set(excludedUserIds);
    return { excludedUserIds, folded: filters.folded.filter((f) => !left.has(f.userId)) };
  }

  /**
   * The common case in one autocommitted statement: draw the next `seq` under the room row's
   * lock and insert, when no room rule can refuse it (chat open and no slow mode, or a
   * moderator), it is not a reply and the text raises no crisis item. Anything else returns
   * undefined and takes the full transaction below, unchanged; a skipped UPDATE leaves no
   * gap in `seq`. Committed before it returns, so persisted-before-broadcast holds. Sends to a
   * busy room are committed in groups (ChatSendQueue).
   */
  private async insertDirectly(user: Actor, dto: SendMessageDto, warning: NormalizedWarning, grant: AccessGrant): Promise<ChatMessageRow | undefined> {
    if (dto.replyToMessageId || mayRaiseCrisisItem(dto.body)) return undefined;
    return this.sendQueue.insert(dto.roomId, { authorId: user.id, clientId: dto.clientId, body: dto.body, warning, exempt: grant.canModerate });
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
      await this.messages.state(dto.roomId, manager);
      // The room row's lock hands out `seq` in commit order (see ChatRoomEntity).
      const chatRoom = await this.messages.nextSeq(dto.roomId, manager);
      if (!grant.canModerate) await this.checkRoomRules(manager, dto.roomId, user.id, chatRoom);
      const replyTo = dto.replyToMessageId ? await this.replyTarget(manager, dto.roomId, dto.replyToMessageId, user.id) : null;
      const inserted = await this.messages.insert(
        { roomId: dto.roomId, seq: chatRoom.last_seq, authorId: user.id, clientId: dto.clientId, body: dto.body, warning, replyToMessageId: replyTo },
        manager,
      );
      const crisis = await this.crisis.check({ authorId: user.id, roomId: dto.roomId, targetType: 'message', targetId: inserted.id, text: dto.body }, manager);
      if (!crisis) return inserted;
      // Readers are protected at once: the detected category goes out with the message itself.
      await this.messages.setNewAutoWarnings(inserted.id, crisis.warnings, manager);
      setSupport(crisis.resources);
      return { ...inserted, auto_warnings: crisis.warnings };
    });
  }

  private sameMessageOrConflict(row: ChatMessageRow, dto: SendMessageDto): ChatMessageView {
    if (row.room_id !== dto.roomId || row.body !== dto.body) {
      throw AppError.validation('This client id was already used for a different message.', [{ field: 'clientId', problem: 'Already used.' }], ErrorReason.ClientIdReused);
    }
    return toChatMessageView(row, livePresentation(liveCategories(row)));
  }

  private async checkRoomRules(
    manager: EntityManager,
    roomId: string,
    userId: string,
    room: { locked: boolean; slow_mode_seconds: number },
  ): Promise<void> {
    if (room.locked) throw new AppError({ status: HttpStatus.FORBIDDEN, code: ErrorCode.ChatLocked, message: 'This chat is read-only for now. You can still read along.' });
    if (room.slow_mode_seconds <= 0) return;
    const wait = this.rules.slowModeWait(await this.messages.lastSentAt(roomId, userId, manager), room.slow_mode_seconds);
    if (wait) {
      throw new AppError({ status: HttpStatus.TOO_MANY_REQUESTS, code: ErrorCode.SlowMode, message: `Slow mode is on: you can send again in ${wait.seconds} s.`, retryAt: wait.retryAt });
    }
  }

  /** A reply link to someone who blocked the author is dropped, keeping the block private. */
  private async replyTarget(manager: EntityManager, roomId: string, messageId: string, authorId: string): Promise<string | null> {
    return this.rules.replyLink(messageId, await this.messages.authorInRoom(messageId, roomId, manager), authorId, () =>
      AppError.validation('You can only reply to a message in this room.', [{ field: 'replyToMessageId', problem: 'Not in this room.' }], ErrorReason.ReplyOutsidePlace),
    );
  }

  /**
   * Edit or delete one's own message in a private conversation (`grant`: the gate's answer for
   * it). A message elsewhere is "not found", someone else's is refused, as in room chat.
   */
  async changeInConversation(
    grant: AccessGrant,
    conversationId: string,
    change: { messageId: string; body?: string; warning?: EditMessageDto['warning'] } | { messageId: string; delete: true },
    present: (message: ChatMessageView) => ChatMessageView = (m) => m,
  ): Promise<ChatMessageView | undefined> {
    const row = await this.findMessage(change.messageId);
    if (!row || row.room_id !== conversationId || row.status !== ChatMessageStatus.Published) throw noSuchMessage();
    if (row.author_id !== grant.actor!.id) throw AppError.forbidden('You can only change your own messages.', ErrorReason.OwnContentOnly);
    if ('delete' in change) {
      await this.messages.setStatus(row.id, ChatMessageStatus.Deleted);
      this.events.emit('chat.message.removed', { roomId: row.room_id, messageId: row.id });
      return undefined;
    }
    const warning = change.warning ? normalizeWarning(change.warning, false) : { categories: row.content_warnings, note: row.warning_note };
    await this.messages.edit(row.id, change.body!, warning, this.clock.now());
    const updated = (await this.messages.byId(row.id))!;
    const message = present(toChatMessageView(updated, livePresentation(liveCategories(updated))));
    this.events.emit('chat.message.edited', { message, ...(await this.withFilters(updated, this.safety.excludedAudience(updated.author_id, liveCategories(updated)))) });
    return message;
  }

  async edit(user: Actor, dto: EditMessageDto): Promise<ChatMessageView> {
    const row = await this.ownMessage(user, dto.messageId);
    const grant = await this.access.require({ user, action: Action.RoomPost, roomId: row.room_id });
    // Leaving the warning out keeps it; a new choice in a room that asks for one must be a choice.
    const warning = dto.warning ? normalizeWarning(dto.warning, grant.room!.requireContentWarning) : { categories: row.content_warnings, note: row.warning_note };
    await this.messages.edit(row.id, dto.body, warning, this.clock.now());
    const updated = (await this.messages.byId(row.id))!;
    const message = toChatMessageView(updated, livePresentation(liveCategories(updated)));
    this.events.emit('chat.message.edited', { message, ...(await this.withFilters(updated, this.safety.excludedAudience(updated.author_id, liveCategories(updated)))) });
    return message;
  }

  async deleteOwn(user: Actor, dto: MessageRefDto): Promise<void> {
    const row = await this.ownMessage(user, dto.messageId);
    await this.messages.setStatus(row.id, ChatMessageStatus.Deleted);
    this.events.emit('chat.message.removed', { roomId: row.room_id, messageId: row.id });
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
    if (row.author_id !== user.id) throw AppError.forbidden('You can only change your own messages.', ErrorReason.OwnContentOnly);
    return row;
  }

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

/** Asked again after short pauses: a committed message waits on it. */
async function withRetry<T>(read: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await read();
    } catch (error) {
      if (attempt >= AUDIENCE_RETRY_PAUSES_MS.length) throw error;
      await new Promise((resolve) => setTimeout(resolve, AUDIENCE_RETRY_PAUSES_MS[attempt]));
    }
  }
}
