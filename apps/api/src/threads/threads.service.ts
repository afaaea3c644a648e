import { Injectable } from '@nestjs/common';
import { FORMER_MEMBER_HANDLE, type AuthorView, type Page, type ThreadReadMarker, type ThreadSummary } from '@kindred/contracts';
import type { AccessGrant } from '../access/access.service.js';
import { Clock } from '../common/clock.js';
import { decodeCursor, encodeCursor, isTimestamp, isUuid } from '../common/pagination/cursor.js';
import type { ViewerFilter } from '../safety/viewer-filter.js';
import type { ThreadEntity } from './thread.entity.js';
import { ReadMarkerRepository } from './read-marker.repository.js';
import { ThreadRepository, type ReadPosition, type ThreadRow } from './thread.repository.js';

interface ThreadCursor extends Record<string, unknown> {
  /** Snapshot time of the first page: later activity does not reshuffle later pages. */
  asOf: string;
  pinned: boolean;
  activity: string;
  id: string;
}

const isThreadCursor = (v: Record<string, unknown>): v is ThreadCursor =>
  isTimestamp(v.asOf) && typeof v.pinned === 'boolean' && isTimestamp(v.activity) && isUuid(v.id);

@Injectable()
export class ThreadsService {
  constructor(
    private readonly threads: ThreadRepository,
    private readonly readMarkers: ReadMarkerRepository,
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
    const { rows, hiddenCount } = await this.threads.list({
      roomId: grant.room!.id,
      asOf,
      canModerate: grant.canModerate,
      viewerId: grant.actor?.id ?? null,
      hiddenCategories: filter.hiddenCategories,
      blockedUserIds: filter.blockedUserIds,
      hiddenPattern: filter.hiddenPattern,
      after,
      limit,
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const hasMore = rows.length > limit;
    return {
      items: page.map((row) => this.summary(row, filter)),
      nextCursor: hasMore && last ? encodeCursor({ asOf, pinned: last.pinned, activity: last.activity_key, id: last.id }) : null,
      hiddenCount,
    };
  }

  /** The thread as the list shows it, and where the viewer stopped reading it. */
  async summaryOf(thread: ThreadEntity, grant: AccessGrant, filter: ViewerFilter): Promise<{ summary: ThreadSummary; lastRead: ThreadReadMarker | null }> {
    const row = (await this.threads.summaryRow(thread.id, grant.actor?.id ?? null, filter.hiddenCategories, filter.blockedUserIds, filter.hiddenPattern))!;
    // The cursor has the thread page's own shape: the page after it starts at the first unread post.
    const lastRead = row.read_key && row.read_post_id ? { postId: row.read_post_id, cursor: encodeCursor({ at: row.read_key, id: row.read_post_id }) } : null;
    return { summary: this.summary(row, filter), lastRead };
  }

  /**
   * The member was shown the thread up to `last` (`at`: its full-precision sort key). `seen`,
   * the marker read with the thread, spares the write when the page showed nothing newer.
   */
  async markSeen(userId: string, threadId: string, last: ReadPosition, seen: ReadPosition | null): Promise<void> {
    if (seen && !isBefore(seen, last)) return;
    await this.readMarkers.markSeen(userId, threadId, last.at, last.id);
  }

  /** `grant`: room.read for the room. Everything in it up to now counts as read for the member. */
  async markRoomRead(grant: AccessGrant): Promise<void> {
    await this.readMarkers.markRoomRead(grant.actor!.id, grant.room!.id);
  }

  private summary(row: ThreadRow, filter: ViewerFilter): ThreadSummary {
    const author: AuthorView = { id: row.author_id, handle: row.author_handle ?? FORMER_MEMBER_HANDLE };
    const filtered = filter.filtered(row.author_id, row.title, row.warning_note);
    return {
      id: row.id,
      roomId: row.room_id,
      title: row.title,
      author,
      warning: filter.warningView(row.content_warnings, row.warning_note, row.auto_warnings, row.author_id),
      presentation: filter.presentation(filter.seen(row.content_warnings, row.auto_warnings, row.author_id), row.author_id),
      pinned: row.pinned,
      locked: row.locked,
      status: row.status,
      postCount: Math.max(0, row.post_count - row.hidden_posts),
      createdAt: row.created_at.toISOString(),
      lastActivityAt: row.last_activity_at.toISOString(),
      muted: row.muted,
      followed: row.followed,
      isNew: row.is_new,
      unreadPosts: row.unread_posts,
      ...(filtered && !filtered.hide ? { filter: filtered.fold } : {}),
    };
  }

  /** `grant`: room.read for the thread's room. */
  async setFollowed(grant: AccessGrant, threadId: string, followed: boolean): Promise<void> {
    await this.threads.setFollowed(threadId, grant.actor!.id, followed);
  }

  /** `grant`: room.read for the thread's room. */
  async setMuted(grant: AccessGrant, threadId: string, muted: boolean): Promise<void> {
    await this.threads.setMuted(threadId, grant.actor!.id, muted);
  }
}

/** Keyset order of posts, as PostgreSQL compares (created_at, id): fixed-width sort keys and lower-case uuids compare as text. */
function isBefore(a: ReadPosition, b: ReadPosition): boolean {
  return a.at < b.at || (a.at === b.at && a.id < b.id);
}
