import { ErrorCode } from '@kindred/contracts';
import { isRetryable, toDisplayError } from '../../../shared/lib/api-client';
import { AppLink } from '../../../shared/ui/app-link';
import { PageErrorState, UnavailableState } from '../../../shared/ui/query-state';
import { useT } from '../../../shared/i18n/use-t';

/**
 * A thread that cannot be opened: hidden by the member's own choices (a topic they hide, a
 * block), or not there for them. Neither is a fault, so neither offers "Try again".
 */
export function ThreadUnavailable({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const t = useT();
  if (isRetryable(error)) return <PageErrorState title={t('threads.unavailable.errorTitle')} error={error} onRetry={onRetry} />;
  if (toDisplayError(error).code === ErrorCode.HiddenBySettings) {
    return (
      <UnavailableState
        title={t('threads.hidden.title')}
        action={
          <AppLink to="/settings" className="button button--primary">
            {t('threads.changeWhatYouSee')}
          </AppLink>
        }
      >
        <p>{t('threads.hidden.body')}</p>
        <p>{t('threads.hidden.change')}</p>
      </UnavailableState>
    );
  }
  return (
    <UnavailableState title={t('threads.unavailable.title')}>
      <p>{t('threads.unavailable.body')}</p>
    </UnavailableState>
  );
}
