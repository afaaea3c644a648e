import { useEffect, useState } from 'react';
import { useT } from '../../../shared/i18n/use-t';

/** Beside the Moderation link: how many crisis items are open (a number, never what about). */
export function CrisisBadge({ count }: { count: number }) {
  const t = useT();
  if (count === 0) return null;
  return (
    <span className="badge badge--unread" data-testid="crisis-count">
      {count}
      <span className="visually-hidden"> {t('care.count.label', { count })}</span>
    </span>
  );
}

/** A quiet in-app note when a new crisis item arrives: announced politely, gone after a while, no sound. */
export function CrisisToast({ arrived }: { arrived: number }) {
  const t = useT();
  // The note for arrival n shows until n is marked as seen by the timer.
  const [seen, setSeen] = useState(0);
  useEffect(() => {
    if (arrived === 0) return;
    const timer = setTimeout(() => setSeen(arrived), 8_000);
    return () => clearTimeout(timer);
  }, [arrived]);
  return <span role="status">{arrived > seen && <span className="crisis-toast">{t('care.count.toast')}</span>}</span>;
}
