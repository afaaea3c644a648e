import { readableRoomSql } from '../access/access.service.js';
import { POST_COLUMNS } from '../posts/post-row.js';
import { hiddenByFilterSql, hiddenByWarningSql, readerTextSql } from '../safety/viewer-filter.js';

const POST_AND_THREAD = `${POST_COLUMNS('p')}, t.title, t.content_warnings AS thread_warnings, t.auto_warnings AS thread_auto_warnings, t.warning_note AS thread_warning_note,
              t.author_id AS thread_author_id`;

/** A match the viewer has not hidden, in a published thread (`p` a post, `t` its thread). */
const VISIBLE_MATCH = `p.search_vector @@ websearch_to_tsquery('english', $1)
         AND p.status = 'published' AND t.status = 'published'
         AND NOT ${hiddenByWarningSql('p', '$4', '$2')} AND NOT (p.author_id = ANY($5::uuid[]))
         -- A reply inside a thread the viewer hides (topic or author) is hidden with it.
         AND NOT ${hiddenByWarningSql('t', '$4', '$2')} AND NOT (t.author_id = ANY($5::uuid[]))
         -- The viewer's own hide filters, on the post's words and its thread's title.
         AND NOT ${hiddenByFilterSql(readerTextSql('p', 'body'), 'p.author_id', '$7', '$2')} AND NOT ${hiddenByFilterSql(readerTextSql('t', 'title'), 't.author_id', '$7', '$2')}
         AND ($6::uuid IS NULL OR p.room_id = $6::uuid)`;

/** …in a room the viewer may read (`r`). */
const READABLE_ROOM = readableRoomSql('r', '$2', '$3');

/**
 * The word whose posts the search walks: one every match holds, so when the query only joins
 * words (no `or`, no `-word`: tsquery's text then has no | or !, nor a weight or prefix after a
 * `:`), any of them. tsquery prints each word in quotes, doubling ' and \, which the regexp
 * undoes. With `rank` (a query of several words) the rarest by the planner's word frequencies
 * for posts (a word missing from them is rarer than any listed), so the walk meets posts holding
 * the others soonest; reading pg_stats costs about a millisecond, so a single word (most
 * searches) skips it. Ties, and a database not analyzed yet, take the longest word.
 */
const driverSql = (rank: boolean) => `query AS MATERIALIZED (SELECT websearch_to_tsquery('english', $1) AS q),
     required AS (
       SELECT regexp_replace(m[1], '([''\\\\])\\1', '\\1', 'g') AS lexeme
       FROM query, regexp_matches(query.q::text, '''((?:[^'']|'''')+)''', 'g') AS m
       WHERE query.q::text !~ '[|!:]'),
     driver AS MATERIALIZED (
       SELECT w.lexeme FROM required w
       ${rank ? `LEFT JOIN (SELECT unnest(most_common_elems::text::text[]) AS lexeme, unnest(most_common_elem_freqs) AS freq FROM pg_stats
                  WHERE schemaname = current_schema() AND tablename = 'posts' AND attname = 'search_vector') s ON s.lexeme = w.lexeme` : ''}
       ORDER BY ${rank ? 'coalesce(s.freq, 0), ' : ''}length(w.lexeme) DESC, w.lexeme LIMIT 1)`;

/**
 * The search query, newest first. Parameters: $1 query text, $2 viewer id, $3 staff?, $4 hidden
 * warning categories, $5 blocked author ids, $6 room id or null, $7 the viewer's `hide` filters as
 * one pattern (or null), then ($8, $9) the cursor when
 * `afterCursor`. Kept apart from the service so the query-plan test explains this exact text.
 * `severalWords`: the query text has more than one word (see `driverSql`).
 *
 * Bounded (issue 18): it walks one word's rows in `search_terms` newest first, so it reads about
 * a page of matches however large the forum is (the GIN index finds words but has no order; a
 * walk over all posts newest first read every newer post without the word). The per-row
 * LATERAL (LIMIT 1 keeps it a lookup per row) makes the walk the plan whatever the word's
 * estimate. Rows the viewer may not see are still read on the way: a search in one room walks
 * the word's posts in every room, so it costs more when the word is mostly used elsewhere. A
 * query without such a word (`a or b`, `-a`) gets no rows here: see `searchWithoutDriverSql`.
 */
export function searchSql(afterCursor: boolean, limit: number, severalWords = false): string {
  return `WITH ${driverSql(severalWords)}
     SELECT found.*, r.slug AS room_slug, r.name AS room_name FROM search_terms st
     CROSS JOIN LATERAL (SELECT ${POST_AND_THREAD} FROM posts p JOIN threads t ON t.id = p.thread_id
                         WHERE p.id = st.post_id AND ${VISIBLE_MATCH} LIMIT 1) found
     JOIN rooms r ON r.id = found.room_id AND ${READABLE_ROOM}
     WHERE st.lexeme = (SELECT lexeme FROM driver)
       ${afterCursor ? 'AND (st.created_at, st.post_id) < ($8::timestamptz, $9::uuid)' : ''}
     ORDER BY st.created_at DESC, st.post_id DESC
     LIMIT ${limit + 1}`;
}

/**
 * The same search for a query no word of which every match holds, by walking all posts newest
 * first (its cost grows with the posts newer than the page; such queries are rare). Same
 * parameters; no rows when `searchSql` had a word to walk, so the service can ask it whenever
 * that found nothing, without a third statement to tell the cases apart.
 */
export function searchWithoutDriverSql(afterCursor: boolean, limit: number): string {
  return `WITH ${driverSql(false)}
     SELECT ${POST_AND_THREAD}, r.slug AS room_slug, r.name AS room_name
     FROM posts p JOIN threads t ON t.id = p.thread_id JOIN rooms r ON r.id = p.room_id
     WHERE NOT EXISTS (SELECT FROM driver) AND numnode((SELECT q FROM query)) > 0 AND ${VISIBLE_MATCH} AND ${READABLE_ROOM}
       ${afterCursor ? 'AND (p.created_at, p.id) < ($8::timestamptz, $9::uuid)' : ''}
     ORDER BY p.created_at DESC, p.id DESC
     LIMIT ${limit + 1}`;
}
