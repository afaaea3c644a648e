import type { ModeratorWellbeingView } from '@kindred/contracts';
import { useId } from 'react';
import { useT } from '../../../../shared/i18n/use-t';

/** What this moderator handled in the last week, by how heavy it may have been. Shown to them alone. */
export function MyExposure({ exposure }: { exposure: ModeratorWellbeingView['exposure'] }) {
  const t = useT();
  const id = useId();
  return (
    <details className="disclosure care-exposure">
      <summary id={`${id}-summary`}>{t('care.exposure.heading', { days: exposure.days })}</summary>
      <p className="muted">{t('care.exposure.lead')}</p>
      <dl className="care-exposure__list">
        <div>
          <dt>{t('care.exposure.crisis')}</dt>
          <dd>{exposure.crisis}</dd>
        </div>
        <div>
          <dt>{t('care.exposure.harm')}</dt>
          <dd>{exposure.harm}</dd>
        </div>
        <div>
          <dt>{t('care.exposure.other')}</dt>
          <dd>{exposure.other}</dd>
        </div>
      </dl>
    </details>
  );
}
