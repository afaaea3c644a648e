import { ErrorCode } from '@kindred/contracts';
import { isRetryable, toDisplayError } from '../../../shared/lib/api-client';
import { AppLink } from '../../../shared/ui/app-link';
import { PageErrorState, UnavailableState } from '../../../shared/ui/query-state';

/**
 * A thread that cannot be opened: hidden by the member's own choices (a topic they hide, a
 * block), or not there for them. Neither is a fault, so neither offers "Try again".
 */
export function ThreadUnavailable({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  if (isRetryable(error)) return <PageErrorState title="Thread" error={error} onRetry={onRetry} />;
  if (toDisplayError(error).code === ErrorCode.HiddenBySettings) {
    return (
      <UnavailableState
        title="This thread is hidden for you"
        action={
          <AppLink to="/settings" className="button button--primary">
            Change what you see
          </AppLink>
        }
      >
        <p>
          You chose not to see it: it carries a topic you hide, or it was started by someone you blocked. Nothing is
          wrong; your settings are doing what you asked.
        </p>
        <p>You can change which topics you see, or whom you block, in Settings whenever you like.</p>
      </UnavailableState>
    );
  }
  return (
    <UnavailableState title="This thread is not available">
      <p>It may have been deleted or removed, or it is in a room you cannot open.</p>
    </UnavailableState>
  );
}
