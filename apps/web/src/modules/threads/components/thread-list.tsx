import { ErrorState, LoadingState } from '../../../shared/ui/query-state';
import { AppLink } from '../../../shared/ui/app-link';
import { useSession } from '../../auth/hooks/use-session';
import { useThreads } from '../hooks/use-threads';
import { ThreadListItem } from './thread-list-item';
import './threads.css';
import { useT } from '../../../shared/i18n/use-t';

/** Pinned first (the server orders), with warnings folded per the member's settings. */
export function ThreadList({ roomId, canPost }: { roomId: string; canPost: boolean }) {
  const t = useT();
  const { user } = useSession();
  const threads = useThreads(roomId, true);

  if (threads.isPending) return <LoadingState label={t('threads.list.loading')} />;
  if (threads.isError) return <ErrorState error={threads.error} onRetry={() => void threads.refetch()} />;

  const items = threads.data.pages.flatMap((page) => page.items);
  const hidden = threads.data.pages.reduce((sum, page) => sum + page.hiddenCount, 0);

  return (
    <>
      {items.length === 0 ? (
        <p className="empty-state">
          {t(canPost ? 'threads.list.emptyCanPost' : 'threads.list.empty')}
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
          {t('threads.list.hidden', { count: hidden })} <AppLink to="/settings">{t('threads.changeWhatYouSee')}</AppLink>
        </p>
      )}
      {threads.hasNextPage && (
        <button
          type="button"
          className="button"
          onClick={() => void threads.fetchNextPage()}
          disabled={threads.isFetchingNextPage}
        >
          {t(threads.isFetchingNextPage ? 'threads.loading' : 'threads.list.more')}
        </button>
      )}
    </>
  );
}
