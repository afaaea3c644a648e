import type { PostListItem } from '@kindred/contracts';
import { plural } from '../../../shared/lib/plural';
import { AppLink } from '../../../shared/ui/app-link';
import { ErrorState, LoadingState } from '../../../shared/ui/query-state';
import { usePosts } from '../hooks/use-thread';
import { PostItem } from './post-item';

type Row = { kind: 'post'; item: Extract<PostListItem, { kind: 'post' }> } | { kind: 'hidden'; id: string; count: number };

/** Runs of hidden placeholders become one quiet line; they carry no content at all. */
function toRows(items: PostListItem[]): Row[] {
  const rows: Row[] = [];
  for (const item of items) {
    const last = rows.at(-1);
    if (item.kind === 'hidden') {
      if (last?.kind === 'hidden') last.count += 1;
      else rows.push({ kind: 'hidden', id: item.id, count: 1 });
    } else {
      rows.push({ kind: 'post', item });
    }
  }
  return rows;
}

interface PostListProps {
  threadId: string;
  openingPostId: string;
  viewerId: string;
  canPost: boolean;
  onDeleted: (wasOpening: boolean) => void;
  onBlocked: (handle: string, authorId: string) => void;
}

export function PostList({ threadId, openingPostId, viewerId, canPost, onDeleted, onBlocked }: PostListProps) {
  const posts = usePosts(threadId);

  if (posts.isPending) return <LoadingState label="Loading posts…" />;
  if (posts.isError) return <ErrorState error={posts.error} onRetry={() => void posts.refetch()} />;

  const rows = toRows(posts.data.pages.flatMap((page) => page.items));

  return (
    <>
      <ol className="post-list">
        {rows.map((row) =>
          row.kind === 'hidden' ? (
            <li key={`hidden-${row.id}`} className="hidden-note">
              {plural(row.count, 'post')} hidden by your settings.{' '}
              <AppLink to="/settings">Change what you see</AppLink>
            </li>
          ) : (
            <li key={row.item.id}>
              <PostItem
                post={row.item}
                isOpening={row.item.id === openingPostId}
                viewerId={viewerId}
                canPost={canPost}
                onDeleted={onDeleted}
                onBlocked={onBlocked}
              />
            </li>
          ),
        )}
      </ol>
      {posts.hasNextPage && (
        <button
          type="button"
          className="button"
          onClick={() => void posts.fetchNextPage()}
          disabled={posts.isFetchingNextPage}
        >
          {posts.isFetchingNextPage ? 'Loading…' : 'Load more replies'}
        </button>
      )}
    </>
  );
}
