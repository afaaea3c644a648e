import type { SignInHistoryEntry } from '@kindred/contracts';
import { SIGN_IN_HISTORY_DAYS } from '@kindred/contracts';
import { useQuery } from '@tanstack/react-query';
import { ErrorState, LoadingState } from '../../../shared/ui/query-state';
import { fetchSignInHistory } from '../api/auth-api';
import { useT, type Translate } from '../../../shared/i18n/use-t';

export const SIGN_IN_HISTORY_KEY = ['sign-in-history'] as const;

const hourFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function describe(entry: SignInHistoryEntry, t: Translate): string {
  if (entry.method === 'passkey') return entry.outcome === 'failure' ? t('signInHistory.passkeyFailed') : t('signInHistory.passkey');
  if (entry.outcome === 'failure') {
    if (entry.method === 'recovery-code') return 'Someone tried a wrong recovery code';
    return entry.method === 'two-step' ? 'Someone knew the password but gave a wrong code' : 'Someone tried a wrong password';
  }
  if (entry.method === 'registration') return 'Account created';
  if (entry.method === 'recovery-code') return 'Password reset with a recovery code';
  return entry.method === 'two-step' ? 'Signed in with password and code' : 'Signed in';
}

/** The last 30 days of sign-ins, to the hour, without addresses. */
export function SignInHistorySection() {
  const t = useT();
  const history = useQuery({ queryKey: SIGN_IN_HISTORY_KEY, queryFn: ({ signal }) => fetchSignInHistory(signal), staleTime: 0 });
  if (history.isPending) return <LoadingState label="Loading your sign-in history…" />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  return (
    <>
      <p>
        The last {SIGN_IN_HISTORY_DAYS} days. Times are rounded to the hour, and Kindred does not keep where a sign-in came
        from: only the kind of browser and system.
      </p>
      {history.data.length === 0 ? (
        <p className="muted">Nothing in the last {SIGN_IN_HISTORY_DAYS} days.</p>
      ) : (
        <ul className="item-list">
          {history.data.map((entry, i) => (
            <li key={`${entry.hour}-${i}`} className="item-list__row">
              <span>
                <strong>{describe(entry, t)}</strong>
                <br />
                <span className="muted">
                  <time dateTime={entry.hour}>around {hourFormat.format(new Date(entry.hour))}</time> · {entry.device}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
