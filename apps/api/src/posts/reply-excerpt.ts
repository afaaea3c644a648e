import { FORMER_MEMBER_HANDLE, PLACEHOLDER_AUTHOR_ID, PostStatus, REPLY_EXCERPT_MAX_LENGTH, WarningPreference, type ReplyToView } from '@kindred/contracts';
import { plainExcerpt } from '../common/sanitize/markdown.js';
import type { ViewerFilter } from '../safety/viewer-filter.js';
import type { ReplyTargetRow } from './post-row.js';

/**
 * The answered post as this reader may meet it, decided like the thread page decides: anything
 * they would not see there (gone, held, a topic they hide, a blocked author, their `hide`
 * filter) is `unavailable` with nothing of it, not even the author; a fold they chose (`warn`)
 * keeps the words folded, so the excerpt shows only who wrote it.
 */
export function replyExcerpt(postId: string, target: ReplyTargetRow | undefined, filter: ViewerFilter): ReplyToView {
  if (!target || target.status !== PostStatus.Published) return { state: 'unavailable', postId };
  const seen = filter.seen(target.content_warnings, target.auto_warnings, target.author_id);
  const words = filter.filtered(target.author_id, target.body, target.warning_note);
  if (filter.hides(seen, target.author_id) || words?.hide) return { state: 'unavailable', postId };
  const author = target.author_handle === null ? { id: PLACEHOLDER_AUTHOR_ID, handle: FORMER_MEMBER_HANDLE } : { id: target.author_id, handle: target.author_handle };
  if (words || filter.presentation(seen, target.author_id) === WarningPreference.Warn) return { state: 'folded', postId, author };
  return { state: 'shown', postId, author, excerpt: plainExcerpt(target.body, REPLY_EXCERPT_MAX_LENGTH) };
}
