import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { PreparedQueries } from '../database/prepared-queries.js';
import { ROOM_UNREAD_COUNTS_SQL } from './unread.sql.js';

/** What is new for a member in one room. */
export interface RoomUnreadCounts {
  newThreads: number;
  unreadPosts: number;
}

/**
 * Moves the marker forward only: an older page read later (another tab, "load earlier")
 * never makes seen posts unread again. One statement, the thread page's only extra one.
 * The thread's row is share-locked first: a reply in flight commits before the marker's
 * `behind` is worked out (by its trigger, which then sees the reply), or waits until after and
 * marks it behind itself; either way a reply is never missed (migration ReadMarkerBehind…).
 */
const MARK_SEEN_SQL = `INSERT INTO thread_read_markers (user_id, thread_id, room_id, read_at, read_post_id)
  SELECT $1, $2, t.room_id, $3::timestamptz, $4 FROM threads t WHERE t.id = $2 FOR SHARE
  ON CONFLICT (user_id, thread_id) DO UPDATE SET read_at = EXCLUDED.read_at, read_post_id = EXCLUDED.read_post_id, updated_at = now()
  WHERE (thread_read_markers.read_at, thread_read_markers.read_post_id) < (EXCLUDED.read_at, EXCLUDED.read_post_id)`;

/** Every query on `thread_read_markers` and `room_read_markers`. */
@Injectable()
export class ReadMarkerRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly prepared: PreparedQueries,
  ) {}

  /** The member saw the thread up to this post (`at`: its full-precision sort key). */
  async markSeen(userId: string, threadId: string, at: string, postId: string): Promise<void> {
    await this.prepared.query(MARK_SEEN_SQL, [userId, threadId, at, postId]);
  }

  /**
   * Everything in the room up to now counts as read. Markers in threads quiet since stop being
   * `behind`, or the room's counts would keep visiting them. Their threads are share-locked as
   * they are read, so a reply in flight either counts (its activity is past `read_at`) or comes
   * after and marks its marker behind again.
   */
  async markRoomRead(userId: string, roomId: string): Promise<void> {
    await this.db.query(
      `WITH marked AS (
         INSERT INTO room_read_markers (user_id, room_id, read_at) VALUES ($1, $2, clock_timestamp())
         ON CONFLICT (user_id, room_id) DO UPDATE SET read_at = EXCLUDED.read_at RETURNING read_at)
       UPDATE thread_read_markers m SET behind = false
       FROM (SELECT t.id FROM thread_read_markers b JOIN threads t ON t.id = b.thread_id
             WHERE b.user_id = $1 AND b.room_id = $2 AND b.behind AND t.last_activity_at <= (SELECT read_at FROM marked)
             FOR SHARE OF t) quiet
       WHERE m.user_id = $1 AND m.thread_id = quiet.id AND m.behind`,
      [userId, roomId],
    );
  }

  /**
   * Of these members, those whose marker for the thread (or its room's "mark all read") has
   * reached their `since`: they have read what was new then.
   */
  async readSince(threadId: string, since: ReadonlyMap<string, Date>): Promise<Set<string>> {
    if (since.size === 0) return new Set();
    const rows: { user_id: string }[] = await this.db.query(
      `SELECT s.user_id FROM unnest($2::uuid[], $3::timestamptz[]) AS s(user_id, since)
        WHERE EXISTS (SELECT 1 FROM thread_read_markers m WHERE m.user_id = s.user_id AND m.thread_id = $1 AND m.read_at >= s.since)
           OR EXISTS (SELECT 1 FROM room_read_markers m JOIN threads t ON t.room_id = m.room_id WHERE t.id = $1 AND m.user_id = s.user_id AND m.read_at >= s.since)`,
      [threadId, [...since.keys()], [...since.values()]],
    );
    return new Set(rows.map((r) => r.user_id));
  }

  /** New threads and unread posts in each room the member belongs to, filtered as their thread pages are. */
  async roomCounts(userId: string, hiddenCategories: readonly string[], blockedUserIds: readonly string[], hiddenPattern: string | null): Promise<Map<string, RoomUnreadCounts>> {
    const rows: { room_id: string; new_threads: number; unread_posts: number }[] = await this.db.query(ROOM_UNREAD_COUNTS_SQL, [userId, hiddenCategories, blockedUserIds, hiddenPattern]);
    return new Map(rows.map((r) => [r.room_id, { newThreads: r.new_threads, unreadPosts: r.unread_posts }]));
  }

  /** Account deletion: the member's read markers go. */
  async forgetUser(userId: string, manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM thread_read_markers WHERE user_id = $1', [userId]);
    await manager.query('DELETE FROM room_read_markers WHERE user_id = $1', [userId]);
  }
}
