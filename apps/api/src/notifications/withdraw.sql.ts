import { NotificationKind } from '@kindred/contracts';

/**
 * Reply and mention notices pointing at a thread ($1: `/threads/<id>`), mentions in any of its
 * posts included, through IDX_notifications_thread_link (a link holds no `%` or `_` of its own).
 */
export const WITHDRAW_THREAD_NOTICES_SQL = `DELETE FROM notifications
  WHERE kind IN ('${NotificationKind.Reply}', '${NotificationKind.Mention}') AND (link = $1 OR link LIKE $1 || '#post-%')`;

/** Mention notices pointing at one post ($1: its thread's link, $2: the post's id). */
export const WITHDRAW_POST_MENTIONS_SQL = `DELETE FROM notifications WHERE kind = '${NotificationKind.Mention}' AND link = $1 || '#post-' || $2`;
