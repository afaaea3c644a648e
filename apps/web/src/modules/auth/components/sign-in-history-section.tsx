import { deviceText } from '../../../shared/i18n/device-text';
import type { SignInHistoryEntry } from '@kindred/contracts';
import { SIGN_IN_HISTORY_DAYS } from '@kindred/contracts';
import { useQuery } from '@tanstack/react-query';
import { ErrorState, LoadingState } from '../../../shared/ui/query-state';
import { fetchSignInHistory } from '../api/auth-api';
import { useT } from '../../../shared/i18n/use-t';
import { useFormat } from '../../../shared/i18n/format';
import type { MessageId } from '../../../shared/i18n/message-id';

export const SIGN_IN_HISTORY_KEY = ['sign-in-history'] as const;

function describe(entry: SignInHistoryEntry): MessageId {
  if (entry.method === 'passkey') return entry.outcome === 'failure' ? 'signInHistory.passkeyFailed' : 'signInHistory.passkey';
  if (entry.outcome === 'failure') {
    if (entry.method === 'recovery-code') return 'history.failedRecoveryCode';
    return entry.method === 'two-step' ? 'history.failedCode' : 'history.failedPassword';
  }
  if (entry.method === 'registration') return 'history.registered';
  if (entry.method === 'recovery-code') return 'history.recovered';
  return entry.method === 'two-step' ? 'history.signedInTwoStep' : 'history.signedIn';
}

/** The last 30 days of sign-ins, to the hour, without addresses. */
export function SignInHistorySection() {
  const t = useT();
  const format = useFormat();
  const history = useQuery({ queryKey: SIGN_IN_HISTORY_KEY, queryFn: ({ signal }) => fetchSignInHistory(signal), staleTime: 0 });
  if (history.isPending) return <LoadingState label={t('history.loading')} />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  return (
    <>
      <p>{t('history.intro', { days: SIGN_IN_HISTORY_DAYS })}</p>
      {history.data.length === 0 ? (
        <p className="muted">{t('history.none', { days: SIGN_IN_HISTORY_DAYS })}</p>
      ) : (
        <ul className="item-list">
          {history.data.map((entry, i) => (
            <li key={`${entry.hour}-${i}`} className="item-list__row">
              <span>
                <strong>{t(describe(entry))}</strong>
                <br />
                <span className="muted">
                  <time dateTime={entry.hour}>{t('history.around', { time: format.dateTime(entry.hour) })}</time> · {deviceText(entry.deviceKind, t)}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
