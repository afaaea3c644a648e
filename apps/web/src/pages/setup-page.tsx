import type { CurrentUser } from '@kindred/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSession } from '../modules/auth/hooks/use-session';
import { fetchSetupStatus } from '../modules/setup/api/setup-api';
import { SetupForm } from '../modules/setup/components/setup-form';
import { useSetupToken } from '../modules/setup/lib/setup-token';
import { useDocumentTitle } from '../shared/lib/use-document-title';
import { AppLink } from '../shared/ui/app-link';
import { ErrorState, LoadingState } from '../shared/ui/query-state';
import { StatusMessage } from '../shared/ui/status-message';
import { useT } from '../shared/i18n/use-t';
import { T } from '../shared/i18n/t';

export function SetupPage() {
  const t = useT();
  useDocumentTitle(t('setup.documentTitle'));
  // Read during the first render so the fragment leaves the address bar right away.
  const token = useSetupToken();
  const session = useSession();
  const [done, setDone] = useState(false);
  const status = useQuery({ queryKey: ['setup-status'], queryFn: ({ signal }) => fetchSetupStatus(signal), enabled: !done });

  function onDone(user: CurrentUser | undefined) {
    if (user && typeof user.handle === 'string') session.setUser(user);
    else session.refresh();
    setDone(true);
  }

  return (
    <div className="page">
      <h1>{t('setup.title')}</h1>
      {done ? (
        <StatusMessage tone="success">
          <T id="setup.done" components={{ link: <AppLink to="/" /> }} />
        </StatusMessage>
      ) : status.isPending ? (
        <LoadingState label={t('setup.checking')} />
      ) : status.isError ? (
        <ErrorState error={status.error} onRetry={() => void status.refetch()} />
      ) : !status.data.needed ? (
        <StatusMessage>
          <T id="setup.alreadyComplete" components={{ link: <AppLink to="/login" /> }} />
        </StatusMessage>
      ) : (
        <>
          <p className="lead">{t('setup.lead')}</p>
          <SetupForm linkToken={token} onDone={onDone} />
        </>
      )}
    </div>
  );
}
