import { useDoubleEscape } from '../hooks/use-double-escape';
import { quickExit } from '../lib/quick-exit';
import { useT } from '../../../shared/i18n/use-t';

/** Always-visible exit: one tap, or Escape twice, leaves for a neutral site. */
export function QuickExit() {
  const t = useT();
  useDoubleEscape(quickExit);

  return (
    <button
      type="button"
      className="quick-exit"
      onClick={quickExit}
      aria-keyshortcuts="Escape Escape"
    >
      <span className="quick-exit__label">{t('quickExit.label')}</span>
      <span className="quick-exit__hint" aria-hidden="true">
        {t('quickExit.hint')}
      </span>
    </button>
  );
}
