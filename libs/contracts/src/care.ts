/**
 * Crisis care: how moderators answer a person in crisis. None of this is a moderation
 * decision: nothing here is appealable, counted in a member's history, or a sanction.
 */

export const CARE_MESSAGE_MAX_LENGTH = 2_000;
export const CARE_NOTE_MAX_LENGTH = 2_000;
export const CARE_TEMPLATE_TITLE_MAX_LENGTH = 80;

/** What the moderation log records for a care response: the kind only, never the words. */
export const CareAction = {
  CheckIn: 'care.check-in',
  Supported: 'care.supported',
  HandOver: 'care.hand-over',
  NotACrisis: 'care.not-a-crisis',
} as const;
export type CareAction = (typeof CareAction)[keyof typeof CareAction];

/**
 * Open crisis items in the moderator's scope. The Moderation link counts these and keeps the
 * count live from \`queue:updated\` (sent to the room's moderators and global moderators).
 */
export interface CrisisItemsView {
  open: string[];
}

/** A ready-made check-in message, kept and edited by admins. */
export interface CareTemplateView {
  id: string;
  title: string;
  body: string;
  updatedAt: string;
}

export interface CareTemplateRequest {
  title: string;
  body: string;
}

/** Check in privately: a template, or words of the moderator's own (exactly one). */
export interface CheckInRequest {
  templateId?: string;
  body?: string;
}

export interface MarkSupportedRequest {
  /** Private to moderators. */
  note: string;
}

export interface HandOverRequest {
  /** Another moderator of the item's room, or a global moderator or admin. */
  toUserId: string;
  note?: string;
}

export interface NotACrisisRequest {
  note?: string;
}

export interface CheckInMessageView {
  id: string;
  /** True for words from the moderation team; false for the member's answers. */
  fromTeam: boolean;
  body: string;
  createdAt: string;
}

/**
 * A private check-in thread between the moderation team and one member. The member sees
 * "the moderation team", never which moderator wrote; a later private-conversations feature
 * can take these threads over.
 */
export interface CheckInView {
  id: string;
  createdAt: string;
  messages: CheckInMessageView[];
}

export interface CheckInReplyRequest {
  body: string;
}

/** After this much queue work in one sitting, the dashboard suggests a break. */
export const BREAK_AFTER_MINUTES = 45;
export const BREAK_AFTER_ITEMS = 20;

/**
 * A moderator's own wellbeing figures, shown to them alone: what they handled in the last
 * 7 days by severity, and the current sitting of queue work (work with no gap longer than
 * 20 minutes) with whether a break is due.
 */
export interface ModeratorWellbeingView {
  exposure: { days: number; crisis: number; harm: number; other: number };
  sitting: { startedAt: string | null; minutes: number; itemsHandled: number };
  suggestBreak: boolean;
}

/**
 * The learning loop of the crisis detector: moderators label what members really wrote (a crisis
 * the detector missed, or a crisis item that was not one); admins review the labels; the accepted
 * ones measure the detector and can be exported as test fixtures.
 */
export const CrisisLabel = { Crisis: 'crisis', NotACrisis: 'not-a-crisis' } as const;
export type CrisisLabel = (typeof CrisisLabel)[keyof typeof CrisisLabel];

/** What a label can be put on: content and reports (a missed crisis), or a crisis queue item (not a crisis). */
export const CrisisLabelSource = { Post: 'post', Thread: 'thread', Message: 'message', Report: 'report', QueueItem: 'queue-item' } as const;
export type CrisisLabelSource = (typeof CrisisLabelSource)[keyof typeof CrisisLabelSource];

export const CrisisLabelStatus = { Pending: 'pending', Accepted: 'accepted', Rejected: 'rejected' } as const;
export type CrisisLabelStatus = (typeof CrisisLabelStatus)[keyof typeof CrisisLabelStatus];

export const CRISIS_LABEL_NOTE_MAX_LENGTH = 500;

export interface CrisisLabelRequest {
  sourceType: CrisisLabelSource;
  sourceId: string;
  label: CrisisLabel;
  /** Why, for the reviewing admin. */
  note?: string;
}

/** A labelled text, as admins review it (moderators only ever see the figures). */
export interface CrisisLabelView {
  id: string;
  /** Where the words were written: a post, thread or chat message (a report or crisis item stands for its words). */
  sourceType: CrisisLabelSource;
  label: CrisisLabel;
  status: CrisisLabelStatus;
  /** The words as they were when labelled. */
  text: string;
  note: string | null;
  /** Whether the detector, as it is now, calls this a crisis. */
  detectedNow: boolean;
  markedBy: { id: string; handle: string } | null;
  createdAt: string;
  reviewedAt: string | null;
}

export interface CrisisLabelReviewRequest {
  status: Exclude<CrisisLabelStatus, 'pending'>;
}

/** The detector measured on the accepted labels (null when there is nothing to divide by). */
export interface CrisisLabelMetricsView {
  accepted: number;
  crises: number;
  pending: number;
  recall: number | null;
  precision: number | null;
}

/** One exported item, in the shape of tests/fixtures/crisis-labelled.ts. */
export interface LabelledTextExport {
  text: string;
  crisis: boolean;
  note?: string;
}
