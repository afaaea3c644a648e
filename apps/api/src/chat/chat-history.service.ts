import { Injectable } from '@nestjs/common';
import { ChatMessageStatus, type ChatChanges, type ChatItem, type ChatRoomState, type HistoryResult, type JoinChatResult } from '@kindred/contracts';
import type { EntityManager } from 'typeorm';
import { AccessService, type AccessGrant, type Actor } from '../access/access.service.js';
import { Action } from '../access/actions.js';
import { AppError } from '../common/errors/app-error.js';
import { SafetyService } from '../safety/safety.service.js';
import type { ViewerFilter } from '../safety/viewer-filter.js';
import { viewerItems, type ChatMessageRow } from './chat-message-row.js';
import { ChatMessageRepository, type ChatRoomRow } from './chat-message.repository.js';
import type { HistoryDto, JoinChatDto, MarkReadDto } from './dto/chat-payloads.dto.js';
import { settled, unwrap, type Attempt } from './settled.js';
import { SharedReads } from './shared-reads.js';

const REPLAY_LIMIT = 200;

const roomState = (row: ChatRoomRow): ChatRoomState => ({ roomId: row.room_id, locked: row.locked, slowModeSeconds: row.slow_mode_seconds, pinnedNotice: row.pinned_notice });
const LATEST_PAGE = 50;
const unknownMessage = () => AppError.validation('That message is not in this room.', [{ field: 'messageId', problem: 'Unknown message.' }]);

/**
 * Reading a room's chat: its state, the latest messages or the replay after a reconnect, older
 * pages and read markers. Every read applies the reader's own filter (hidden categories,
 * blocked authors).
 */
@Injectable()
export class ChatHistoryService {
  /** Joins of one room at once (a reconnect storm) share their reads; see SharedReads. */
  private readonly joinReads = new SharedReads();

  constructor(
    private readonly messages: ChatMessageRepository,
    private readonly access: AccessService,
    private readonly safety: SafetyService,
  ) {}

  async state(roomId: string, manager?: EntityManager): Promise<ChatRoomState> {
    return roomState(await this.messages.state(roomId, manager));
  }

  /**
   * The gate decides; then `admit` puts the socket in the room's channel, and only then are
   * messages read. So a message committed while this join runs is either in the replay or
   * delivered live (a client may see it twice and keeps one by seq), never in neither.
   * If anything after `admit` fails, the caller takes the socket out again.
   */
  async join(user: Actor, dto: JoinChatDto, admit: () => Promise<void> | void = () => undefined): Promise<{ grant: AccessGrant; result: Omit<JoinChatResult, 'presence'> }> {
    // The member's own filter does not depend on the gate's answer and is only used after it.
    const filter = settled(this.safety.viewerFilter(user.id));
    const grant = await this.access.require({ user, action: Action.RoomRead, roomId: dto.roomId });
    return { grant, result: await this.joined(dto, filter, admit) };
  }

  /**
   * The same join for a chat whose gate the caller asked (a private conversation, under its
   * id): `grant` proves it. Latest messages or the replay, exactly as for a room.
   */
  async joinChannel(grant: AccessGrant, dto: JoinChatDto, admit: () => Promise<void> | void): Promise<Omit<JoinChatResult, 'presence'>> {
    return this.joined(dto, settled(this.safety.viewerFilter(grant.actor!.id)), admit);
  }

  private async joined(dto: JoinChatDto, filter: Promise<Attempt<ViewerFilter>>, admit: () => Promise<void> | void): Promise<Omit<JoinChatResult, 'presence'>> {
    await admit();
    // Rows are shared between joins of the same room asking the same thing: never changed here.
    const roomId = dto.roomId;
    const stateRead = settled(this.joinReads.read(`state|${roomId}`, () => this.messages.state(roomId)));
    const rowsRead = settled(
      // One row past the page says whether anything older exists.
      dto.lastMessageId
        ? this.joinReads.read(`after|${roomId}|${dto.lastMessageId}`, () => this.rowsAfter(roomId, dto.lastMessageId!, REPLAY_LIMIT + 1))
        : this.joinReads.read(`latest|${roomId}`, () => this.messages.latest(roomId, LATEST_PAGE + 1)),
    );
    // A change committed after `admit` reaches this socket live, so none falls between the two.
    const replayChanges = dto.lastMessageId !== undefined && dto.sinceChange !== undefined;
    const changesRead = settled(
      replayChanges ? this.joinReads.read(`changes|${roomId}|${dto.sinceChange}`, () => this.messages.changedSince(roomId, dto.sinceChange!, REPLAY_LIMIT + 1)) : Promise.resolve([]),
    );
    const viewer = await unwrap(filter);
    const room = await unwrap(stateRead);
    const rows = await unwrap(rowsRead);
    const changed = await unwrap(changesRead);
    const common = { state: roomState(room), lastChange: Number(room.last_change), changes: this.changes(changed.slice(0, REPLAY_LIMIT), viewer) };
    if (dto.lastMessageId) {
      const truncated = rows.length > REPLAY_LIMIT || changed.length > REPLAY_LIMIT;
      return { ...common, messages: this.items(rows.slice(0, REPLAY_LIMIT), viewer), truncated, hasMore: false };
    }
    return { ...common, messages: this.items(rows.slice(0, LATEST_PAGE).reverse(), viewer), truncated: false, hasMore: rows.length > LATEST_PAGE };
  }

  /** Edited or restored messages as this viewer sees them now; removed ones by their place only. */
  private changes(rows: ChatMessageRow[], viewer: ViewerFilter): ChatChanges {
    const published = rows.filter((r) => r.status === ChatMessageStatus.Published);
    const removed = rows.filter((r) => r.status !== ChatMessageStatus.Published).map((r) => Number(r.seq));
    return { updated: this.items(published, viewer), removed };
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
    if (dto.beforeMessageId && dto.beforeSeq !== undefined) {
      throw AppError.validation('Give beforeMessageId or beforeSeq, not both.', [{ field: 'beforeSeq', problem: 'Only one starting point.' }]);
    }
    const before = dto.beforeMessageId ? await this.seqOf(dto.beforeMessageId, dto.roomId) : dto.beforeSeq !== undefined ? String(dto.beforeSeq) : null;
    const rows = before === null ? await this.messages.latest(dto.roomId, limit + 1) : await this.messages.before(dto.roomId, before, limit + 1);
    return { messages: this.items(rows.slice(0, limit).reverse(), filter), hasMore: rows.length > limit };
  }

  async markRead(user: Actor, dto: MarkReadDto): Promise<void> {
    await this.access.require({ user, action: Action.RoomRead, roomId: dto.roomId });
    const seq = await this.seqOf(dto.messageId, dto.roomId);
    await this.messages.markRead(user.id, dto.roomId, seq);
  }

  private async seqOf(messageId: string, roomId: string): Promise<string> {
    const seq = await this.messages.seqOf(messageId, roomId);
    if (!seq) throw unknownMessage();
    return seq;
  }

  private items(rows: ChatMessageRow[], filter: ViewerFilter): ChatItem[] {
    return viewerItems(rows, filter);
  }
}
