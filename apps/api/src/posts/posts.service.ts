import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Page, PostListItem, PostRevisionView, PostView, ReactionKind } from '@kindred/contracts';
import type { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor, isTimestamp, isUuid } from '../common/pagination/cursor.js';
import { POST_COLUMNS, type PostRow } from './post-row.js';
import { PostViewsService, type ViewerContext } from './post-views.service.js';

interface PostCursor extends Record<string, unknown> {
  at: string;
  id: string;
}
const isPostCursor = (v: Record<string, unknown>): v is PostCursor => isTimestamp(v.at) && isUuid(v.id);

/** Reading posts: thread pages (oldest first), single posts, edit history, reactions. */
@Injectable()
export class PostsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly views: PostViewsService,
  ) {}

  async page(threadId: string, viewer: ViewerContext, cursor: string | undefined, limit: number): Promise<Page<PostListItem>> {
    const after = cursor ? decodeCursor(cursor, isPostCursor) : undefined;
    // Moderators see everything; others see published posts and their own held ones.
    const rows: PostRow[] = await this.db.query(
      `SELECT ${POST_COLUMNS('p')} FROM posts p
       WHERE p.thread_id = $1
         AND ($2 OR p.status = 'published' OR (p.status = 'pending' AND p.author_id = $3))
         ${after ? 'AND (p.created_at, p.id) > ($4::timestamptz, $5::uuid)' : ''}
       ORDER BY p.created_at, p.id
       LIMIT ${limit + 1}`,
      [threadId, viewer.canModerate, viewer.userId ?? null, ...(after ? [after.at, after.id] : [])],
    );
    const page = rows.slice(0, limit);
    const items = await this.views.build(page, viewer);
    const last = page.at(-1);
    return {
      items,
      nextCursor: rows.length > limit && last ? encodeCursor({ at: last.sort_key, id: last.id }) : null,
      hiddenCount: items.filter((i) => i.kind === 'hidden').length,
    };
  }

  async one(postId: string, viewer: ViewerContext): Promise<PostListItem> {
    const [row] = (await this.db.query(`SELECT ${POST_COLUMNS('p')} FROM posts p WHERE p.id = $1`, [postId])) as PostRow[];
    const [item] = await this.views.build([row!], viewer);
    return item!;
  }

  async openingPost(threadId: string, viewer: ViewerContext): Promise<PostListItem | undefined> {
    const [row] = (await this.db.query(`SELECT ${POST_COLUMNS('p')} FROM posts p WHERE p.thread_id = $1 ORDER BY p.created_at, p.id LIMIT 1`, [threadId])) as PostRow[];
    if (!row) return undefined;
    const [item] = await this.views.build([row], viewer);
    return item;
  }

  async revisions(postId: string): Promise<PostRevisionView[]> {
    const rows: { id: string; body: string; content_warnings: PostView['warning']['categories']; warning_note: string | null; edited_at: Date; editor_id: string; handle: string | null }[] =
      await this.db.query(
        `SELECT r.id, r.body, r.content_warnings, r.warning_note, r.edited_at, r.editor_id, u.handle
         FROM post_revisions r LEFT JOIN users u ON u.id = r.editor_id WHERE r.post_id = $1 ORDER BY r.edited_at DESC, r.id DESC`,
        [postId],
      );
    return rows.map((r) => ({
      id: r.id,
      body: r.body,
      warning: { categories: r.content_warnings, note: r.warning_note },
      editedAt: r.edited_at.toISOString(),
      editor: { id: r.editor_id, handle: r.handle ?? 'former member' },
    }));
  }

  /** Idempotent: reacting twice with the same kind is one reaction. */
  async react(postId: string, userId: string, kind: ReactionKind, on: boolean): Promise<void> {
    if (on) await this.db.query('INSERT INTO reactions (post_id, user_id, kind) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [postId, userId, kind]);
    else await this.db.query('DELETE FROM reactions WHERE post_id = $1 AND user_id = $2 AND kind = $3', [postId, userId, kind]);
  }
}
