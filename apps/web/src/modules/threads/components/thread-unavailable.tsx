import { ErrorCode } from '@kindred/contracts';
import { isRetryable, toDisplayError } from '../../../shared/lib/api-client';
import { AppLink } from '../../../shared/ui/app-link';
import { ErrorState, UnavailableState } from '../../../shared/ui/query-state';

const toRooms = (
  <AppLink to="/" className="button">
    Go to all rooms
  </AppLink>
);

/**
 * A thread that cannot be opened: hidden by the member's own choices (a topic they hide, a
 * block), or not there for them. Neither is a fault, so neither offers "Try again".
 */
export function ThreadUnavailable({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  if (isRetryable(error)) {
    return (
      <div className="page">
        <h1>Thread</h1>
        <ErrorState error={error} onRetry={onRetry} />
      </div>
    );
  }
  if (toDisplayError(error).code === ErrorCode.HiddenBySettings) {
    return (
      <UnavailableState
        title="This thread is hidden for you"
        actions={
          <>
            <AppLink to="/settings" className="button button--primary">
              Change what you see
            </AppLink>
            {toRooms}
          </>
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
    <UnavailableState title="This thread is not available" actions={toRooms}>
      <p>It may have been deleted or removed, or it is in a room you cannot open.</p>
    </UnavailableState>
  );
}
