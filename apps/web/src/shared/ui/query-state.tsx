import type { ReactNode } from 'react';
import { useErrorText } from '../i18n/error-text';
import { useT } from '../i18n/use-t';
import { isRetryable } from '../lib/api-client';
import { AppLink } from './app-link';
import { StatusMessage } from './status-message';

export function LoadingState({ label }: { label: string }) {
  return <StatusMessage>{label}</StatusMessage>;
}

/**
 * A gentle error in the member's language. "Try again" only where
 * trying again can help (no connection, a server fault), never for a refusal.
 */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  return (
    <div className="notice notice--error" role="alert">
      <p>{errorText(error)}</p>
      {onRetry && isRetryable(error) && (
        <button type="button" className="button button--small" onClick={onRetry}>
          {t('common.tryAgain')}
        </button>
      )}
    </div>
  );
}

/** A page that failed for a reason trying again may mend (no connection, a server fault). */
export function PageErrorState({ title, error, onRetry }: { title: string; error: unknown; onRetry: () => void }) {
  return (
    <div className="page">
      <h1>{title}</h1>
      <ErrorState error={error} onRetry={onRetry} />
    </div>
  );
}

/**
 * Something the member cannot open, explained calmly as a state rather than a fault: a page
 * heading, a few sentences, an optional way on (`action`) and the way back to the rooms.
 */
export function UnavailableState({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  const t = useT();
  return (
    <div className="page">
      <h1>{title}</h1>
      <div className="notice">{children}</div>
      <p className="button-row">
        {action}
        <AppLink to="/" className={action ? 'button' : 'button button--primary'}>
          {t('common.goToAllRooms')}
        </AppLink>
      </p>
    </div>
  );
}
