import type { PostListItem } from '@kindred/contracts';
import { AppLink } from '../../../shared/ui/app-link';
import { ErrorState, LoadingState } from '../../../shared/ui/query-state';
import { usePosts } from '../hooks/use-thread';
import { PostItem } from './post-item';
import { useT } from '../../../shared/i18n/use-t';

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
  const t = useT();
  const posts = usePosts(threadId);

  if (posts.isPending) return <LoadingState label={t('threads.posts.loading')} />;
  if (posts.isError) return <ErrorState error={posts.error} onRetry={() => void posts.refetch()} />;

  const rows = toRows(posts.data.pages.flatMap((page) => page.items));

  return (
    <>
      <ol className="post-list">
        {rows.map((row) =>
          row.kind === 'hidden' ? (
            <li key={`hidden-${row.id}`} className="hidden-note">
              {t('threads.posts.hidden', { count: row.count })} <AppLink to="/settings">{t('threads.changeWhatYouSee')}</AppLink>
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
          {t(posts.isFetchingNextPage ? 'threads.loading' : 'threads.posts.more')}
        </button>
      )}
    </>
  );
}
