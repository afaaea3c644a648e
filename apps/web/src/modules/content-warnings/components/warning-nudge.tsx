import { useT } from '../../../shared/i18n/use-t';

/**
 * Where a room does not ask for a warning choice: a quiet reminder beside the button while
 * something is written and nothing is chosen (see `needsNudge`). It never stops anyone posting.
 */
export function WarningNudge({ id }: { id: string }) {
  const t = useT();
  return (
    <p id={id} className="field__hint warning-nudge">
      {t('cw.nudge')}
    </p>
  );
}
