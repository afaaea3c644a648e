import { NotificationKind } from './moderation.js';

/** The kinds of notice a member may switch off, each covering one or more notification kinds. */
export const NOTICE_SETTING_KEYS = ['replies', 'mentions', 'roomThreads', 'moderation', 'care', 'sessions'] as const;
export type NoticeSettingKey = (typeof NOTICE_SETTING_KEYS)[number];

/** A member's notification choices (in-app only; Kindred sends no email or push). */
export interface NotificationSettings extends Record<NoticeSettingKey, boolean> {
  /** Follow a thread on starting it or replying to it (a follow brings reply notices). */
  autoFollow: boolean;
}

export type UpdateNotificationSettingsRequest = Partial<NotificationSettings>;

export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = {
  autoFollow: true,
  replies: true,
  mentions: true,
  roomThreads: true,
  moderation: true,
  care: true,
  sessions: true,
};

/**
 * Which setting switches each kind of notice; `null` = always delivered. Those stay on because a
 * member needs them whatever they chose: a sanction comes with its appeal (switching it off
 * would hide the way to contest it), a sign-in from a new device may be someone who knows their
 * password, and a moderator's hand-over or a member's answer to a check-in is care work they took
 * on. Keyed by string so a kind added later (`mention`) is covered here, before it is in the enum.
 */
export const NOTICE_SETTING_OF: Readonly<Record<NotificationKind | 'mention', NoticeSettingKey | null>> = {
  [NotificationKind.Reply]: 'replies',
  mention: 'mentions',
  [NotificationKind.RoomThread]: 'roomThreads',
  [NotificationKind.ModerationUpdate]: 'moderation',
  [NotificationKind.HeldPostDecision]: 'moderation',
  [NotificationKind.ReportOutcome]: 'moderation',
  [NotificationKind.AppealOutcome]: 'moderation',
  [NotificationKind.JoinRequestApproved]: 'moderation',
  [NotificationKind.JoinRequestDeclined]: 'moderation',
  [NotificationKind.WarningAdded]: 'moderation',
  [NotificationKind.CareCheckIn]: 'care',
  [NotificationKind.SessionReminder]: 'sessions',
  [NotificationKind.SessionCancelled]: 'sessions',
  [NotificationKind.ModerationAction]: null,
  [NotificationKind.NewDeviceSignIn]: null,
  [NotificationKind.CareReply]: null,
  [NotificationKind.CareHandOver]: null,
};

/** The setting that switches `kind`, or null when it is always delivered (an unknown kind too: safe side is to tell). */
export const noticeSettingOf = (kind: string): NoticeSettingKey | null => (NOTICE_SETTING_OF as Record<string, NoticeSettingKey | null>)[kind] ?? null;
