import { toDisplayError } from '../../../shared/lib/api-client';
import { plural } from '../../../shared/lib/plural';
import { ErrorState, LoadingState } from '../../../shared/ui/query-state';
import { TimeAgo } from '../../../shared/ui/time-ago';
import { useRevokeOtherSessions, useRevokeSession, useSessions } from '../hooks/use-sessions';

/** Where this account is signed in; any other device can be signed out at once. */
export function SessionsSection() {
  const sessions = useSessions();
  const revoke = useRevokeSession();
  const revokeOthers = useRevokeOtherSessions();

  if (sessions.isPending) return <LoadingState label="Loading your devices…" />;
  if (sessions.isError) return <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />;

  const others = sessions.data.filter((s) => !s.current);
  const error = revoke.error ?? revokeOthers.error;

  return (
    <>
      <p>If you see a device you do not recognise, sign it out and change your password.</p>
      <ul className="item-list">
        {sessions.data.map((session) => (
          <li key={session.id} className="item-list__row">
            <span>
              <strong>{session.device}</strong>
              {session.current && <span className="badge">This device</span>}
              <br />
              <span className="muted">
                Signed in <TimeAgo iso={session.createdAt} /> · last active <TimeAgo iso={session.lastSeenAt} />
              </span>
            </span>
            {!session.current && (
              <button
                type="button"
                className="button button--small"
                disabled={revoke.isPending}
                onClick={() => revoke.mutate(session.id)}
              >
                Sign out<span className="visually-hidden"> {session.device}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
      <div role="status">
        {revokeOthers.isSuccess && (
          <p className="notice notice--success">
            {revokeOthers.data.revoked === 0
              ? 'No other devices were signed in.'
              : `Signed out ${plural(revokeOthers.data.revoked, 'other device')}.`}
          </p>
        )}
      </div>
      {error && (
        <p className="field__error" role="alert">
          {toDisplayError(error).message}
        </p>
      )}
      <button
        type="button"
        className="button"
        disabled={revokeOthers.isPending || others.length === 0}
        onClick={() => revokeOthers.mutate()}
      >
        Log out other devices
      </button>
    </>
  );
}
