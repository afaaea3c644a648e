import { toDisplayError } from '../lib/api-client';
import { StatusMessage } from './status-message';

export function LoadingState({ label }: { label: string }) {
  return <StatusMessage>{label}</StatusMessage>;
}

/** A gentle error with a way to try again; the server's message is written for people. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <div className="notice notice--error" role="alert">
      <p>{toDisplayError(error).message}</p>
      {onRetry && (
        <button type="button" className="button button--small" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
