import { MODERATION_TEAM_HANDLE, type AuthorView } from './common.js';
import type { ChatChanges, ChatItem, ChatMessageView } from './chat.js';
import type { CrisisResource } from './crisis-resources.js';
import type { ContentWarningInput, ReactionKind } from './threads.js';

/** Everyone in a conversation, the starter included. */
export const CONVERSATION_MIN_PARTICIPANTS = 2;
export const CONVERSATION_MAX_PARTICIPANTS = 8;
/** The default for CONVERSATION_REQUESTS_PER_DAY: open requests one member may send in 24 hours. */
export const CONVERSATION_REQUESTS_PER_DAY_DEFAULT = 5;
export const CONVERSATION_PAGE_MAX = 100;

export const ConversationKind = {
  /** Between members: starts as a request each recipient accepts or declines. */
  Peer: 'peer',
  /** Opened by a moderator or admin, labelled "from the moderation team". */
  CheckIn: 'check-in',
} as const;
export type ConversationKind = (typeof ConversationKind)[keyof typeof ConversationKind];

/** Who may start a conversation with a member. */
export const WHO_CAN_MESSAGE_ME = ['nobody', 'rooms', 'anyone'] as const;
export type WhoCanMessageMe = (typeof WHO_CAN_MESSAGE_ME)[number];
export const WHO_CAN_MESSAGE_ME_DEFAULT: WhoCanMessageMe = 'rooms';

/**
 * Where the viewer stands: `request` waits for their answer; `pending` is a conversation they
 * started that nobody has accepted yet (a declined request stays `pending` for the sender,
 * forever); `active` once they and at least one other person are in.
 */
export type ConversationStanding = 'request' | 'pending' | 'active';

/**
 * A participant as others see them. `joined: false` until they accept (declining looks the same);
 * leaving is never shown, so a blocked person cannot tell they were blocked.
 */
export interface ConversationParticipantView {
  /** null for a moderator who writes as the moderation team. */
  member: AuthorView | null;
  joined: boolean;
  /** Writes as the moderation team (check-ins); shown with the team's name. */
  team: boolean;
}

/**
 * Stands in for a moderator who writes a check-in as the moderation team: messages they write
 * carry this author (and `team: true`), so their name never reaches the member. The app shows
 * the team's name in the member's language.
 */
export const MODERATION_TEAM_AUTHOR: AuthorView = { id: '00000000-0000-0000-0000-000000000000', handle: MODERATION_TEAM_HANDLE };

export interface ConversationSummary {
  id: string;
  kind: ConversationKind;
  /** A check-in the moderation team opened. */
  fromTeam: boolean;
  standing: ConversationStanding;
  /** Who started it (null when a moderator started it as the team). */
  startedBy: AuthorView | null;
  /** Everyone else, as the viewer may see them. */
  others: ConversationParticipantView[];
  muted: boolean;
  /**
   * Messages the viewer has not read yet (capped at UNREAD_COUNT_CAP): never their own, never
   * one they could not see (a blocked author, a category they hide); a request counts only its
   * first message.
   */
  unread: number;
  createdAt: string;
  lastActivityAt: string;
}

/** One conversation, with the messages the viewer may see: a request shows only its first message. */
export interface ConversationView extends ConversationSummary {
  items: ChatItem[];
  /**
   * Read receipts: in a conversation of two, how far the other person has read (a message
   * `seq`), only when both of them turned read receipts on; otherwise always null.
   */
  seenUpTo: number | null;
  /** Only in the answer to starting one whose first message reads like a crisis: resources for the author, privately. */
  support?: CrisisResource[];
}

/** Requests wait apart from conversations, so nothing unasked-for sits among them. */
export interface ConversationInbox {
  requests: ConversationSummary[];
  conversations: ConversationSummary[];
  /** Unread across requests and conversations, muted ones left out: the header's badge. */
  unreadTotal: number;
}

export interface CreateConversationRequest {
  /** The other participants (1–7), by member id. */
  participantIds: string[];
  /** The first message, shown to recipients folded behind their warning preferences. */
  body: string;
  /** An id the client chose, so a retry does not send twice. */
  clientId: string;
  warning?: ContentWarningInput;
  /** Moderators and admins: open a check-in instead of a peer conversation. */
  kind?: ConversationKind;
  /** Check-ins: show the moderation team's name rather than the moderator's. */
  asTeam?: boolean;
}

export interface MuteConversationRequest {
  muted: boolean;
}

export interface ConversationMessagesPage {
  items: ChatItem[];
  /** Pass as `before` for the next older page; null at the beginning. */
  nextBefore: number | null;
}

/** Supportive reactions on one message, as this viewer sees them (reactions of people they blocked are left out). */
export interface MessageReactionsView {
  messageId: string;
  counts: Partial<Record<ReactionKind, number>>;
  mine: ReactionKind[];
}

/** `GET /api/conversations/:id/reactions`: every message in it that has a reaction the viewer may see. */
export interface ConversationReactionsView {
  messages: MessageReactionsView[];
}

/**
 * Socket events (client → server) on the `/chat` namespace for private conversations. Messages
 * then arrive as room chat's do (`message:new`, `message:hidden`, `typing`), with the
 * conversation's id as `roomId`: one message pipeline for rooms and conversations.
 */
export const ConversationClientEvent = {
  /** Start hearing a conversation one is in (not a request): the latest messages, or the replay after `lastMessageId`. */
  Join: 'conversation:join',
  /** Stop hearing it live (the conversation itself is left over REST). */
  Leave: 'conversation:leave',
  Send: 'conversation:send',
  /** Change one's own message (arrives as `message:edited`). */
  Edit: 'conversation:edit',
  /** Delete one's own message (arrives as `message:removed`). */
  Delete: 'conversation:delete',
  Typing: 'conversation:typing',
  /** Everything up to this message has been read (read markers only move forward). */
  Read: 'conversation:read',
} as const;
export type ConversationClientEvent = (typeof ConversationClientEvent)[keyof typeof ConversationClientEvent];

/** Server → client: something in one's inbox changed (a request arrived or was accepted, a new message, unread counts moved). */
export const ConversationServerEvent = {
  /** Fetch the inbox again; carries no content, so nothing private travels beyond the id. */
  Changed: 'conversation:changed',
  /** To those hearing a conversation: reactions on one of its messages changed; fetch them again (no content travels). */
  Reacted: 'conversation:reacted',
} as const;

export interface ConversationReactedView {
  conversationId: string;
  messageId: string;
}

export interface ConversationChangedView {
  conversationId: string;
}

export interface ConversationRefPayload {
  conversationId: string;
}

export interface JoinConversationPayload extends ConversationRefPayload {
  /** The last message the client has: the answer replays everything after it. */
  lastMessageId?: string;
  /** The last change number the client saw: edits and removals since then come too. */
  sinceChange?: number;
}

export interface JoinConversationResult {
  messages: ChatItem[];
  /** More than one replay holds: fetch the latest page instead. */
  truncated: boolean;
  hasMore: boolean;
  lastChange: number;
  changes: ChatChanges;
}

export interface SendConversationMessagePayload extends ConversationRefPayload {
  clientId: string;
  body: string;
  warning?: ContentWarningInput;
}

export interface SendConversationMessageResult {
  message: ChatMessageView;
  support?: CrisisResource[];
}

export interface ConversationMessageRefPayload extends ConversationRefPayload {
  messageId: string;
}

export interface EditConversationMessagePayload extends ConversationMessageRefPayload {
  body: string;
  warning?: ContentWarningInput;
}

export interface ConversationTypingPayload extends ConversationRefPayload {
  typing: boolean;
}
