import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Role, type Page, type SearchResult } from '@kindred/contracts';
import type { DataSource } from 'typeorm';
import { readableRoomSql, type Actor } from '../access/access.service.js';
import { decodeCursor, encodeCursor, isTimestamp, isUuid } from '../common/pagination/cursor.js';
import { POST_COLUMNS, type PostRow } from '../posts/post-row.js';
import { PostViewsService, type ViewerContext } from '../posts/post-views.service.js';

interface SearchCursor extends Record<string, unknown> {
  at: string;
  id: string;
}
const isSearchCursor = (v: Record<string, unknown>): v is SearchCursor => isTimestamp(v.at) && isUuid(v.id);

type SearchRow = PostRow & { title: string; thread_warnings: PostRow['content_warnings']; thread_warning_note: string | null; thread_author_id: string; room_slug: string; room_name: string };

/**
 * Full-text search (PostgreSQL tsvector + GIN) over published posts in the rooms the
 * viewer may read (the access gate's `room.read` rule, as SQL), newest first. Hidden
 * categories and blocked authors never match.
 */
@Injectable()
export class SearchService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly views: PostViewsService,
  ) {}

  async search(user: Actor, viewer: ViewerContext, query: string, roomId: string | undefined, cursor: string | undefined, limit: number): Promise<Page<SearchResult>> {
    const after = cursor ? decodeCursor(cursor, isSearchCursor) : undefined;
    const staff = user.role !== Role.Member;
    const params: unknown[] = [query, user.id, staff, viewer.filter.hiddenCategories, viewer.filter.blockedUserIds, roomId ?? null];
    if (after) params.push(after.at, after.id);
    const rows: SearchRow[] = await this.db.query(
      `SELECT ${POST_COLUMNS('p')}, t.title, t.content_warnings AS thread_warnings, t.warning_note AS thread_warning_note,
              t.author_id AS thread_author_id, r.slug AS room_slug, r.name AS room_name
       FROM posts p
       JOIN threads t ON t.id = p.thread_id AND t.status = 'published'
       JOIN rooms r ON r.id = p.room_id
       WHERE to_tsvector('english', p.body) @@ websearch_to_tsquery('english', $1)
         AND p.status = 'published'
         AND ${readableRoomSql('r', '$2', '$3')}
         AND NOT (p.content_warnings && $4::text[]) AND NOT (p.author_id = ANY($5::uuid[]))
         -- A reply inside a thread the viewer hides (topic or author) is hidden with it.
         AND NOT (t.content_warnings && $4::text[]) AND NOT (t.author_id = ANY($5::uuid[]))
         AND ($6::uuid IS NULL OR p.room_id = $6::uuid)
         ${after ? 'AND (p.created_at, p.id) < ($7::timestamptz, $8::uuid)' : ''}
       ORDER BY p.created_at DESC, p.id DESC
       LIMIT ${limit + 1}`,
      params,
    );
    const page = rows.slice(0, limit);
    const items = await this.views.build(page, viewer);
    const last = page.at(-1);
    return {
      items: page.map((row, i) => ({
        post: items[i] as SearchResult['post'],
        thread: {
          id: row.thread_id,
          title: row.title,
          warning: { categories: row.thread_warnings, note: row.thread_warning_note },
          presentation: viewer.filter.presentation(row.thread_warnings, row.thread_author_id),
        },
        room: { id: row.room_id, slug: row.room_slug, name: row.room_name },
      })),
      nextCursor: rows.length > limit && last ? encodeCursor({ at: last.sort_key, id: last.id }) : null,
      hiddenCount: 0,
    };
  }
}
