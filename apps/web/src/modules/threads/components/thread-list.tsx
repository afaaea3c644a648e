import { ErrorState, LoadingState } from '../../../shared/ui/query-state';
import { AppLink } from '../../../shared/ui/app-link';
import { plural } from '../../../shared/lib/plural';
import { useSession } from '../../auth/hooks/use-session';
import { useThreads } from '../hooks/use-threads';
import { ThreadListItem } from './thread-list-item';
import './threads.css';

/** Pinned first (the server orders), with warnings folded per the member's settings. */
export function ThreadList({ roomId, canPost }: { roomId: string; canPost: boolean }) {
  const { user } = useSession();
  const threads = useThreads(roomId, true);

  if (threads.isPending) return <LoadingState label="Loading threads…" />;
  if (threads.isError) return <ErrorState error={threads.error} onRetry={() => void threads.refetch()} />;

  const items = threads.data.pages.flatMap((page) => page.items);
  const hidden = threads.data.pages.reduce((sum, page) => sum + page.hiddenCount, 0);

  return (
    <>
      {items.length === 0 ? (
        <p className="empty-state">
          No threads here yet.{canPost && ' When you are ready, you could start the first one.'}
        </p>
      ) : (
        <ul className="thread-list">
          {items.map((thread) => (
            <ThreadListItem key={thread.id} thread={thread} viewerId={user?.id} />
          ))}
        </ul>
      )}
      {hidden > 0 && (
        <p className="hidden-note">
          {plural(hidden, 'thread')} hidden by your settings. <AppLink to="/settings">Change what you see</AppLink>
        </p>
      )}
      {threads.hasNextPage && (
        <button
          type="button"
          className="button"
          onClick={() => void threads.fetchNextPage()}
          disabled={threads.isFetchingNextPage}
        >
          {threads.isFetchingNextPage ? 'Loading…' : 'Load more threads'}
        </button>
      )}
    </>
  );
}
