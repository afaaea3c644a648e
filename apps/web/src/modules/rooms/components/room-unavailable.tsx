import { isRetryable } from '../../../shared/lib/api-client';
import { PageErrorState, UnavailableState } from '../../../shared/ui/query-state';

/**
 * A room that cannot be opened. The server answers "not found" alike for rooms that do not
 * exist and rooms hidden from this member, so the words cover both and reveal neither.
 */
export function RoomUnavailable({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  if (isRetryable(error)) return <PageErrorState title="Room" error={error} onRetry={onRetry} />;
  return (
    <UnavailableState title="This room is not available">
      <p>
        There is no room at this address that you can open. It may have a new name or have closed, or it may be a room
        you join with an invite code.
      </p>
      <p>If someone gave you a code, you can enter it on the rooms page.</p>
    </UnavailableState>
  );
}
