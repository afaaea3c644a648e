import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PostStatus, type AuthorView, type Page, type ThreadSummary } from '@kindred/contracts';
import type { DataSource } from 'typeorm';
import type { AccessGrant } from '../access/access.service.js';
import { Clock } from '../common/clock.js';
import { decodeCursor, encodeCursor, isTimestamp, isUuid } from '../common/pagination/cursor.js';
import { sortKeySql } from '../common/pagination/sort-key.js';
import type { ViewerFilter } from '../safety/viewer-filter.js';
import type { ThreadEntity } from './thread.entity.js';

interface ThreadCursor extends Record<string, unknown> {
  /** Snapshot time of the first page: later activity does not reshuffle later pages. */
  asOf: string;
  pinned: boolean;
  activity: string;
  id: string;
}

const isThreadCursor = (v: Record<string, unknown>): v is ThreadCursor =>
  isTimestamp(v.asOf) && typeof v.pinned === 'boolean' && isTimestamp(v.activity) && isUuid(v.id);

interface ThreadRow {
  id: string;
  room_id: string;
  author_id: string;
  author_handle: string | null;
  title: string;
  content_warnings: ThreadEntity['contentWarnings'];
  warning_note: string | null;
  status: PostStatus;
  pinned: boolean;
  locked: boolean;
  post_count: number;
  hidden_posts: number;
  created_at: Date;
  last_activity_at: Date;
  activity_key: string;
  muted: boolean;
}

@Injectable()
export class ThreadsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Pinned first, then latest activity. Pages are cut from a snapshot taken at the first
   * page: a thread bumped meanwhile keeps its snapshot position, so paging on never skips
   * or repeats a thread while people keep posting.
   */
  async list(grant: AccessGrant, filter: ViewerFilter, cursor: string | undefined, limit: number): Promise<Page<ThreadSummary>> {
    const after = cursor ? decodeCursor(cursor, isThreadCursor) : undefined;
    const asOf = after?.asOf ?? this.clock.now().toISOString();
    const viewerId = grant.actor?.id ?? null;
    const params = [grant.room!.id, asOf, grant.canModerate, viewerId, filter.hiddenCategories, filter.blockedUserIds];
    const listed = `
      WITH listed AS (
        SELECT t.*,
          -- A pin with an end date stops counting once it has passed.
          (t.pinned AND (t.pinned_until IS NULL OR t.pinned_until > $2::timestamptz)) AS pinned_now,
          CASE WHEN t.last_activity_at <= $2::timestamptz THEN t.last_activity_at
               ELSE coalesce((SELECT max(p.created_at) FROM posts p
                              WHERE p.thread_id = t.id AND p.status = 'published' AND p.created_at <= $2::timestamptz), t.created_at)
          END AS activity,
          (t.content_warnings && $5::text[] OR t.author_id = ANY($6::uuid[])) AS hidden_for_viewer
        FROM threads t
        WHERE t.room_id = $1 AND t.created_at <= $2::timestamptz
          AND (t.status = 'published' OR ($3 AND t.status IN ('pending', 'hidden')) OR (t.status = 'pending' AND t.author_id = $4))
      )`;
    const keyset = after ? `AND (l.pinned_now, l.activity, l.id) < ($7::boolean, $8::timestamptz, $9::uuid)` : '';
    const keyParams = after ? [after.pinned, after.activity, after.id] : [];
    const rows: ThreadRow[] = await this.db.query(
      `${listed}
       SELECT l.id, l.room_id, l.author_id, u.handle AS author_handle, l.title, l.content_warnings, l.warning_note, l.status,
              l.pinned_now AS pinned, l.locked, l.post_count, l.created_at, l.last_activity_at, ${sortKeySql('l.activity')} AS activity_key,
              CASE WHEN cardinality($5::text[]) + cardinality($6::uuid[]) = 0 THEN 0 ELSE
                (SELECT count(*)::int FROM posts p WHERE p.thread_id = l.id AND p.status = 'published'
                   AND (p.content_warnings && $5::text[] OR p.author_id = ANY($6::uuid[]))) END AS hidden_posts,
              EXISTS (SELECT 1 FROM thread_mutes m WHERE m.thread_id = l.id AND m.user_id = $4) AS muted
       FROM listed l LEFT JOIN users u ON u.id = l.author_id
       WHERE NOT l.hidden_for_viewer ${keyset}
       ORDER BY l.pinned_now DESC, l.activity DESC, l.id DESC
       LIMIT ${limit + 1}`,
      [...params, ...keyParams],
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const hasMore = rows.length > limit;
    const hiddenCount = await this.hiddenInRange(listed, params, after, last && { pinned: last.pinned, activity: last.activity_key, id: last.id }, hasMore);
    return {
      items: page.map((row) => this.summary(row, filter)),
      nextCursor: hasMore && last ? encodeCursor({ asOf, pinned: last.pinned, activity: last.activity_key, id: last.id }) : null,
      hiddenCount,
    };
  }

  /** How many threads the viewer's settings left out between this page's bounds. */
  private async hiddenInRange(
    listed: string,
    params: unknown[],
    after: ThreadCursor | undefined,
    last: { pinned: boolean; activity: string; id: string } | undefined,
    hasMore: boolean,
  ): Promise<number> {
    if ((params[4] as string[]).length + (params[5] as string[]).length === 0) return 0;
    const conditions = ['l.hidden_for_viewer'];
    const extra: unknown[] = [];
    if (after) {
      extra.push(after.pinned, after.activity, after.id);
      conditions.push(`(l.pinned_now, l.activity, l.id) < ($${params.length + 1}::boolean, $${params.length + 2}::timestamptz, $${params.length + 3}::uuid)`);
    }
    if (last && hasMore) {
      const base = params.length + extra.length;
      extra.push(last.pinned, last.activity, last.id);
      conditions.push(`(l.pinned_now, l.activity, l.id) > ($${base + 1}::boolean, $${base + 2}::timestamptz, $${base + 3}::uuid)`);
    }
    const [row] = (await this.db.query(`${listed} SELECT count(*)::int AS n FROM listed l WHERE ${conditions.join(' AND ')}`, [...params, ...extra])) as { n: number }[];
    return row?.n ?? 0;
  }

  async summaryOf(thread: ThreadEntity, grant: AccessGrant, filter: ViewerFilter): Promise<ThreadSummary> {
    const [row] = (await this.db.query(
      `SELECT t.id, t.room_id, t.author_id, u.handle AS author_handle, t.title, t.content_warnings, t.warning_note, t.status,
              (t.pinned AND (t.pinned_until IS NULL OR t.pinned_until > now())) AS pinned, t.locked, t.post_count, t.created_at, t.last_activity_at, '' AS activity_key,
              (SELECT count(*)::int FROM posts p WHERE p.thread_id = t.id AND p.status = 'published'
                 AND (p.content_warnings && $2::text[] OR p.author_id = ANY($3::uuid[]))) AS hidden_posts,
              EXISTS (SELECT 1 FROM thread_mutes m WHERE m.thread_id = t.id AND m.user_id = $4) AS muted
       FROM threads t LEFT JOIN users u ON u.id = t.author_id WHERE t.id = $1`,
      [thread.id, filter.hiddenCategories, filter.blockedUserIds, grant.actor?.id ?? null],
    )) as ThreadRow[];
    return this.summary(row!, filter);
  }

  private summary(row: ThreadRow, filter: ViewerFilter): ThreadSummary {
    const author: AuthorView = { id: row.author_id, handle: row.author_handle ?? 'former member' };
    return {
      id: row.id,
      roomId: row.room_id,
      title: row.title,
      author,
      warning: { categories: row.content_warnings, note: row.warning_note },
      presentation: filter.presentation(row.content_warnings, row.author_id),
      pinned: row.pinned,
      locked: row.locked,
      status: row.status,
      postCount: Math.max(0, row.post_count - row.hidden_posts),
      createdAt: row.created_at.toISOString(),
      lastActivityAt: row.last_activity_at.toISOString(),
      muted: row.muted,
    };
  }

  async setMuted(threadId: string, userId: string, muted: boolean): Promise<void> {
    if (muted) await this.db.query('INSERT INTO thread_mutes (user_id, thread_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [userId, threadId]);
    else await this.db.query('DELETE FROM thread_mutes WHERE user_id = $1 AND thread_id = $2', [userId, threadId]);
  }
}
