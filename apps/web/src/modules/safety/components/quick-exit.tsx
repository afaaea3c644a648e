import { useDoubleEscape } from '../hooks/use-double-escape';
import { quickExit } from '../lib/quick-exit';

/** Always-visible exit: one tap, or Escape twice, leaves for a neutral site. */
export function QuickExit() {
  useDoubleEscape(quickExit);

  return (
    <button
      type="button"
      className="quick-exit"
      onClick={quickExit}
      aria-keyshortcuts="Escape Escape"
    >
      <span className="quick-exit__label">Quick exit</span>
      <span className="quick-exit__hint" aria-hidden="true">
        or Esc twice
      </span>
    </button>
  );
}
