import { sortKeySql } from '../common/pagination/sort-key.js';
import { hiddenByFilterSql, hiddenByWarningSql, readerTextSql } from '../safety/viewer-filter.js';
import { threadUnreadColumnsSql, threadUnreadJoinsSql } from './unread.sql.js';

/**
 * The room's thread list, as SQL the query-plan test can explain. Parameters: $1 room, $2 the
 * `asOf` snapshot, $3 staff?, $4 viewer, $5 hidden categories, $6 blocked authors, $7 the
 * viewer's `hide` filters as one pattern (or null); keyset bounds follow from $8 in the order given.
 *
 * Ordering is pinned first, then activity as of the snapshot, then id. Sorting every thread
 * of the room by that costs ~2 ms per 1,000 threads (docs/soak.md), so each query first draws
 * a bounded set of candidates that provably holds the answer:
 * - threads that are pinned (a pin may have ended) or were active after the snapshot: their
 *   place is not their `last_activity_at`, but there are few of them;
 * - every other thread is placed by `last_activity_at` itself, so the top of them by
 *   `IDX_threads_room_listing` (read backwards from the keyset bound, filtered as the list
 *   filters) is enough: at most `limit + 1` for a page.
 * The outer query then applies the full rules to the candidates, unchanged.
 */

/** A keyset bound of the list: the page is after `upper`, the hidden count before `lower`. */
export interface ThreadListBounds {
  /** The position the page continues after (`$n` indexes of pinned, activity, id). */
  upper?: number;
  /** The lower end of a hidden count's range (same shape), when the page was full. */
  lower?: number;
}

const VISIBLE = `(t.status = 'published' OR ($3 AND t.status IN ('pending', 'hidden')) OR (t.status = 'pending' AND t.author_id = $4))`;
const HIDDEN_FOR_VIEWER = `(${hiddenByWarningSql('t', '$5', '$4')} OR t.author_id = ANY($6::uuid[]) OR ${hiddenByFilterSql(readerTextSql('t', 'title'), 't.author_id', '$7', '$4')})`;

const key = (n: number) => `($${n}::boolean, $${n + 1}::timestamptz, $${n + 2}::uuid)`;

/**
 * Unpinned threads placed by `last_activity_at`, inside the bounds. A bound on a pinned
 * position: every unpinned thread is after it (upper), or none is before it (lower).
 */
function placedByActivity(bounds: ThreadListBounds, hidden: boolean, limit: number | null): string {
  const conditions = [`t.room_id = $1`, `t.pinned = false`, `t.last_activity_at <= $2::timestamptz`, VISIBLE, hidden ? HIDDEN_FOR_VIEWER : `NOT ${HIDDEN_FOR_VIEWER}`];
  if (bounds.upper !== undefined) conditions.push(`(NOT $${bounds.upper}::boolean AND (t.last_activity_at, t.id) < ($${bounds.upper + 1}::timestamptz, $${bounds.upper + 2}::uuid) OR $${bounds.upper}::boolean)`);
  if (bounds.lower !== undefined) conditions.push(`NOT $${bounds.lower}::boolean AND (t.last_activity_at, t.id) > ($${bounds.lower + 1}::timestamptz, $${bounds.lower + 2}::uuid)`);
  return `SELECT t.* FROM threads t WHERE ${conditions.join(' AND ')} ORDER BY t.last_activity_at DESC, t.id DESC${limit === null ? '' : ` LIMIT ${limit}`}`;
}

function listed(bounds: ThreadListBounds, hidden: boolean, limit: number | null): string {
  return `
    WITH candidates AS (
      -- Each part reads IDX_threads_room_listing (room, pinned, activity): no scan of the room.
      SELECT t.* FROM threads t WHERE t.room_id = $1 AND t.pinned = true
      UNION ALL
      SELECT t.* FROM threads t WHERE t.room_id = $1 AND t.pinned = false AND t.last_activity_at > $2::timestamptz
      UNION ALL
      (${placedByActivity(bounds, hidden, limit)})
    ), listed AS (
      SELECT t.*,
        -- A pin with an end date stops counting once it has passed.
        (t.pinned AND (t.pinned_until IS NULL OR t.pinned_until > $2::timestamptz)) AS pinned_now,
        CASE WHEN t.last_activity_at <= $2::timestamptz THEN t.last_activity_at
             ELSE coalesce((SELECT max(p.created_at) FROM posts p
                            WHERE p.thread_id = t.id AND p.status = 'published' AND p.created_at <= $2::timestamptz), t.created_at)
        END AS activity,
        ${HIDDEN_FOR_VIEWER} AS hidden_for_viewer
      FROM candidates t
      WHERE t.created_at <= $2::timestamptz AND ${VISIBLE}
    )`;
}

/** One page (one row more than `limit` says whether there is more), after the keyset at $8 when `after`. */
export function threadListPageSql(after: boolean, limit: number): string {
  const bounds = after ? { upper: 8 } : {};
  return `${listed(bounds, false, limit + 1)}
    SELECT l.id, l.room_id, l.author_id, u.handle AS author_handle, l.title, l.content_warnings, l.auto_warnings, l.warning_note, l.status,
           l.pinned_now AS pinned, l.locked, l.post_count, l.created_at, l.last_activity_at, ${sortKeySql('l.activity')} AS activity_key,
           CASE WHEN cardinality($5::text[]) + cardinality($6::uuid[]) = 0 AND $7::text IS NULL THEN 0 ELSE
             (SELECT count(*)::int FROM posts p WHERE p.thread_id = l.id AND p.status = 'published'
                AND (${hiddenByWarningSql('p', '$5', '$4')} OR p.author_id = ANY($6::uuid[]) OR ${hiddenByFilterSql(readerTextSql('p', 'body'), 'p.author_id', '$7', '$4')})) END AS hidden_posts,
           EXISTS (SELECT 1 FROM thread_mutes m WHERE m.thread_id = l.id AND m.user_id = $4) AS muted,
           EXISTS (SELECT 1 FROM thread_follows f WHERE f.thread_id = l.id AND f.user_id = $4) AS followed,
           ${threadUnreadColumnsSql('l', '$5', '$6', '$4', '$7')}
    FROM listed l LEFT JOIN users u ON u.id = l.author_id
    ${threadUnreadJoinsSql('l', '$1', '$4')}
    WHERE NOT l.hidden_for_viewer ${after ? `AND (l.pinned_now, l.activity, l.id) < ${key(8)}` : ''}
    ORDER BY l.pinned_now DESC, l.activity DESC, l.id DESC
    LIMIT ${limit + 1}`;
}

/** How many threads the viewer's settings left out between the page's bounds. */
export function threadListHiddenCountSql(bounds: ThreadListBounds): string {
  const conditions = ['l.hidden_for_viewer'];
  if (bounds.upper !== undefined) conditions.push(`(l.pinned_now, l.activity, l.id) < ${key(bounds.upper)}`);
  if (bounds.lower !== undefined) conditions.push(`(l.pinned_now, l.activity, l.id) > ${key(bounds.lower)}`);
  return `${listed(bounds, true, null)} SELECT count(*)::int AS n FROM listed l WHERE ${conditions.join(' AND ')}`;
}
