import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Page, SearchResult } from '@kindred/contracts';
import type { DataSource } from 'typeorm';
import type { AccessGrant } from '../access/access.service.js';
import { decodeCursor, encodeCursor, isTimestamp, isUuid } from '../common/pagination/cursor.js';
import type { PostRow } from '../posts/post-row.js';
import { PostViewsService } from '../posts/post-views.service.js';
import type { FilterVerdict } from '../personal-filters/personal-filter-matcher.js';
import { ViewerService } from '../safety/viewer.service.js';
import { searchSql, searchWithoutDriverSql } from './search.sql.js';

interface SearchCursor extends Record<string, unknown> {
  at: string;
  id: string;
}
const isSearchCursor = (v: Record<string, unknown>): v is SearchCursor => isTimestamp(v.at) && isUuid(v.id);

type SearchRow = PostRow & { title: string; thread_warnings: PostRow['content_warnings']; thread_auto_warnings: PostRow['auto_warnings']; thread_warning_note: string | null; thread_author_id: string; room_slug: string; room_name: string };

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
    private readonly viewers: ViewerService,
  ) {}

  /**
   * The grant is the gate's answer for `search` (with the room's read rule when one room is
   * searched); its `canModerate` is site-wide staff, who may read every room.
   */
  async search(grant: AccessGrant, query: string, cursor: string | undefined, limit: number): Promise<Page<SearchResult>> {
    const after = cursor ? decodeCursor(cursor, isSearchCursor) : undefined;
    const viewer = await this.viewers.context(grant.actor, grant);
    const params: unknown[] = [query, grant.actor!.id, grant.canModerate, viewer.filter.hiddenCategories, viewer.filter.blockedUserIds, grant.room?.id ?? null, viewer.filter.hiddenPattern];
    if (after) params.push(after.at, after.id);
    let rows: SearchRow[] = await this.db.query(searchSql(Boolean(after), limit, /\S\s+\S/.test(query)), params);
    // Nothing found: either nothing matches, or the query has no word every match holds
    // (`a or b`, `-a`), which only the walk over all posts answers (it returns nothing otherwise).
    if (rows.length === 0) rows = await this.db.query(searchWithoutDriverSql(Boolean(after), limit), params);
    const page = rows.slice(0, limit);
    const items = await this.views.build(page, viewer);
    const last = page.at(-1);
    return {
      items: page.map((row, i) => ({
        post: items[i] as SearchResult['post'],
        thread: {
          id: row.thread_id,
          title: row.title,
          warning: viewer.filter.warningView(row.thread_warnings, row.thread_warning_note, row.thread_auto_warnings, row.thread_author_id),
          presentation: viewer.filter.presentation(viewer.filter.seen(row.thread_warnings, row.thread_auto_warnings, row.thread_author_id), row.thread_author_id),
          ...threadFold(viewer.filter.filtered(row.thread_author_id, row.title, row.thread_warning_note)),
        },
        room: { id: row.room_id, slug: row.room_slug, name: row.room_name },
      })),
      nextCursor: rows.length > limit && last ? encodeCursor({ at: last.sort_key, id: last.id }) : null,
      hiddenCount: 0,
    };
  }
}

/** A thread title one of the viewer's `warn` filters matched (a `hide` match never gets here). */
const threadFold = (verdict: FilterVerdict) => (verdict && !verdict.hide ? { filter: verdict.fold } : {});
