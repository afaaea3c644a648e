import { ROOM_UNREAD_COUNT_CAP, UNREAD_COUNT_CAP } from '@kindred/contracts';
import { hiddenByFilterSql, hiddenByWarningSql, readerTextSql } from '../safety/viewer-filter.js';

/**
 * Unread and new, as SQL shared by the thread list, the thread summary and the room
 * directory, so every count filters exactly as the thread page does: published posts only
 * (removed, hidden and held ones never count), none the viewer hides by category or by one of
 * their own filters or wrote by someone they blocked, none of their own, nothing in a thread they
 * hide or muted. `patternParam` is the viewer's `hide` filters as one pattern (or null).
 *
 * - A thread with a read marker is followed by position: posts after the marker are unread.
 * - A thread without one was never opened: it is new when it was started after the member's
 *   baseline in the room (joining, or their last "mark room read"). Only members have a
 *   baseline, so a room's counts never exist for someone outside it.
 * - "Mark room read" is one row: posts and threads up to its time count as read.
 */

/** A post the viewer sees on the thread page (`p`: posts; hidden categories, blocked authors, viewer, filters). */
export const postCountsSql = (hiddenParam: string, blockedParam: string, viewerParam: string, patternParam: string) =>
  `p.status = 'published' AND p.author_id IS DISTINCT FROM ${viewerParam}::uuid
   AND NOT ${hiddenByWarningSql('p', hiddenParam, viewerParam)} AND NOT (p.author_id = ANY(${blockedParam}::uuid[]))
   AND NOT ${hiddenByFilterSql(readerTextSql('p', 'body'), 'p.author_id', patternParam, viewerParam)}`;

/**
 * The member's baseline in one room as a lateral row `alias`: `since` (new threads start
 * after it) and `room_read_at` (posts up to it are read). No row: not a member.
 */
export const baselineSql = (alias: string, roomParam: string, viewerParam: string) =>
  `LEFT JOIN LATERAL (
     SELECT greatest(m.joined_at, rr.read_at) AS since, rr.read_at AS room_read_at
     FROM room_memberships m LEFT JOIN room_read_markers rr ON rr.user_id = m.user_id AND rr.room_id = m.room_id
     WHERE m.room_id = ${roomParam} AND m.user_id = ${viewerParam}::uuid
   ) ${alias} ON true`;

/**
 * Per-thread columns `is_new` and `unread_posts` for thread `t` (its row already visible to
 * the viewer), given the joins `rm` (its read marker, `LEFT JOIN thread_read_markers rm …`)
 * and `b` (baseline). A thread quiet since the marker costs no count.
 */
export const threadUnreadColumnsSql = (t: string, hiddenParam: string, blockedParam: string, viewerParam: string, patternParam: string) =>
  `coalesce(rm.user_id IS NULL AND b.since IS NOT NULL AND ${t}.created_at > b.since AND ${t}.author_id IS DISTINCT FROM ${viewerParam}::uuid, false) AS is_new,
   CASE WHEN rm.user_id IS NULL OR ${t}.last_activity_at <= greatest(rm.read_at, b.room_read_at) THEN 0 ELSE
     (SELECT count(*)::int FROM (SELECT 1 FROM posts p WHERE p.thread_id = ${t}.id
        AND (p.created_at, p.id) > (rm.read_at, rm.read_post_id) AND (b.room_read_at IS NULL OR p.created_at > b.room_read_at)
        AND ${postCountsSql(hiddenParam, blockedParam, viewerParam, patternParam)} LIMIT ${UNREAD_COUNT_CAP}) capped) END AS unread_posts`;

/** The joins `threadUnreadColumnsSql` needs, for thread `t` in room `roomParam`. */
export const threadUnreadJoinsSql = (t: string, roomParam: string, viewerParam: string) =>
  `LEFT JOIN thread_read_markers rm ON rm.thread_id = ${t}.id AND rm.user_id = ${viewerParam}::uuid
   ${baselineSql('b', roomParam, viewerParam)}`;

/** A thread that counts for the viewer at all: published, not hidden by their settings, not muted. */
const countedThreadSql = (t: string, hiddenParam: string, blockedParam: string, viewerParam: string, patternParam: string) =>
  `${t}.status = 'published' AND NOT ${hiddenByWarningSql(t, hiddenParam, viewerParam)} AND NOT (${t}.author_id = ANY(${blockedParam}::uuid[]))
   AND NOT ${hiddenByFilterSql(readerTextSql(t, 'title'), `${t}.author_id`, patternParam, viewerParam)}
   AND NOT EXISTS (SELECT 1 FROM thread_mutes mu WHERE mu.thread_id = ${t}.id AND mu.user_id = ${viewerParam}::uuid)`;

/**
 * New threads and unread posts in each room the viewer belongs to, each counted up to
 * ROOM_UNREAD_COUNT_CAP. Parameters: $1 viewer, $2 hidden categories, $3 blocked authors, $4 the
 * viewer's `hide` filters as one pattern (or null). New
 * threads read `IDX_threads_room_created` from the baseline on; unread posts start from the
 * member's markers in the room that may have posts after them (`IDX_thread_read_markers_behind`:
 * a marker with nothing after it costs nothing, so the walk follows what is unread, not how
 * much of the room the member ever opened), and count through `IDX_posts_thread_page` after
 * each marker, stopping at the cap. (The new-thread walk still steps over the threads the member
 * opened or started since their baseline; "mark room read" moves the baseline.)
 */
export const ROOM_UNREAD_COUNTS_SQL = `
  WITH mine AS (
    SELECT m.room_id, greatest(m.joined_at, rr.read_at) AS since, rr.read_at AS room_read_at
    FROM room_memberships m LEFT JOIN room_read_markers rr ON rr.user_id = m.user_id AND rr.room_id = m.room_id
    WHERE m.user_id = $1
  )
  SELECT mine.room_id,
    (SELECT count(*)::int FROM (
       SELECT 1 FROM threads t
       WHERE t.room_id = mine.room_id AND t.created_at > mine.since AND t.author_id IS DISTINCT FROM $1
         AND NOT EXISTS (SELECT 1 FROM thread_read_markers rm WHERE rm.user_id = $1 AND rm.thread_id = t.id)
         AND ${countedThreadSql('t', '$2', '$3', '$1', '$4')}
       -- In the index's order: with the cap, a scan of the whole table never looks cheaper.
       ORDER BY t.created_at
       LIMIT ${ROOM_UNREAD_COUNT_CAP}) capped) AS new_threads,
    (SELECT count(*)::int FROM (
       SELECT 1 FROM thread_read_markers rm
       -- One primary-key lookup per marker (LIMIT keeps it a lookup): the cost follows how many
       -- threads have posts after the member's marker, never how many they opened or the room has.
       CROSS JOIN LATERAL (SELECT * FROM threads t WHERE t.id = rm.thread_id LIMIT 1) t
       JOIN posts p ON p.thread_id = rm.thread_id AND (p.created_at, p.id) > (rm.read_at, rm.read_post_id)
       WHERE rm.user_id = $1 AND rm.room_id = mine.room_id AND rm.behind AND t.last_activity_at > greatest(rm.read_at, mine.room_read_at)
         AND (mine.room_read_at IS NULL OR p.created_at > mine.room_read_at)
         AND ${countedThreadSql('t', '$2', '$3', '$1', '$4')} AND ${postCountsSql('$2', '$3', '$1', '$4')}
       -- In IDX_thread_read_markers_behind's order, for the same reason: the planner cannot tell
       -- that few of the member's markers are behind, and neither a scan of every marker nor a
       -- walk of all of them by the primary key ever looks cheaper. (Oldest read first.)
       ORDER BY rm.read_at
       LIMIT ${ROOM_UNREAD_COUNT_CAP}) capped) AS unread_posts
  FROM mine`;
