import { deviceText } from '../../../shared/i18n/device-text';
import { ErrorState, LoadingState } from '../../../shared/ui/query-state';
import { TimeAgo } from '../../../shared/ui/time-ago';
import { useRevokeOtherSessions, useRevokeSession, useSessions } from '../hooks/use-sessions';
import { useT } from '../../../shared/i18n/use-t';
import { useErrorText } from '../../../shared/i18n/error-text';
import { T } from '../../../shared/i18n/t';

/** Where this account is signed in; any other device can be signed out at once. */
export function SessionsSection() {
  const t = useT();
  const errorText = useErrorText();
  const sessions = useSessions();
  const revoke = useRevokeSession();
  const revokeOthers = useRevokeOtherSessions();

  if (sessions.isPending) return <LoadingState label={t('sessions.loading')} />;
  if (sessions.isError) return <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />;

  const others = sessions.data.filter((s) => !s.current);
  const error = revoke.error ?? revokeOthers.error;

  return (
    <>
      <p>{t('sessions.intro')}</p>
      <ul className="item-list">
        {sessions.data.map((session) => (
          <li key={session.id} className="item-list__row">
            <span>
              <strong>{deviceText(session.deviceKind, t)}</strong>
              {session.current && <span className="badge">{t('sessions.thisDevice')}</span>}
              <br />
              <span className="muted">
                <T id="sessions.times" components={{ signedIn: <TimeAgo iso={session.createdAt} />, lastActive: <TimeAgo iso={session.lastSeenAt} /> }} />
              </span>
            </span>
            {!session.current && (
              <button
                type="button"
                className="button button--small"
                disabled={revoke.isPending}
                onClick={() => revoke.mutate(session.id)}
              >
                {t('sessions.signOut')}
                <span className="visually-hidden"> {deviceText(session.deviceKind, t)}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
      <div role="status">
        {revokeOthers.isSuccess && (
          <p className="notice notice--success">
            {t('sessions.othersSignedOut', { count: revokeOthers.data.revoked })}
          </p>
        )}
      </div>
      {error && (
        <p className="field__error" role="alert">
          {errorText(error)}
        </p>
      )}
      <button
        type="button"
        className="button"
        disabled={revokeOthers.isPending || others.length === 0}
        onClick={() => revokeOthers.mutate()}
      >
        {t('sessions.logOutOthers')}
      </button>
    </>
  );
}
