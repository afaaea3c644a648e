import { Injectable } from '@nestjs/common';
import { FORMER_MEMBER_HANDLE, PLACEHOLDER_AUTHOR_ID, PostStatus, REACTION_KINDS, type AuthorView, type ContentWarningCategory, type PostListItem, type PostView, type ReactionKind } from '@kindred/contracts';
import type { FilterVerdict } from '../personal-filters/personal-filter-matcher.js';
import type { ViewerContext } from '../safety/viewer.service.js';
import { UserRepository } from '../users/user.repository.js';
import type { PostPageRow, PostRow, ReactionCountRow, ReplyTargetRow } from './post-row.js';
import { PostRepository } from './post.repository.js';
import { replyExcerpt } from './reply-excerpt.js';

const FORMER_MEMBER: AuthorView = { id: PLACEHOLDER_AUTHOR_ID, handle: FORMER_MEMBER_HANDLE };

/**
 * Turns stored posts into what one viewer may see: hidden-by-settings and blocked
 * authors become content-free placeholders; removed text is only for moderators.
 */
@Injectable()
export class PostViewsService {
  constructor(
    private readonly posts: PostRepository,
    private readonly users: UserRepository,
  ) {}

  async build(rows: PostRow[], viewer: ViewerContext): Promise<PostListItem[]> {
    const visible = rows.filter((r) => !hiddenFor(r, viewer));
    const [authors, reactions] = await Promise.all([
      this.users.handles(visible.map((r) => r.author_id)),
      this.reactions(visible.map((r) => r.id), viewer.userId),
    ]);
    const items = rows.map((row) => {
      if (!visible.includes(row)) return hiddenItem(row);
      return this.view(row, authors.get(row.author_id) ?? FORMER_MEMBER, reactions.get(row.id), viewer);
    });
    return this.withReplyTargets(items, viewer);
  }

  /**
   * Each reply's quoted excerpt of the post it answers, for this reader. Posts already on the
   * page (`known`) are not read again; the rest come in one read, and only when there are any.
   */
  async withReplyTargets(items: PostListItem[], viewer: ViewerContext, known: PostPageRow[] = []): Promise<PostListItem[]> {
    const wanted = [...new Set(items.flatMap((i) => (i.kind === 'post' && i.replyToPostId ? [i.replyToPostId] : [])))];
    if (wanted.length === 0) return items;
    const targets = new Map<string, ReplyTargetRow>(known.map((row) => [row.id, row]));
    const missing = wanted.filter((id) => !targets.has(id));
    if (missing.length > 0) for (const row of await this.posts.replyTargets(missing)) targets.set(row.id, row);
    return items.map((item) =>
      item.kind === 'post' && item.replyToPostId ? { ...item, replyTo: replyExcerpt(item.replyToPostId, targets.get(item.replyToPostId), viewer.filter) } : item,
    );
  }

  /** The same, for rows that already carry their authors and reactions (thread pages): no further reads. */
  fromPageRows(rows: PostPageRow[], viewer: ViewerContext): PostListItem[] {
    return rows.map((row) => {
      // One scan of the words per post: the verdict serves both the hiding and the fold.
      const filtered = viewer.filter.filtered(row.author_id, row.body, row.warning_note);
      const seen = viewer.filter.seen(row.content_warnings, row.auto_warnings, row.author_id);
      if (hiddenFor(row, viewer, filtered, seen)) return hiddenItem(row);
      const author = row.author_handle === null ? FORMER_MEMBER : { id: row.author_id, handle: row.author_handle };
      return this.view(row, author, row.reactions ? summarizeOne(row.reactions) : undefined, viewer, filtered, seen);
    });
  }

  async buildOne(row: PostRow, viewer: ViewerContext): Promise<PostView> {
    const [item] = await this.build([row], viewer);
    if (!item || item.kind !== 'post') throw new Error('buildOne called for a post the viewer hides');
    return item;
  }

  private view(
    row: PostRow,
    author: AuthorView,
    reactions: ReactionSummary | undefined,
    viewer: ViewerContext,
    filtered: FilterVerdict = viewer.filter.filtered(row.author_id, row.body, row.warning_note),
    seen: readonly ContentWarningCategory[] = viewer.filter.seen(row.content_warnings, row.auto_warnings, row.author_id),
  ): PostView {
    const gone = row.status === PostStatus.Deleted || row.status === PostStatus.Removed || row.status === PostStatus.Hidden;
    const showText = !gone || viewer.canModerate;
    return {
      kind: 'post',
      id: row.id,
      threadId: row.thread_id,
      author,
      body: showText ? row.body : '',
      bodyHtml: showText ? row.body_html : '',
      warning: viewer.filter.warningView(row.content_warnings, row.warning_note, row.auto_warnings, row.author_id, seen),
      presentation: viewer.filter.presentation(seen, row.author_id),
      status: row.status,
      createdAt: row.created_at.toISOString(),
      editedAt: row.edited_at?.toISOString() ?? null,
      replyToPostId: row.reply_to_post_id,
      reactions: reactions?.counts ?? emptyCounts(),
      myReactions: reactions?.mine ?? [],
      ...(filtered && !filtered.hide ? { filter: filtered.fold } : {}),
    };
  }

  private async reactions(postIds: string[], viewerId: string | undefined): Promise<Map<string, ReactionSummary>> {
    if (postIds.length === 0) return new Map();
    return summarize(await this.posts.reactionCounts(postIds, viewerId));
  }
}

/** A topic the viewer hides, a blocked author, or words one of their own `hide` filters matches. */
const hiddenFor = (
  row: PostRow,
  viewer: ViewerContext,
  filtered: FilterVerdict = viewer.filter.filtered(row.author_id, row.body, row.warning_note),
  seen: readonly ContentWarningCategory[] = viewer.filter.seen(row.content_warnings, row.auto_warnings, row.author_id),
): boolean => viewer.filter.hides(seen, row.author_id) || filtered?.hide === true;

const hiddenItem = (row: PostRow): PostListItem => ({ kind: 'hidden', id: row.id, createdAt: row.created_at.toISOString(), reason: 'your-settings' });

function summarize(rows: (ReactionCountRow & { post_id?: string })[], postId?: string): Map<string, ReactionSummary> {
  const result = new Map<string, ReactionSummary>();
  for (const row of rows) {
    const key = row.post_id ?? postId!;
    const summary = result.get(key) ?? { counts: emptyCounts(), mine: [] };
    summary.counts[row.kind] = row.n;
    if (row.mine) summary.mine.push(row.kind);
    result.set(key, summary);
  }
  return result;
}

/** One post's reactions (a page row carries its own): no map for a single post. */
function summarizeOne(rows: ReactionCountRow[]): ReactionSummary {
  const summary: ReactionSummary = { counts: emptyCounts(), mine: [] };
  for (const row of rows) {
    summary.counts[row.kind] = row.n;
    if (row.mine) summary.mine.push(row.kind);
  }
  return summary;
}

interface ReactionSummary {
  counts: Record<ReactionKind, number>;
  mine: ReactionKind[];
}

/** Every kind at zero: copied from one frozen template rather than rebuilt per post. */
const ZERO_COUNTS = Object.freeze(Object.fromEntries(REACTION_KINDS.map((k) => [k, 0])) as Record<ReactionKind, number>);
const emptyCounts = (): Record<ReactionKind, number> => ({ ...ZERO_COUNTS });
