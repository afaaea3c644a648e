import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PostStatus, Role } from '@kindred/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { NormalizedWarning } from '../common/content-warning.js';
import { isUuid } from '../common/pagination/cursor.js';
import { EntityRows } from '../database/entity-rows.js';
import { PreparedQueries } from '../database/prepared-queries.js';
import { hiddenByFilterSql, hiddenByWarningSql, readerTextSql } from '../safety/viewer-filter.js';
import { sortKeySql } from '../common/pagination/sort-key.js';
import { threadUnreadColumnsSql, threadUnreadJoinsSql } from './unread.sql.js';
import { threadListHiddenCountSql, threadListPageSql, type ThreadListBounds } from './thread-list.sql.js';
import { ThreadEntity } from './thread.entity.js';

/**
 * SQL: the member follows what they take part in, unless they switched it off (no settings row:
 * the default, on). Read in the statement that writes the follow, so a reply costs no extra trip.
 */
const AUTO_FOLLOWS = (userParam: string) => `NOT EXISTS (SELECT 1 FROM notification_settings ns WHERE ns.user_id = ${userParam} AND NOT ns.auto_follow)`;

/** A thread as the list and summary queries return it. */
export interface ThreadRow {
  id: string;
  room_id: string;
  author_id: string;
  author_handle: string | null;
  title: string;
  content_warnings: ThreadEntity['contentWarnings'];
  auto_warnings: ThreadEntity['autoWarnings'];
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
  followed: boolean;
  /** Never opened, and started after the viewer's baseline in the room. */
  is_new: boolean;
  unread_posts: number;
}

/** A thread's summary row with where the viewer stopped reading (null: never opened). */
export interface ThreadSummaryRow extends ThreadRow {
  read_key: string | null;
  read_post_id: string | null;
}

/** The keyset position of a thread in the list: pinned first, then latest activity. */
export interface ThreadListKey {
  pinned: boolean;
  activity: string;
  id: string;
}

export interface ThreadListQuery {
  roomId: string;
  /** Snapshot time: activity after it does not move threads. */
  asOf: string;
  canModerate: boolean;
  viewerId: string | null;
  hiddenCategories: readonly string[];
  blockedUserIds: readonly string[];
  /** The viewer's `hide` filters as one pattern (ViewerFilter.hiddenPattern), or null. */
  hiddenPattern: string | null;
  after?: ThreadListKey;
  limit: number;
}

/** Where a reader's marker stands in a thread: the sort key and id of the last post they were shown. */
export interface ReadPosition {
  at: string;
  id: string;
}

export interface NewThread {
  roomId: string;
  authorId: string;
  title: string;
  warning: NormalizedWarning;
  status: PostStatus;
}

/** Every query on `threads`, `thread_mutes` and `thread_follows` (and read markers following a moved thread). */
@Injectable()
export class ThreadRepository {
  /** The thread page and every reply look a thread up by id: a prepared statement. */
  private readonly rows: EntityRows<ThreadEntity>;
  private readonly byIdSql: string;
  private readonly forReaderSql: string;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly prepared: PreparedQueries,
  ) {
    this.rows = new EntityRows(db, ThreadEntity, 't');
    this.byIdSql = `SELECT ${this.rows.select} FROM ${this.rows.table} "t" WHERE "t"."id" = $1`;
    this.forReaderSql = `SELECT ${this.rows.select}, ${sortKeySql('m.read_at')} AS "seen_at", m.read_post_id AS "seen_post_id"
      FROM ${this.rows.table} "t" LEFT JOIN thread_read_markers m ON m.thread_id = "t"."id" AND m.user_id = $2::uuid
      WHERE "t"."id" = $1`;
  }

  async findById(id: string): Promise<ThreadEntity | null> {
    if (!isUuid(id)) return null;
    const [row] = await this.prepared.query<Record<string, unknown>>(this.byIdSql, [id]);
    return this.rows.from(row);
  }

  /**
   * The thread and where this reader's marker stands, in the statement that finds the thread:
   * a page that shows nothing new then needs no write to move the marker.
   */
  async findForReader(id: string, userId: string | undefined): Promise<{ thread: ThreadEntity; seen: ReadPosition | null } | null> {
    if (!isUuid(id)) return null;
    const [row] = await this.prepared.query<Record<string, unknown>>(this.forReaderSql, [id, userId ?? null]);
    const thread = this.rows.from(row);
    if (!thread) return null;
    const seen = row!.seen_at && row!.seen_post_id ? { at: row!.seen_at as string, id: row!.seen_post_id as string } : null;
    return { thread, seen };
  }

  /**
   * The thread with its row locked until the transaction ends. Replies take this lock, so a
   * later commit always gets a later timestamp and cursor pagination never skips a late post.
   */
  /** Hand-written rather than a query builder: every reply takes this lock (create-post's CPU, docs/benchmarks.md). */
  async lockForReply(id: string, manager: EntityManager): Promise<ThreadEntity | null> {
    const rows: Record<string, unknown>[] = await manager.query(`SELECT ${this.rows.select} FROM ${this.rows.table} "t" WHERE "t"."id" = $1 FOR UPDATE`, [id]);
    return this.rows.from(rows[0]);
  }

  async insert(thread: NewThread, manager: EntityManager): Promise<string> {
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(ThreadEntity)
      .values({
        roomId: thread.roomId,
        authorId: thread.authorId,
        title: thread.title,
        contentWarnings: thread.warning.categories,
        warningNote: thread.warning.note,
        status: thread.status,
        postCount: thread.status === PostStatus.Published ? 1 : 0,
        createdAt: () => 'clock_timestamp()',
        lastActivityAt: () => 'clock_timestamp()',
      })
      .returning(['id'])
      .execute();
    return (inserted.raw as { id: string }[])[0]!.id;
  }

  /**
   * The author's threads in this room with this title and warning, written within `window`,
   * newest first: the candidates for "this is a resend" (their opening words are compared by the caller).
   */
  async recentWithTitle(roomId: string, authorId: string, title: string, warning: NormalizedWarning, window: string, manager: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT t.id FROM threads t
       WHERE t.room_id = $1 AND t.author_id = $2 AND t.title = $3 AND t.status IN ('published', 'pending')
         AND t.content_warnings = $5::text[] AND t.warning_note IS NOT DISTINCT FROM $6
         AND t.created_at > clock_timestamp() - $4::interval
       ORDER BY t.created_at DESC`,
      [roomId, authorId, title, window, warning.categories, warning.note],
    );
    return rows.map((r) => r.id);
  }

  /** A published reply: one more post, activity now, and its author follows the thread when `follow` (same statement). */
  /** A published reply: counted, and its author follows the thread unless they chose not to follow by taking part. */
  async recordReply(id: string, authorId: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `WITH followed AS (INSERT INTO thread_follows (user_id, thread_id) SELECT $2, $1 WHERE ${AUTO_FOLLOWS('$2')} ON CONFLICT DO NOTHING)
       UPDATE threads SET post_count = post_count + 1, last_activity_at = clock_timestamp() WHERE id = $1`,
      [id, authorId],
    );
  }

  /** A new thread: its author follows it unless they chose not to follow by taking part. */
  async followAsAuthor(threadId: string, authorId: string, manager: EntityManager): Promise<void> {
    await manager.query(`INSERT INTO thread_follows (user_id, thread_id) SELECT $1, $2 WHERE ${AUTO_FOLLOWS('$1')} ON CONFLICT DO NOTHING`, [authorId, threadId]);
  }

  /** Published posts came or went; the count never goes below zero. */
  async adjustPostCount(id: string, delta: number, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE threads SET post_count = greatest(post_count + $2, 0) WHERE id = $1', [id, delta]);
  }

  /** A post became visible: the thread's activity is at least its time. */
  async bumpActivity(id: string, at: Date, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE threads SET last_activity_at = greatest(last_activity_at, $2) WHERE id = $1', [id, at]);
  }

  async setStatus(id: string, status: PostStatus, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE threads SET status = $2 WHERE id = $1', [id, status]);
  }

  async setWarning(id: string, warning: NormalizedWarning, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE threads SET content_warnings = $2, warning_note = $3 WHERE id = $1', [id, warning.categories, warning.note]);
  }

  async setAutoWarnings(id: string, categories: readonly string[], manager: EntityManager): Promise<void> {
    await manager.query('UPDATE threads SET auto_warnings = $2 WHERE id = $1', [id, categories]);
  }

  async setLocked(id: string, locked: boolean, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE threads SET locked = $2 WHERE id = $1', [id, locked]);
  }

  async setPinned(id: string, pinned: boolean, until: Date | null, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE threads SET pinned = $2, pinned_until = $3 WHERE id = $1', [id, pinned, until]);
  }

  async moveToRoom(id: string, roomId: string, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE threads SET room_id = $2 WHERE id = $1', [id, roomId]);
    // Read markers travel with their thread: the room's counts start from them.
    await manager.query('UPDATE thread_read_markers SET room_id = $2 WHERE thread_id = $1', [id, roomId]);
  }

  async roomAndAuthor(id: string): Promise<{ roomId: string; authorId: string } | undefined> {
    const [row] = (await this.db.query('SELECT room_id, author_id FROM threads WHERE id = $1', [id])) as { room_id: string; author_id: string }[];
    return row && { roomId: row.room_id, authorId: row.author_id };
  }

  /** Room, title, status, author and warning of each of these threads. */
  async briefs(ids: string[]): Promise<Map<string, { roomId: string; title: string; status: PostStatus; authorId: string; contentWarnings: ThreadEntity['contentWarnings'] }>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; room_id: string; title: string; status: PostStatus; author_id: string; content_warnings: ThreadEntity['contentWarnings'] }[] = await this.db.query(
      'SELECT id, room_id, title, status, author_id, content_warnings FROM threads WHERE id = ANY($1::uuid[])',
      [[...new Set(ids)]],
    );
    return new Map(rows.map((r) => [r.id, { roomId: r.room_id, title: r.title, status: r.status, authorId: r.author_id, contentWarnings: r.content_warnings }]));
  }

  async countPublished(roomId: string): Promise<number> {
    const [row] = (await this.db.query(`SELECT count(*)::int AS n FROM threads WHERE room_id = $1 AND status = 'published'`, [roomId])) as { n: number }[];
    return row?.n ?? 0;
  }

  /**
   * One page of a room's thread list for one viewer, and how many threads their settings
   * left out between this page's bounds. Pages are cut from the `asOf` snapshot: a thread
   * bumped meanwhile keeps its snapshot position, so paging never skips or repeats one.
   */
  async list(query: ThreadListQuery): Promise<{ rows: ThreadRow[]; hiddenCount: number }> {
    const params = [query.roomId, query.asOf, query.canModerate, query.viewerId, query.hiddenCategories, query.blockedUserIds, query.hiddenPattern];
    const { after, limit } = query;
    const keyParams = after ? [after.pinned, after.activity, after.id] : [];
    const rows: ThreadRow[] = await this.db.query(threadListPageSql(after !== undefined, limit), [...params, ...keyParams]);
    const last = rows.slice(0, limit).at(-1);
    const hasMore = rows.length > limit;
    const hiddenCount = await this.hiddenInRange(params, after, last && { pinned: last.pinned, activity: last.activity_key, id: last.id }, hasMore);
    return { rows, hiddenCount };
  }

  /** How many threads the viewer's settings left out between this page's bounds. */
  private async hiddenInRange(params: unknown[], after: ThreadListKey | undefined, last: ThreadListKey | undefined, hasMore: boolean): Promise<number> {
    if ((params[4] as string[]).length + (params[5] as string[]).length === 0 && params[6] === null) return 0;
    const bounds: ThreadListBounds = {};
    const extra: unknown[] = [];
    if (after) {
      bounds.upper = params.length + 1;
      extra.push(after.pinned, after.activity, after.id);
    }
    if (last && hasMore) {
      bounds.lower = params.length + extra.length + 1;
      extra.push(last.pinned, last.activity, last.id);
    }
    const [row] = (await this.db.query(threadListHiddenCountSql(bounds), [...params, ...extra])) as { n: number }[];
    return row?.n ?? 0;
  }

  /** One thread as the list shows it, for this viewer (hidden posts left out of the count). */
  async summaryRow(threadId: string, viewerId: string | null, hiddenCategories: readonly string[], blockedUserIds: readonly string[], hiddenPattern: string | null = null): Promise<ThreadSummaryRow | undefined> {
    const [row] = (await this.db.query(
      `SELECT t.id, t.room_id, t.author_id, u.handle AS author_handle, t.title, t.content_warnings, t.auto_warnings, t.warning_note, t.status,
              (t.pinned AND (t.pinned_until IS NULL OR t.pinned_until > now())) AS pinned, t.locked, t.post_count, t.created_at, t.last_activity_at, '' AS activity_key,
              (SELECT count(*)::int FROM posts p WHERE p.thread_id = t.id AND p.status = 'published'
                 AND (${hiddenByWarningSql('p', '$2', '$4')} OR p.author_id = ANY($3::uuid[]) OR ${hiddenByFilterSql(readerTextSql('p', 'body'), 'p.author_id', '$5', '$4')})) AS hidden_posts,
              EXISTS (SELECT 1 FROM thread_mutes m WHERE m.thread_id = t.id AND m.user_id = $4) AS muted,
              EXISTS (SELECT 1 FROM thread_follows f WHERE f.thread_id = t.id AND f.user_id = $4) AS followed,
              ${threadUnreadColumnsSql('t', '$2', '$3', '$4', '$5')},
              ${sortKeySql('rm.read_at')} AS read_key, rm.read_post_id
       FROM threads t LEFT JOIN users u ON u.id = t.author_id
       ${threadUnreadJoinsSql('t', 't.room_id', '$4')}
       WHERE t.id = $1`,
      [threadId, hiddenCategories, blockedUserIds, viewerId, hiddenPattern],
    )) as ThreadSummaryRow[];
    return row;
  }

  async setFollowed(threadId: string, userId: string, followed: boolean, manager: EntityManager = this.db.manager): Promise<void> {
    if (followed) await manager.query('INSERT INTO thread_follows (user_id, thread_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [userId, threadId]);
    else await manager.query('DELETE FROM thread_follows WHERE user_id = $1 AND thread_id = $2', [userId, threadId]);
  }

  /**
   * The followers of a published thread who may hear about a reply by `authorId`, with the
   * thread's room, title and warnings: minus the author and anyone who muted the thread (a mute
   * wins over a follow) and anyone who can no longer read the room. One statement.
   */
  async replyFollowers(threadId: string, authorId: string): Promise<{ roomId: string; title: string; categories: string[]; followers: string[] } | undefined> {
    const rows: { user_id: string; room_id: string; title: string; categories: string[] }[] = await this.db.query(
      `SELECT f.user_id, t.room_id, t.title, t.content_warnings || t.auto_warnings AS categories
         FROM threads t
         JOIN thread_follows f ON f.thread_id = t.id AND f.user_id <> $2
         JOIN users u ON u.id = f.user_id
       WHERE t.id = $1 AND t.status = '${PostStatus.Published}'
         AND NOT EXISTS (SELECT 1 FROM thread_mutes m WHERE m.thread_id = t.id AND m.user_id = f.user_id)
         -- The gate's room.read rule for a room's own thread: its members, and staff who read every
         -- room. A follower who left the room hears nothing more of it.
         AND (u.role IN ('${Role.Moderator}', '${Role.Admin}') OR EXISTS (SELECT 1 FROM room_memberships rm WHERE rm.room_id = t.room_id AND rm.user_id = f.user_id))`,
      [threadId, authorId],
    );
    const [first] = rows;
    return first && { roomId: first.room_id, title: first.title, categories: first.categories, followers: rows.map((r) => r.user_id) };
  }

  async setMuted(threadId: string, userId: string, muted: boolean): Promise<void> {
    if (muted) await this.db.query('INSERT INTO thread_mutes (user_id, thread_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [userId, threadId]);
    else await this.db.query('DELETE FROM thread_mutes WHERE user_id = $1 AND thread_id = $2', [userId, threadId]);
  }

  /** The member's threads, for their data export. */
  exportFor(userId: string): Promise<unknown[]> {
    return this.db.query('SELECT id, room_id, title, content_warnings, status, created_at FROM threads WHERE author_id = $1 ORDER BY created_at', [userId]);
  }

  /** Account deletion with erasure: titles go, the threads are deleted. */
  async eraseByAuthor(userId: string, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE threads SET title = '(removed)', status = 'deleted' WHERE author_id = $1`, [userId]);
  }

  /** Account deletion: the member's thread mutes and follows go. */
  async forgetUser(userId: string, manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM thread_mutes WHERE user_id = $1', [userId]);
    await manager.query('DELETE FROM thread_follows WHERE user_id = $1', [userId]);
  }
}
