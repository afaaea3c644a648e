import type { ThreadSummary } from '@kindred/contracts';
import { PostStatus, UNREAD_COUNT_CAP } from '@kindred/contracts';
import { AppLink } from '../../../shared/ui/app-link';
import { TimeAgo } from '../../../shared/ui/time-ago';
import { WarningBadges } from '../../content-warnings/components/warning-badges';
import { WarningGate } from '../../content-warnings/components/warning-gate';
import { presentationFor } from '../../content-warnings/lib/presentation';
import { threadRevealId } from '../lib/reveal-keys';
import { useT } from '../../../shared/i18n/use-t';
import { useAuthorName } from '../../../shared/i18n/author-name';
import { T } from '../../../shared/i18n/t';

export function ThreadListItem({ thread, viewerId }: { thread: ThreadSummary; viewerId: string | undefined }) {
  const t = useT();
  const authorName = useAuthorName();
  const presentation = presentationFor(thread, viewerId);
  return (
    <li className={`thread-item${thread.pinned ? ' thread-item--pinned' : ''}`}>
      <WarningGate
        id={threadRevealId(thread.id)}
        warning={thread.warning}
        presentation={presentation}
        what="thread-title"
        filter={thread.filter}
      >
        {() => (
          <h3 className="thread-item__title">
            <AppLink to={`/threads/${thread.id}`}>{thread.title}</AppLink>
          </h3>
        )}
      </WarningGate>
      <div className="thread-item__meta">
        {thread.isNew && <span className="badge badge--new">{t('threads.new')}</span>}
        {thread.unreadPosts > 0 && (
          <span className="badge badge--new">
            {thread.unreadPosts >= UNREAD_COUNT_CAP ? t('threads.unreadMany', { count: UNREAD_COUNT_CAP - 1 }) : t('threads.unread', { count: thread.unreadPosts })}
          </span>
        )}
        {thread.pinned && <span className="badge badge--pinned">{t('threads.pinned')}</span>}
        {thread.locked && <span className="badge">{t('threads.locked')}</span>}
        {thread.status === PostStatus.Pending && <span className="badge badge--pending">{t('threads.waitingForReview')}</span>}
        {presentation !== 'warn' && <WarningBadges categories={thread.warning.categories} automatic={thread.warning.automatic} />}
        <span className="muted">
          <T id="threads.listMeta" values={{ handle: authorName(thread.author) }} components={{ time: <TimeAgo iso={thread.lastActivityAt} /> }} />
        </span>
      </div>
    </li>
  );
}
