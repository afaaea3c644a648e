import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ConversationKind,
  ErrorCode,
  ErrorReason,
  type ChatItem,
  type ChatMessageView,
  type ConversationInbox,
  type ConversationMessagesPage,
  type ConversationReactionsView,
  type MessageReactionsView,
  type ConversationView,
  type CrisisResource,
  type JoinConversationResult,
  type SendConversationMessageResult,
} from '@kindred/contracts';
import type { DataSource } from 'typeorm';
import { AccessService, type AccessGrant, type Actor } from '../access/access.service.js';
import { Action } from '../access/actions.js';
import { viewerItems } from '../chat/chat-message-row.js';
import { ChatHistoryService } from '../chat/chat-history.service.js';
import { ChatMessageRepository } from '../chat/chat-message.repository.js';
import { ChatMessagesService } from '../chat/chat-messages.service.js';
import { Clock } from '../common/clock.js';
import { normalizeWarning } from '../common/content-warning.js';
import { AppError } from '../common/errors/app-error.js';
import { DomainEvents } from '../common/events/domain-events.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { CrisisSupportService } from '../moderation/crisis-support.service.js';
import { MembershipRepository } from '../rooms/membership.repository.js';
import { SafetyService } from '../safety/safety.service.js';
import { UserRepository } from '../users/user.repository.js';
import { conversationSummary, standingOf, teamAuthored, teamAuthoredMessage } from './conversation-views.js';
import { ConversationRepository, type ConversationRow } from './conversation.repository.js';
import type { ConversationMessageRefDto, EditConversationMessageDto, JoinConversationDto, SendConversationMessageDto } from './dto/conversation-payloads.dto.js';
import type { ConversationMessagesQueryDto, ConversationReactionParams, CreateConversationDto } from './dto/conversation.dto.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const INBOX_LIMIT = 200;
const PAGE = 50;
/** The first message: what a request shows before it is accepted. */
const FIRST_SEQ = '1';

/** Active, unmuted participants other than `except`: whose inbox hears of a change live. */
const inboxesToTell = (row: ConversationRow, except: string) => row.participants.filter((p) => p.state === 'active' && !p.muted && p.user_id !== except).map((p) => p.user_id);

const noSuchConversation = () => AppError.notFound('No such conversation.', 'conversation');

/**
 * Private conversations with consent first: a peer conversation starts as a request each
 * recipient accepts or declines (silently); who may ask is each recipient's choice, and blocks
 * refuse it either way. Messages live in the chat engine under the conversation's id.
 */
@Injectable()
export class ConversationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly conversations: ConversationRepository,
    private readonly messages: ChatMessageRepository,
    private readonly chatHistory: ChatHistoryService,
    private readonly chatMessages: ChatMessagesService,
    private readonly access: AccessService,
    private readonly safety: SafetyService,
    private readonly users: UserRepository,
    private readonly memberships: MembershipRepository,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
    private readonly crisis: CrisisSupportService,
  ) {}

  async inbox(user: Actor): Promise<ConversationInbox> {
    await this.access.require({ user, action: Action.AccountRead });
    const rows = await this.conversations.inbox(user.id, INBOX_LIMIT);
    const [handles, unread] = await Promise.all([this.handlesOf(rows), this.unreadOf(user, rows)]);
    const summaries = rows.map((row) => conversationSummary(row, user.id, handles, unread.get(row.id) ?? 0));
    return {
      requests: summaries.filter((s) => s.standing === 'request'),
      conversations: summaries.filter((s) => s.standing !== 'request'),
      unreadTotal: summaries.reduce((total, s) => (s.muted ? total : total + s.unread), 0),
    };
  }

  /** Counted as each viewer's history shows it; a request has nothing to read but its first message. */
  private async unreadOf(user: Actor, rows: ConversationRow[]): Promise<Map<string, number>> {
    const filter = await this.safety.viewerFilter(user.id);
    const channels = rows.map((row) => ({ id: row.id, upToSeq: standingOf(row, user.id) === 'request' ? Number(FIRST_SEQ) : null }));
    return this.messages.unreadCounts(user.id, channels, filter.hiddenCategories, filter.blockedUserIds);
  }

  /** Everything up to `messageId` read, from a socket while the conversation is open. */
  async markRead(user: Actor, dto: ConversationMessageRefDto): Promise<void> {
    await this.access.require({ user, action: Action.ConversationListen, conversationId: dto.conversationId });
    const seq = await this.messages.seqOf(dto.messageId, dto.conversationId);
    if (!seq) throw AppError.notFound('No such message in this conversation.', 'message');
    await this.readUpTo(user, dto.conversationId, [{ seq: Number(seq) }]);
  }

  /**
   * Moves the viewer's read marker past what they were just shown; their other devices hear
   * of it (only the id travels), so badges agree everywhere.
   */
  private async readUpTo(user: Actor, conversationId: string, shown: { seq: number }[]): Promise<void> {
    if (shown.length === 0) return;
    const last = Math.max(...shown.map((item) => item.seq));
    if (!(await this.messages.markRead(user.id, conversationId, String(last)))) return;
    // With read receipts on both sides, the other person's "seen" follows too; otherwise nobody else hears of it.
    const row = await this.conversations.one(conversationId);
    const receiptsWith = row ? await this.mutualReceiptsWith(row, user.id) : null;
    this.events.emit('conversation.updated', { conversationId, userIds: receiptsWith ? [user.id, receiptsWith] : [user.id] });
  }

  async start(user: Actor, dto: CreateConversationDto): Promise<ConversationView> {
    const kind = dto.kind ?? ConversationKind.Peer;
    await this.access.require({ user, action: kind === ConversationKind.CheckIn ? Action.ConversationCheckIn : Action.ConversationStart });
    if (dto.participantIds.includes(user.id)) {
      throw AppError.validation('A conversation is with other people: leave yourself out.', [{ field: 'participantIds', problem: 'This is your own id.' }], ErrorReason.NotYourself);
    }
    if (kind === ConversationKind.CheckIn && dto.participantIds.length !== 1) {
      throw AppError.validation('A check-in is with one member.', [{ field: 'participantIds', problem: 'Give exactly one member.' }]);
    }
    if (dto.asTeam && kind !== ConversationKind.CheckIn) {
      throw AppError.validation('Only a check-in is written as the moderation team.', [{ field: 'asTeam', problem: 'Only for check-ins.' }], ErrorReason.ActionNotApplicable);
    }
    const warning = normalizeWarning(dto.warning, false);
    // A retry of a start that committed answers with that conversation, not a second one.
    const earlier = await this.messages.byClientId(user.id, dto.clientId);
    if (earlier) return this.retried(user, earlier.room_id);

    const recipients = await this.users.messagingChoices(dto.participantIds, user.id);
    if (recipients.length !== dto.participantIds.length) throw AppError.notFound('No member with that id.', 'member');
    if (kind === ConversationKind.Peer) await this.refuseUnwelcome(user.id, recipients);

    let support: CrisisResource[] | undefined;
    const conversationId = await this.db.transaction(async (manager) => {
      if (kind === ConversationKind.Peer) {
        await this.conversations.lockRequestsOf(user.id, manager);
        const open = await this.conversations.openRequestsSince(user.id, new Date(this.clock.now().getTime() - DAY_MS), manager);
        if (open >= this.config.conversationRequestsPerDay) throw this.requestLimit();
      }
      const id = await this.conversations.create(
        {
          kind,
          startedBy: user.id,
          participants: [
            { userId: user.id, state: 'active', asTeam: !!dto.asTeam },
            // A check-in reaches the member at once; a peer conversation asks first.
            ...recipients.map((r) => ({ userId: r.id, state: kind === ConversationKind.CheckIn ? ('active' as const) : ('invited' as const), asTeam: false })),
          ],
        },
        manager,
      );
      await this.messages.openConversationChannel(id, manager);
      const { last_seq: seq } = await this.messages.nextSeq(id, manager);
      const first = await this.messages.insert({ roomId: id, seq, authorId: user.id, clientId: dto.clientId, body: dto.body, warning, replyToMessageId: null }, manager);
      // Crisis care as for any message: resources for the author, the automatic warning for readers,
      // and an item for moderators that names this conversation and shows only this message.
      const crisis = await this.crisis.check({ authorId: user.id, roomId: null, targetType: 'message', targetId: first.id, text: dto.body }, manager);
      if (crisis) {
        await this.messages.setNewAutoWarnings(first.id, crisis.warnings, manager);
        support = crisis.resources;
      }
      return id;
    });
    this.events.emit('conversation.updated', { conversationId, userIds: [user.id, ...recipients.map((r) => r.id)] });
    const started = await this.view(user, conversationId);
    return support ? { ...started, support } : started;
  }

  async get(user: Actor, conversationId: string): Promise<ConversationView> {
    await this.access.require({ user, action: Action.ConversationRead, conversationId });
    return this.view(user, conversationId);
  }

  async messagesPage(user: Actor, conversationId: string, query: ConversationMessagesQueryDto): Promise<ConversationMessagesPage> {
    const grant = await this.access.require({ user, action: Action.ConversationRead, conversationId });
    const row = await this.conversations.one(conversationId);
    if (!row) throw noSuchConversation();
    return this.page(user, row, grant.participation!.state === 'invited', query);
  }

  /** `invited`: nothing but the first message reaches someone who has not accepted. */
  private async page(user: Actor, row: ConversationRow, invited: boolean, query: ConversationMessagesQueryDto): Promise<ConversationMessagesPage> {
    if (invited) {
      const first = query.before === undefined || query.before > 1 ? await this.firstMessage(user, row) : [];
      await this.readUpTo(user, row.id, first);
      return { items: first, nextBefore: null };
    }
    const limit = query.limit ?? PAGE;
    const rows = query.before === undefined ? await this.messages.latest(row.id, limit + 1) : await this.messages.before(row.id, String(query.before), limit + 1);
    const page = rows.slice(0, limit).reverse();
    const filter = await this.safety.viewerFilter(user.id);
    const items = teamAuthored(viewerItems(page, filter), row, user.id);
    // The latest page is what the conversation opens on: it has been read.
    if (query.before === undefined) await this.readUpTo(user, row.id, items);
    return { items, nextBefore: rows.length > limit && page[0] ? Number(page[0].seq) : null };
  }

  async accept(user: Actor, conversationId: string): Promise<ConversationView> {
    await this.respond(user, conversationId, 'active');
    const accepted = await this.view(user, conversationId);
    await this.announceTo(conversationId);
    return accepted;
  }

  /** Silent: the sender keeps seeing "pending"; the request is gone for the recipient. */
  async decline(user: Actor, conversationId: string): Promise<void> {
    await this.respond(user, conversationId, 'declined');
  }

  /** Leaving is never shown to the others. */
  async leave(user: Actor, conversationId: string): Promise<void> {
    await this.access.require({ user, action: Action.ConversationRespond, conversationId });
    await this.conversations.moveParticipant(conversationId, user.id, ['invited', 'active'], 'left');
    await this.events.announce('conversation.participation.changed', { conversationId, userIds: [user.id] });
  }

  async mute(user: Actor, conversationId: string, muted: boolean): Promise<void> {
    await this.access.require({ user, action: Action.ConversationRespond, conversationId });
    await this.conversations.setMuted(conversationId, user.id, muted);
  }

  /**
   * Hear a conversation live (only once in it): `admit` puts the socket in its channel before
   * messages are read, so none falls between the replay and live delivery (as for rooms).
   */
  async join(user: Actor, dto: JoinConversationDto, admit: () => Promise<void> | void): Promise<JoinConversationResult> {
    const grant = await this.access.require({ user, action: Action.ConversationListen, conversationId: dto.conversationId });
    const row = await this.conversations.one(dto.conversationId);
    if (!row) throw noSuchConversation();
    const { lastMessageId, sinceChange } = dto;
    const result = await this.chatHistory.joinChannel(grant, { roomId: row.id, lastMessageId, sinceChange }, admit);
    await this.readUpTo(user, row.id, result.messages);
    return {
      messages: teamAuthored(result.messages, row, user.id),
      truncated: result.truncated,
      hasMore: result.hasMore,
      lastChange: result.lastChange,
      changes: { updated: teamAuthored(result.changes.updated, row, user.id), removed: result.changes.removed },
    };
  }

  /** Checks the gate for live events that carry no content (typing). */
  async requireActive(user: Actor, conversationId: string): Promise<void> {
    await this.access.require({ user, action: Action.ConversationListen, conversationId });
  }

  async send(user: Actor, dto: SendConversationMessageDto): Promise<SendConversationMessageResult> {
    const grant = await this.access.require({ user, action: Action.ConversationPost, conversationId: dto.conversationId });
    const row = await this.conversations.one(dto.conversationId);
    if (!row) throw noSuchConversation();
    // Consent first, for the sender too: until someone accepts, the first message is all there is.
    if (standingOf(row, user.id) !== 'active') throw AppError.forbidden('Nobody has accepted this request yet; your first message is waiting for them.');
    const asTeam = row.participants.some((p) => p.user_id === user.id && p.as_team);
    const { conversationId, clientId, body, warning } = dto;
    const result = await this.chatMessages.sendInConversation(grant, { roomId: conversationId, clientId, body, warning }, asTeam ? teamAuthoredMessage : undefined);
    await this.conversations.touch(conversationId, new Date(result.message.createdAt));
    this.events.emit('conversation.updated', { conversationId, userIds: inboxesToTell(row, user.id) });
    return result;
  }

  /** Supportive reactions, as this viewer sees them: none given by someone they blocked. */
  async reactions(user: Actor, conversationId: string): Promise<ConversationReactionsView> {
    await this.access.require({ user, action: Action.ConversationListen, conversationId });
    const filter = await this.safety.viewerFilter(user.id);
    const byMessage = new Map<string, MessageReactionsView>();
    for (const row of await this.messages.reactionsIn(conversationId, user.id, filter.blockedUserIds)) {
      const entry = byMessage.get(row.message_id) ?? { messageId: row.message_id, counts: {}, mine: [] };
      entry.counts[row.kind] = row.n;
      if (row.mine) entry.mine.push(row.kind);
      byMessage.set(row.message_id, entry);
    }
    return { messages: [...byMessage.values()] };
  }

  /** Idempotent; those hearing the conversation are told which message changed (never who reacted). */
  async react(user: Actor, params: ConversationReactionParams, on: boolean): Promise<void> {
    await this.access.require({ user, action: Action.ConversationPost, conversationId: params.id });
    // Only a published message of this conversation (byId reads published ones only).
    if ((await this.messages.byId(params.messageId))?.room_id !== params.id) throw AppError.notFound('No such message in this conversation.', 'message');
    if (await this.messages.setReaction(params.messageId, user.id, params.kind, on)) {
      this.events.emit('conversation.reacted', { conversationId: params.id, messageId: params.messageId });
    }
  }

  /** Tells the inboxes of those in the conversation (never a request's recipient, never the muted). */
  private async announceTo(conversationId: string): Promise<void> {
    const row = await this.conversations.one(conversationId);
    if (row) this.events.emit('conversation.updated', { conversationId, userIds: inboxesToTell(row, '') });
  }

  async edit(user: Actor, dto: EditConversationMessageDto): Promise<ChatMessageView> {
    const grant = await this.access.require({ user, action: Action.ConversationPost, conversationId: dto.conversationId });
    const row = await this.conversations.one(dto.conversationId);
    if (!row) throw noSuchConversation();
    const asTeam = row.participants.some((p) => p.user_id === user.id && p.as_team);
    const { messageId, body, warning } = dto;
    return (await this.chatMessages.changeInConversation(grant, dto.conversationId, { messageId, body, warning }, asTeam ? teamAuthoredMessage : undefined))!;
  }

  /** Deleting one's own words stays possible while suspended, as in room chat. */
  async deleteMessage(user: Actor, dto: ConversationMessageRefDto): Promise<void> {
    const grant = await this.access.require({ user, action: Action.ConversationListen, conversationId: dto.conversationId });
    await this.chatMessages.changeInConversation(grant, dto.conversationId, { messageId: dto.messageId, delete: true });
  }

  private async respond(user: Actor, conversationId: string, to: 'active' | 'declined'): Promise<AccessGrant> {
    const grant = await this.access.require({ user, action: Action.ConversationRespond, conversationId });
    if (grant.participation!.state !== 'invited' || !(await this.conversations.moveParticipant(conversationId, user.id, ['invited'], to))) {
      throw AppError.conflict('You already answered this request.', ErrorReason.AlreadyExists);
    }
    await this.events.announce('conversation.participation.changed', { conversationId, userIds: [user.id] });
    return grant;
  }

  /**
   * Each recipient decides who may ask: nobody, people who share a room with them (the
   * default), or anyone. A block either way refuses too, with the same answer, so the blocked
   * person cannot tell a block from a setting.
   */
  private async refuseUnwelcome(senderId: string, recipients: { id: string; handle: string; whoCanMessageMe: string }[]): Promise<void> {
    const ids = recipients.map((r) => r.id);
    const [sharing, blockers, filter] = await Promise.all([
      this.memberships.sharingARoomWith(senderId, recipients.filter((r) => r.whoCanMessageMe === 'rooms').map((r) => r.id)),
      this.safety.blockersAmong(senderId, ids),
      this.safety.viewerFilter(senderId),
    ]);
    for (const r of recipients) {
      const allowed = r.whoCanMessageMe === 'anyone' || (r.whoCanMessageMe === 'rooms' && sharing.has(r.id));
      if (!allowed || blockers.has(r.id) || filter.blockedUserIds.includes(r.id)) {
        throw new AppError({
          status: HttpStatus.FORBIDDEN,
          code: ErrorCode.MessagesNotAccepted,
          message: `${r.handle} cannot receive a conversation from you.`,
          params: { handle: r.handle },
        });
      }
    }
  }

  private requestLimit(): AppError {
    const limit = this.config.conversationRequestsPerDay;
    return new AppError({
      status: HttpStatus.TOO_MANY_REQUESTS,
      code: ErrorCode.ConversationRequestLimit,
      message: `You have ${limit} conversation requests waiting for an answer from the last day. Please wait before starting more.`,
      params: { limit },
    });
  }

  /** The same start sent again: the conversation it made (a client id used in room chat is refused). */
  private async retried(user: Actor, conversationId: string): Promise<ConversationView> {
    const row = await this.conversations.one(conversationId);
    if (!row || row.started_by !== user.id) {
      throw AppError.validation('This clientId was already used for another message.', [{ field: 'clientId', problem: 'Already used.' }], ErrorReason.ClientIdReused);
    }
    return this.get(user, conversationId);
  }

  private async view(user: Actor, conversationId: string): Promise<ConversationView> {
    const row = await this.conversations.one(conversationId);
    if (!row) throw noSuchConversation();
    const summary = conversationSummary(row, user.id, await this.handlesOf([row]), 0);
    // Opening it reads it: the page moves the marker, so nothing shown here is unread.
    const { items } = await this.page(user, row, summary.standing === 'request', {});
    const receiptsWith = await this.mutualReceiptsWith(row, user.id);
    return { ...summary, items, seenUpTo: receiptsWith ? await this.messages.readMarkerOf(receiptsWith, row.id) : null };
  }

  /**
   * Read receipts exist only between two people who both turned them on: the other person
   * then, or null (a group, a request, someone gone, or either of them not opted in).
   */
  private async mutualReceiptsWith(row: ConversationRow, viewerId: string): Promise<string | null> {
    if (row.participants.length !== 2 || row.participants.some((p) => p.state !== 'active')) return null;
    const other = row.participants.find((p) => p.user_id !== viewerId)!.user_id;
    return (await this.users.allShowReadReceipts([viewerId, other])) ? other : null;
  }

  /** A request's first message, folded behind the recipient's own warning preferences (or hidden by them). */
  private async firstMessage(user: Actor, row: ConversationRow): Promise<ChatItem[]> {
    const rows = await this.messages.rows('m.room_id = $1 AND m.seq = $2', [row.id, FIRST_SEQ], 'ASC', 1);
    return teamAuthored(viewerItems(rows, await this.safety.viewerFilter(user.id)), row, user.id);
  }

  private handlesOf(rows: ConversationRow[]) {
    return this.users.handles(rows.flatMap((r) => r.participants.map((p) => p.user_id)));
  }
}
