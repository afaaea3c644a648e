import type { AuthorView } from './common.js';
import type { CrisisResource } from './crisis-resources.js';
import type { ContentWarningView } from './threads.js';

export const ReportCategory = {
  Crisis: 'crisis',
  Harassment: 'harassment',
  Hateful: 'hateful',
  Sexual: 'sexual',
  Spam: 'spam',
  MissingWarning: 'missing-warning',
  Other: 'other',
} as const;
export type ReportCategory = (typeof ReportCategory)[keyof typeof ReportCategory];

export const REPORT_CATEGORY_LABELS: Record<ReportCategory, string> = {
  crisis: 'Someone may be at risk of harming themselves',
  harassment: 'Harassment or abuse',
  hateful: 'Hateful content',
  sexual: 'Sexual content',
  spam: 'Spam',
  'missing-warning': 'Needs a content warning',
  other: 'Something else',
};

export const ReportTargetType = {
  Post: 'post',
  Thread: 'thread',
  Message: 'message',
  Member: 'member',
} as const;
export type ReportTargetType = (typeof ReportTargetType)[keyof typeof ReportTargetType];

export const REPORT_NOTE_MAX_LENGTH = 1_000;
export const MODERATION_REASON_MAX_LENGTH = 500;

/** Crisis first, then harassment and abuse, then everything else. */
export const Severity = { Crisis: 3, Harm: 2, Other: 1 } as const;
export type Severity = (typeof Severity)[keyof typeof Severity];

export const QueueItemKind = {
  Report: 'report',
  /** Raised by the crisis-language detector, never by a person. */
  Crisis: 'crisis',
  /** A pre-moderated post or thread waiting for approval. */
  HeldPost: 'held-post',
  Appeal: 'appeal',
} as const;
export type QueueItemKind = (typeof QueueItemKind)[keyof typeof QueueItemKind];

export const QueueItemStatus = {
  Open: 'open',
  Claimed: 'claimed',
  Resolved: 'resolved',
  Dismissed: 'dismissed',
} as const;
export type QueueItemStatus = (typeof QueueItemStatus)[keyof typeof QueueItemStatus];

export interface CreateReportRequest {
  targetType: ReportTargetType;
  targetId: string;
  category: ReportCategory;
  note?: string;
}

export interface MyReportView {
  id: string;
  targetType: ReportTargetType;
  category: ReportCategory;
  createdAt: string;
  status: QueueItemStatus;
  /** What happened, in English words meant for the reporter (for clients older than `outcomeCode`). */
  outcome: string | null;
  /** What happened, to render in the reporter's language; null while the report is open. */
  outcomeCode: ReportOutcome | null;
  /**
   * Where the reported item is, as far as the reporter can still see it: null for a member,
   * or once they can no longer read the room.
   */
  place: ReportPlace | null;
}

export interface ReportPlace {
  roomName: string;
  /** For a post or thread the reporter can still open; null for chat, or once it is gone for them. */
  thread: { id: string; title: string } | null;
}

export interface QueueTargetContext {
  type: ReportTargetType;
  id: string;
  roomId: string | null;
  roomName: string | null;
  threadId: string | null;
  threadTitle: string | null;
  author: AuthorView | null;
  body: string | null;
  warning: ContentWarningView | null;
  status: string | null;
  /** The surrounding conversation: a few items before and after, oldest first (never for a private conversation). */
  context: { id: string; author: AuthorView; body: string; createdAt: string }[];
  /**
   * A message in a private conversation: which conversation, named but never shown. Moderators
   * cannot read peer conversations; only this one flagged message (and, later, a reporter's snapshot).
   */
  conversationId?: string;
}

export interface QueueItemView {
  id: string;
  kind: QueueItemKind;
  severity: Severity;
  status: QueueItemStatus;
  roomId: string | null;
  target: QueueTargetContext;
  reports: { category: ReportCategory; note: string | null; reporter: AuthorView; createdAt: string }[];
  claimedBy: AuthorView | null;
  notes: { author: AuthorView; body: string; createdAt: string }[];
  /** The member's recent moderation history (actions on them or their content). */
  history: ModerationLogView[];
  createdAt: string;
  resolution: string | null;
  /**
   * Crisis and harm items start folded for each moderator, until that moderator reveals them
   * (remembered on the server for that item and moderator).
   */
  folded: boolean;
}

export const ModerationActionType = {
  Hide: 'hide',
  Remove: 'remove',
  Restore: 'restore',
  SetWarning: 'set-warning',
  Lock: 'lock',
  Unlock: 'unlock',
  Pin: 'pin',
  Unpin: 'unpin',
  Move: 'move',
  Warn: 'warn',
  Mute: 'mute',
  Suspend: 'suspend',
  Ban: 'ban',
  Lift: 'lift',
  Approve: 'approve',
  Reject: 'reject',
} as const;
export type ModerationActionType = (typeof ModerationActionType)[keyof typeof ModerationActionType];

export interface ModerationActionRequest {
  action: ModerationActionType;
  /** Required for every action: a canned reason or free text. */
  reason: string;
  /** The queue item this action resolves, if any. */
  queueItemId?: string;
  /** For mute/suspend (minutes) and pin (optional expiry, minutes). */
  durationMinutes?: number;
  /** For move. */
  toRoomId?: string;
  /** For set-warning. */
  warning?: { categories: string[]; note?: string };
  /** For lift: the sanction to lift. */
  sanctionId?: string;
  /** Shown to the reporters when this resolves their report. */
  outcomeForReporters?: string;
}

export interface ModerationLogView {
  id: string;
  createdAt: string;
  actor: AuthorView;
  roomId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  subject: AuthorView | null;
  reason: string;
  /** A sanction on the member or their content, which they may ask a second moderator to review. */
  appealable: boolean;
}

/**
 * Moderator actions against a member or their content: the only decisions a member can
 * appeal. Approvals, restorations, lifted restrictions, pins, join-request decisions and
 * role changes are not sanctions, so there is nothing to appeal. Adding a content warning is
 * an edit that protects readers, not a decision about the author, and crisis care is care.
 */
export const APPEALABLE_LOG_ACTIONS: readonly string[] = [
  'post.hide',
  'post.remove',
  'post.reject',
  'thread.hide',
  'thread.remove',
  'thread.lock',
  'thread.move',
  'thread.reject',
  'message.remove',
  'member.warn',
  'member.mute',
  'member.suspend',
  'member.ban',
];

export const isAppealableAction = (action: string): boolean => APPEALABLE_LOG_ACTIONS.includes(action);

export const NotificationKind = {
  /** A sanction on the member or their content; appealable from the notice. */
  ModerationAction: 'moderation-action',
  /** A moderator undid or eased something (restored a post, lifted a restriction): nothing to appeal. */
  ModerationUpdate: 'moderation-update',
  HeldPostDecision: 'held-post-decision',
  ReportOutcome: 'report-outcome',
  AppealOutcome: 'appeal-outcome',
  /** The member may now take part in the room the notice names. */
  JoinRequestApproved: 'join-request-approved',
  JoinRequestDeclined: 'join-request-declined',
  /** Someone signed in from a kind of device this account has not used (see the safety check). */
  NewDeviceSignIn: 'new-device',
  /** A moderator added a content warning to the member's words: an edit, not a sanction. */
  WarningAdded: 'warning-added',
  /** A private check-in from the moderation team; the member can answer it (link: the check-in). */
  CareCheckIn: 'care-check-in',
  /** For the moderator who checked in: the member answered. */
  CareReply: 'care-reply',
  /** For a moderator: a crisis item was handed over to them. */
  CareHandOver: 'care-hand-over',
  /** New replies in a thread the member follows; one unread notice per thread, its count grows. */
  Reply: 'reply',
  /** New threads in a room the member follows; one unread notice per room, its count grows. */
  RoomThread: 'room-thread',
  /** Someone wrote the member's @handle in a post or a room chat message (link: where). */
  Mention: 'mention',
  /** A support session the member RSVPed to starts soon (link: the room's sessions). */
  SessionReminder: 'session-reminder',
  /** A support session the member RSVPed to was cancelled by its facilitator. */
  SessionCancelled: 'session-cancelled',
} as const;
export type NotificationKind = (typeof NotificationKind)[keyof typeof NotificationKind];

/**
 * What a notice says, as a code and parameters the app renders in the member's language.
 * Words a moderator wrote (a reason, a note to reporters) travel as parameters, as written.
 */
export type NoticeContent =
  /** A sanction (appealable) or an edit, undo or easing (not): `action` on the member's `target`. */
  | { code: 'moderation.action'; params: { action: ModerationActionType; target: ReportTargetType; reason: string } }
  | { code: 'moderation.update'; params: { action: ModerationActionType; target: ReportTargetType; reason: string } }
  | { code: 'held-post.approved'; params: Record<string, never> }
  | { code: 'report.outcome'; params: ReportOutcome }
  | { code: 'appeal.outcome'; params: { decision: 'kept' | 'changed'; resolution: string } }
  | { code: 'join-request.approved'; params: { roomName: string; roomSlug: string } }
  | { code: 'join-request.declined'; params: { roomName: string } }
  /** `device` is the coarse label sessions use (browser and system family). */
  | { code: 'sign-in.new-device'; params: { device: string } }
  /** Crisis care (never a sanction): the team's own words travel as written. */
  | { code: 'care.check-in'; params: { message: string } }
  | { code: 'care.reply'; params: Record<string, never> }
  | { code: 'care.hand-over'; params: Record<string, never> }
  /** A content warning was added: an edit that lets readers choose, not a decision about the author. */
  | { code: 'warning.added'; params: { categories: string[]; reason: string } }
  /** `count` new replies in a followed thread since the member last read this notice or the thread. */
  | { code: 'reply.new'; params: { threadTitle: string; count: number } }
  /** `count` new threads in a followed room since the member last read this notice. */
  | { code: 'room-thread.new'; params: { roomName: string; count: number } }
  /** `authorHandle` wrote the member's @handle in a post of the thread `threadTitle`. */
  | { code: 'mention.post'; params: { threadTitle: string; authorHandle: string } }
  /** `authorHandle` wrote the member's @handle in the live chat of the room `roomName`. */
  | { code: 'mention.chat'; params: { roomName: string; authorHandle: string } }
  /** A support session the member RSVPed to starts at `startsAt` (ISO; the app shows it in the member's zone). */
  | { code: 'session.reminder'; params: { title: string; startsAt: string } }
  /** A support session the member had a place in was cancelled. */
  | { code: 'session.cancelled'; params: { title: string } }
  /** Notices written before codes existed: only their English words are known. */
  | { code: 'legacy'; params: { title: string; body: string } };
export type NoticeCode = NoticeContent['code'];

/** What a reporter is told: a standard outcome, or the moderator's own words. */
export type ReportOutcome = { outcome: 'no-action' } | { outcome: 'actioned' } | { outcome: 'message'; message: string };

export type NotificationView = NoticeContent & {
  id: string;
  kind: NotificationKind;
  /** English, for clients older than `code` and `params`. */
  title: string;
  /** English, for clients older than `code` and `params`. */
  body: string;
  link: string | null;
  createdAt: string;
  read: boolean;
  /** For moderation notices: how to ask for a second look. */
  appealable: boolean;
  logEntryId: string | null;
};

export interface AppealRequest {
  logEntryId: string;
  message: string;
}

export interface CrisisSupportView {
  resources: CrisisResource[];
}
