// Shapes used by several features (threads, chat, moderation), kept apart so those files do
// not import one another.

/** A member as others see them: never more than id and handle. */
export interface AuthorView {
  id: string;
  handle: string;
}

/*
 * Placeholder authors. The API keeps sending them as `handle` strings (older clients keep
 * working, and a deleted account's row already stores this handle), but they are codes, not
 * words: no real handle can equal them (handles allow only letters, digits, _ and -, never a
 * space), so a client recognises them with `authorPlaceholder` and shows its own wording.
 */

/** Handle of a deleted account: its content stays for context, credited to no one. */
export const FORMER_MEMBER_HANDLE = 'former member';
/** Actor of a moderation-log entry when the moderator is not revealed to the reader. */
export const UNNAMED_MODERATOR_HANDLE = 'a moderator';
/** Id sent with a placeholder that stands for no particular account. */
export const PLACEHOLDER_AUTHOR_ID = '00000000-0000-0000-0000-000000000000';

/** Author of what a moderator wrote as the moderation team (check-ins): no person is named. */
export const MODERATION_TEAM_HANDLE = 'moderation team';

export type AuthorPlaceholder = 'former-member' | 'moderator' | 'team';

/** Which placeholder this author is, or null for a real member. */
export function authorPlaceholder(author: Pick<AuthorView, 'handle'>): AuthorPlaceholder | null {
  if (author.handle === FORMER_MEMBER_HANDLE) return 'former-member';
  if (author.handle === UNNAMED_MODERATOR_HANDLE) return 'moderator';
  if (author.handle === MODERATION_TEAM_HANDLE) return 'team';
  return null;
}
