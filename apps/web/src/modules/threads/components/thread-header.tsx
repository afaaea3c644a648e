import type { ThreadDetail } from '@kindred/contracts';
import { useEffect, useRef } from 'react';
import { TimeAgo } from '../../../shared/ui/time-ago';
import { FilterFoldTitle } from '../../content-warnings/components/filter-fold-title';
import { WarningBadges } from '../../content-warnings/components/warning-badges';
import { revealItems, useRevealed } from '../../content-warnings/hooks/use-revealed';
import { presentationFor } from '../../content-warnings/lib/presentation';
import { threadRevealId } from '../lib/reveal-keys';
import { PendingNotice } from './pending-notice';
import './threads.css';
import { useT } from '../../../shared/i18n/use-t';
import { useAuthorName } from '../../../shared/i18n/author-name';
import { T } from '../../../shared/i18n/t';

/**
 * The thread's title. Under a warning the member asked for, the title stays folded (titles
 * can be as hard to read as bodies) until they choose to open the thread.
 */
export function ThreadHeader({ thread, viewerId }: { thread: ThreadDetail; viewerId: string | undefined }) {
  const t = useT();
  const authorName = useAuthorName();
  const [revealed] = useRevealed(threadRevealId(thread.id));
  const warned = presentationFor(thread, viewerId) === 'warn';
  const folded = (warned || thread.filter !== undefined) && !revealed;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const openedHere = useRef(false);

  useEffect(() => {
    if (revealed && openedHere.current) {
      openedHere.current = false;
      headingRef.current?.focus();
    }
  }, [revealed]);

  function reveal() {
    openedHere.current = true;
    // The opening post shares this reveal key (same warning), so it opens with the thread.
    revealItems(threadRevealId(thread.id));
  }

  return (
    <header className="thread-header">
      <h1 ref={headingRef} tabIndex={-1}>
        {folded ? t('threads.header.folded') : thread.title}
      </h1>
      {folded ? (
        <div className="warning-gate">
          {thread.filter && <FilterFoldTitle fold={thread.filter} />}
          {(warned || !thread.filter) && (
            <div className="warning-gate__label">
              <span className="warning-gate__title">{t('cw.gate.title')}</span>
              <WarningBadges categories={thread.warning.categories} automatic={thread.warning.automatic} />
            </div>
          )}
          {thread.warning.note && <p className="warning-gate__note">{t('cw.gate.note', { note: thread.warning.note })}</p>}
          <button type="button" className="button button--small" onClick={reveal}>
            {t('threads.header.show')}
          </button>
        </div>
      ) : (
        <WarningBadges categories={thread.warning.categories} automatic={thread.warning.automatic} />
      )}
      <p className="thread-header__meta muted">
        {thread.pinned && <span className="badge badge--pinned">{t('threads.pinned')}</span>}
        {thread.locked && <span className="badge">{t('threads.locked')}</span>}
        <T id="threads.header.meta" values={{ handle: authorName(thread.author) }} components={{ time: <TimeAgo iso={thread.createdAt} /> }} />
      </p>
      {thread.status === 'pending' && <PendingNotice what="thread" />}
    </header>
  );
}
