import type { ContentWarningView, FilterFold, Presentation } from '@kindred/contracts';
import type { ReactNode } from 'react';
import { useEffect, useRef } from 'react';
import type { MessageId } from '../../../shared/i18n/message-id';
import { useT } from '../../../shared/i18n/use-t';
import { revealItems, useRevealed } from '../hooks/use-revealed';
import { FilterFoldTitle } from './filter-fold-title';
import { WarningBadges } from './warning-badges';

/** What is folded away, for the button ("Show post"). */
export type FoldedThing = 'post' | 'thread-title' | 'message' | 'result' | 'content';

const SHOW: Record<FoldedThing, MessageId> = {
  post: 'cw.gate.showPost',
  'thread-title': 'cw.gate.showThreadTitle',
  message: 'cw.gate.showMessage',
  result: 'cw.gate.showResult',
  content: 'cw.gate.showContent',
};

interface WarningGateProps {
  /** Remembered (in memory) so a thread opened from the list stays open on its page. */
  id: string;
  warning: ContentWarningView;
  presentation: Presentation;
  what: FoldedThing;
  /** Called only once revealed, so folded content is never in the DOM and cannot flash. */
  children: () => ReactNode;
  /**
   * False inside a roving-focus list (chat), where the item's own actions offer "Show" and
   * a button per folded item would cost a Tab each.
   */
  tabbable?: boolean;
  /** Matched one of the viewer's own `warn` filters: folded whatever the categories say, with their label. */
  filter?: FilterFold | undefined;
}

/**
 * Content behind a warning the member asked to be warned about. The fold sits exactly where
 * the content will appear, so opening it never moves anything above it.
 */
export function WarningGate({ id, warning, presentation, what, children, tabbable = true, filter }: WarningGateProps) {
  const t = useT();
  const [revealed] = useRevealed(id);
  const contentRef = useRef<HTMLDivElement>(null);
  const openedHere = useRef(false);

  useEffect(() => {
    // Keyboard and screen-reader users continue from what they just opened.
    if (revealed && openedHere.current) {
      openedHere.current = false;
      contentRef.current?.focus();
    }
  }, [revealed]);

  if ((presentation !== 'warn' && !filter) || revealed) {
    return (
      <div ref={contentRef} tabIndex={-1} className="warning-gate__content">
        {children()}
      </div>
    );
  }

  function reveal() {
    openedHere.current = true;
    revealItems(id);
  }

  return (
    <div className="warning-gate">
      {filter && <FilterFoldTitle fold={filter} />}
      {(presentation === 'warn' || !filter) && (
        <div className="warning-gate__label">
          <span className="warning-gate__title">{t('cw.gate.title')}</span>
          <WarningBadges categories={warning.categories} automatic={warning.automatic} />
        </div>
      )}
      {warning.note && <p className="warning-gate__note">{t('cw.gate.note', { note: warning.note })}</p>}
      <button type="button" className="button button--small" onClick={reveal} tabIndex={tabbable ? undefined : -1}>
        {t(SHOW[what])}
      </button>
    </div>
  );
}
