import { Injectable } from '@nestjs/common';
import { FORMER_MEMBER_HANDLE, type Page, type PostListItem, type PostRevisionView, type ReactionKind } from '@kindred/contracts';
import type { AccessGrant } from '../access/access.service.js';
import { decodeCursor, encodeCursor, isTimestamp, isUuid } from '../common/pagination/cursor.js';
import { UserRepository } from '../users/user.repository.js';
import type { ViewerContext } from '../safety/viewer.service.js';
import { PostViewsService } from './post-views.service.js';
import type { PostRow } from './post-row.js';
import { PostRepository } from './post.repository.js';

interface PostCursor extends Record<string, unknown> {
  at: string;
  id: string;
}
const isPostCursor = (v: Record<string, unknown>): v is PostCursor => isTimestamp(v.at) && isUuid(v.id);

/** Reading posts: thread pages (oldest first), single posts, edit history, reactions. */
@Injectable()
export class PostsService {
  constructor(
    private readonly posts: PostRepository,
    private readonly users: UserRepository,
    private readonly views: PostViewsService,
  ) {}

  /** A page of the thread, and the keyset of its last post (for the reader's read marker). */
  async page(threadId: string, viewer: ViewerContext, cursor: string | undefined, limit: number): Promise<{ page: Page<PostListItem>; last?: PostCursor }> {
    const after = cursor ? decodeCursor(cursor, isPostCursor) : undefined;
    const rows = await this.posts.pageRows(threadId, viewer, after, limit);
    const page = rows.slice(0, limit);
    const items = await this.views.withReplyTargets(this.views.fromPageRows(page, viewer), viewer, page);
    const last = page.at(-1);
    const key = last && { at: last.sort_key, id: last.id };
    return {
      page: { items, nextCursor: rows.length > limit && key ? encodeCursor(key) : null, hiddenCount: items.filter((i) => i.kind === 'hidden').length },
      ...(key ? { last: key } : {}),
    };
  }

  async one(postId: string, viewer: ViewerContext): Promise<PostListItem> {
    const row = await this.posts.pageRow(postId, viewer.userId);
    return (await this.views.withReplyTargets(this.views.fromPageRows([row!], viewer), viewer))[0]!;
  }

  /** A post just written, as `viewer` sees it: its author's handle is known and nobody has reacted yet. */
  async fresh(row: PostRow, authorHandle: string, viewer: ViewerContext): Promise<PostListItem> {
    return (await this.views.withReplyTargets(this.views.fromPageRows([{ ...row, author_handle: authorHandle, reactions: null }], viewer), viewer))[0]!;
  }

  async openingPost(threadId: string, viewer: ViewerContext): Promise<PostListItem | undefined> {
    const row = await this.posts.openingPost(threadId);
    if (!row) return undefined;
    const [item] = await this.views.build([row], viewer);
    return item;
  }

  /** `grant`: room.moderate for the post's room (edit history is for moderators). */
  async revisions(_grant: AccessGrant, postId: string): Promise<PostRevisionView[]> {
    const rows = await this.posts.revisions(postId);
    const editors = await this.users.handles(rows.map((r) => r.editor_id));
    return rows.map((r) => ({
      id: r.id,
      body: r.body,
      warning: { categories: r.content_warnings, note: r.warning_note },
      editedAt: r.edited_at.toISOString(),
      editor: { id: r.editor_id, handle: editors.get(r.editor_id)?.handle ?? FORMER_MEMBER_HANDLE },
    }));
  }

  /** `grant`: room.post for the post's room. Idempotent: reacting twice with the same kind is one reaction. */
  async react(grant: AccessGrant, postId: string, kind: ReactionKind, on: boolean): Promise<void> {
    await this.posts.setReaction(postId, grant.actor!.id, kind, on);
  }
}
