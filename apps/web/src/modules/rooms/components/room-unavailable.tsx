import { useT } from '../../../shared/i18n/use-t';
import { isRetryable } from '../../../shared/lib/api-client';
import { PageErrorState, UnavailableState } from '../../../shared/ui/query-state';

/**
 * A room that cannot be opened. The server answers "not found" alike for rooms that do not
 * exist and rooms hidden from this member, so the words cover both and reveal neither.
 */
export function RoomUnavailable({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const t = useT();
  if (isRetryable(error)) return <PageErrorState title={t('rooms.unavailable.errorTitle')} error={error} onRetry={onRetry} />;
  return (
    <UnavailableState title={t('rooms.unavailable.title')}>
      <p>{t('rooms.unavailable.body')}</p>
      <p>{t('rooms.unavailable.invite')}</p>
    </UnavailableState>
  );
}
