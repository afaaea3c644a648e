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

export function SetupPage() {
  useDocumentTitle('Set up');
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
      <h1>Set up Kindred</h1>
      {done ? (
        <StatusMessage tone="success">
          The admin account is ready and you are signed in. <AppLink to="/">Go to the rooms</AppLink>.
        </StatusMessage>
      ) : status.isPending ? (
        <LoadingState label="Checking whether setup is needed…" />
      ) : status.isError ? (
        <ErrorState error={status.error} onRetry={() => void status.refetch()} />
      ) : !status.data.needed ? (
        <StatusMessage>
          Setup is already complete. <AppLink to="/login">Log in</AppLink>.
        </StatusMessage>
      ) : (
        <>
          <p className="lead">
            Create the first admin account. The one-time setup link from the server console works only until this is
            done.
          </p>
          <SetupForm linkToken={token} onDone={onDone} />
        </>
      )}
    </div>
  );
}
