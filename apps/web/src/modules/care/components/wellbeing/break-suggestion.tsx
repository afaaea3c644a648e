import { BREAK_AFTER_MINUTES, type ModeratorWellbeingView } from '@kindred/contracts';
import { useEffect, useId, useState } from 'react';
import { useT } from '../../../../shared/i18n/use-t';
import { PauseDialog } from '../../../safety/components/pause-button';

const MINUTE = 60_000;

/** Re-renders once a minute, so a break falls due without any reload. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), MINUTE);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * After 45 minutes of queue work or 20 items in one sitting (the server's count, which
 * survives reloads), or 45 minutes with the dashboard open, a quiet suggestion to pause. It
 * opens the same pause tool as the header. "Not now" puts it away for another 45 minutes.
 */
export function BreakSuggestion({ sitting, suggestBreak }: Pick<ModeratorWellbeingView, 'sitting' | 'suggestBreak'>) {
  const t = useT();
  const id = useId();
  const now = useNow();
  const [openedAt] = useState(() => Date.now());
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [pausing, setPausing] = useState(false);
  const openMinutes = Math.floor((now - openedAt) / MINUTE);
  const due = suggestBreak || openMinutes >= BREAK_AFTER_MINUTES;
  const resting = dismissedAt !== null && now - dismissedAt < BREAK_AFTER_MINUTES * MINUTE;

  return (
    <>
      {due && !resting && (
        <section className="notice care-break" aria-labelledby={`${id}-heading`}>
          <h2 id={`${id}-heading`} className="care-break__heading">
            {t('care.break.heading')}
          </h2>
          <p>{t('care.break.body', { minutes: Math.max(sitting.minutes, openMinutes), items: sitting.itemsHandled })}</p>
          <div className="button-row">
            <button type="button" className="button button--small button--primary" onClick={() => setPausing(true)}>
              {t('pause.button')}
            </button>
            <button type="button" className="button button--small button--quiet" onClick={() => setDismissedAt(Date.now())}>
              {t('care.break.dismiss')}
            </button>
          </div>
        </section>
      )}
      <PauseDialog
        open={pausing}
        onClose={() => {
          setPausing(false);
          setDismissedAt(Date.now());
        }}
      />
    </>
  );
}
