import type { ReactNode } from 'react';
import { isRetryable, toDisplayError } from '../lib/api-client';
import { StatusMessage } from './status-message';

export function LoadingState({ label }: { label: string }) {
  return <StatusMessage>{label}</StatusMessage>;
}

/**
 * A gentle error; the server's message is written for people. "Try again" only where
 * trying again can help (no connection, a server fault), never for a refusal.
 */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <div className="notice notice--error" role="alert">
      <p>{toDisplayError(error).message}</p>
      {onRetry && isRetryable(error) && (
        <button type="button" className="button button--small" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

/**
 * Something the member cannot open, explained calmly as a state rather than a fault, with
 * the way on (a page heading, a few sentences, and links).
 */
export function UnavailableState({ title, children, actions }: { title: string; children: ReactNode; actions: ReactNode }) {
  return (
    <div className="page">
      <h1>{title}</h1>
      <div className="notice">{children}</div>
      <p className="button-row">{actions}</p>
    </div>
  );
}
