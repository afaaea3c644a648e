import { Injectable } from '@nestjs/common';
import { PostStatus, type BookmarkView, type Page, type SearchResult } from '@kindred/contracts';
import type { Actor } from '../access/access.service.js';
import { AppError } from '../common/errors/app-error.js';
import { decodeCursor, encodeCursor, isTimestamp, isUuid } from '../common/pagination/cursor.js';
import { PostAccessService } from '../posts/post-access.service.js';
import { PostsService } from '../posts/posts.service.js';
import { ViewerService } from '../safety/viewer.service.js';
import { BookmarkRepository, type BookmarkRow } from './bookmark.repository.js';

interface BookmarkCursor extends Record<string, unknown> {
  at: string;
  id: string;
}
const isBookmarkCursor = (v: Record<string, unknown>): v is BookmarkCursor => isTimestamp(v.at) && isUuid(v.id);

/** A member's saved posts: private to them, and never a way around what they may read now. */
@Injectable()
export class BookmarksService {
  constructor(
    private readonly bookmarks: BookmarkRepository,
    private readonly postAccess: PostAccessService,
    private readonly posts: PostsService,
    private readonly viewers: ViewerService,
  ) {}

  /** Only a post the member can read now can be saved (the gate answers for its room). */
  async save(user: Actor, postId: string, note: string | null | undefined): Promise<void> {
    await this.postAccess.post(user, postId);
    await this.bookmarks.save(user.id, postId, note?.trim() || null);
  }

  async remove(user: Actor, postId: string): Promise<void> {
    if (!(await this.bookmarks.remove(user.id, postId))) throw AppError.notFound('No such bookmark.', 'bookmark');
  }

  async page(user: Actor, cursor: string | undefined, limit: number): Promise<Page<BookmarkView>> {
    const after = cursor ? decodeCursor(cursor, isBookmarkCursor) : undefined;
    const rows = await this.bookmarks.page(user.id, after, limit + 1);
    const shown = rows.slice(0, limit);
    const items = await Promise.all(shown.map(async (row) => ({ postId: row.post_id, note: row.note, savedAt: row.created_at.toISOString(), saved: await this.asReadNow(user, row) })));
    const last = shown.at(-1);
    return { items, nextCursor: rows.length > limit && last ? encodeCursor({ at: last.sort_key, id: last.post_id }) : null, hiddenCount: 0 };
  }

  /**
   * The saved post exactly as the member would meet it today, through the same gate, settings
   * and blocks as the thread page; null (a placeholder, no words) wherever that would not show it.
   */
  private async asReadNow(user: Actor, row: BookmarkRow): Promise<SearchResult | null> {
    const found = await this.postAccess.post(user, row.post_id).catch((error: unknown) => {
      if (error instanceof AppError && error.statusCode === 404) return null;
      throw error;
    });
    if (!found) return null;
    const { grant, thread } = found;
    const viewer = await this.viewers.context(user, grant);
    const threadWarnings = viewer.filter.seen(thread.contentWarnings, thread.autoWarnings, thread.authorId);
    if (viewer.filter.hides(threadWarnings, thread.authorId)) return null;
    const post = await this.posts.one(row.post_id, viewer);
    const readable = post.kind === 'post' && (post.status === PostStatus.Published || (post.status === PostStatus.Pending && post.author.id === user.id));
    if (!readable) return null;
    const room = grant.room!;
    return {
      post,
      thread: {
        id: thread.id,
        title: thread.title,
        warning: viewer.filter.warningView(thread.contentWarnings, thread.warningNote, thread.autoWarnings, thread.authorId),
        presentation: viewer.filter.presentation(threadWarnings, thread.authorId),
      },
      room: { id: room.id, slug: room.slug, name: room.name },
    };
  }
}
