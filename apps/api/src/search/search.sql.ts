import { readableRoomSql } from '../access/access.service.js';
import { POST_COLUMNS } from '../posts/post-row.js';
import { hiddenByFilterSql, hiddenByWarningSql, readerTextSql } from '../safety/viewer-filter.js';

/**
 * The search query, newest first. Parameters: $1 query text, $2 viewer id, $3 staff?, $4 hidden
 * warning categories, $5 blocked author ids, $6 room id or null, $7 the viewer's `hide` filters as
 * one pattern (or null), then ($8, $9) the cursor when
 * `afterCursor`. Kept apart from the service so the query-plan test explains this exact text.
 */
export function searchSql(afterCursor: boolean, limit: number): string {
  return `SELECT ${POST_COLUMNS('p')}, t.title, t.content_warnings AS thread_warnings, t.auto_warnings AS thread_auto_warnings, t.warning_note AS thread_warning_note,
              t.author_id AS thread_author_id, r.slug AS room_slug, r.name AS room_name
       FROM posts p
       JOIN threads t ON t.id = p.thread_id AND t.status = 'published'
       JOIN rooms r ON r.id = p.room_id
       WHERE p.search_vector @@ websearch_to_tsquery('english', $1)
         AND p.status = 'published'
         AND ${readableRoomSql('r', '$2', '$3')}
         AND NOT ${hiddenByWarningSql('p', '$4', '$2')} AND NOT (p.author_id = ANY($5::uuid[]))
         -- A reply inside a thread the viewer hides (topic or author) is hidden with it.
         AND NOT ${hiddenByWarningSql('t', '$4', '$2')} AND NOT (t.author_id = ANY($5::uuid[]))
         -- The viewer's own hide filters, on the post's words and its thread's title.
         AND NOT ${hiddenByFilterSql(readerTextSql('p', 'body'), 'p.author_id', '$7', '$2')} AND NOT ${hiddenByFilterSql(readerTextSql('t', 'title'), 't.author_id', '$7', '$2')}
         AND ($6::uuid IS NULL OR p.room_id = $6::uuid)
         ${afterCursor ? 'AND (p.created_at, p.id) < ($8::timestamptz, $9::uuid)' : ''}
       ORDER BY p.created_at DESC, p.id DESC
       LIMIT ${limit + 1}`;
}
