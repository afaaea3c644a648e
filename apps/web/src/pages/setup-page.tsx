import type { CurrentUser, SetupStatus } from '@kindred/contracts';
import { useEffect, useState } from 'react';
import { useSession } from '../modules/auth/hooks/session-context';
import { fetchSetupStatus } from '../modules/setup/api/setup-api';
import { SetupForm } from '../modules/setup/components/setup-form';
import { takeSetupToken } from '../modules/setup/lib/setup-token';
import { toDisplayError } from '../shared/lib/api-client';
import { Link } from '../shared/ui/link';
import { StatusMessage } from '../shared/ui/status-message';

type StatusState =
  | { status: 'loading' }
  | { status: 'ready'; setup: SetupStatus }
  | { status: 'error'; message: string }
  | { status: 'done' };

export function SetupPage() {
  // Runs during the first render so the fragment leaves the address bar right away.
  const [token] = useState(takeSetupToken);
  const session = useSession();
  const [state, setState] = useState<StatusState>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    fetchSetupStatus(controller.signal)
      .then((setup) => setState({ status: 'ready', setup }))
      .catch((cause: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: 'error', message: toDisplayError(cause).message });
      });
    return () => controller.abort();
  }, []);

  function onDone(user: CurrentUser | undefined) {
    if (user && typeof user.handle === 'string') session.setUser(user);
    else session.refresh();
    setState({ status: 'done' });
  }

  return (
    <>
      <h1>Set up Kindred</h1>
      {state.status === 'loading' && <StatusMessage>Checking whether setup is needed…</StatusMessage>}
      {state.status === 'error' && (
        <div className="notice notice--error" role="alert">
          <p>{state.message}</p>
        </div>
      )}
      {state.status === 'ready' && !state.setup.needed && (
        <StatusMessage>
          Setup is already complete. <Link to="/login">Log in</Link>.
        </StatusMessage>
      )}
      {state.status === 'ready' && state.setup.needed && (
        <>
          <p className="lead">
            Create the first admin account. The one-time setup link from the server console
            works only until this is done.
          </p>
          <SetupForm initialToken={token} onDone={onDone} />
        </>
      )}
      {state.status === 'done' && (
        <StatusMessage tone="success">
          The admin account is ready and you are signed in. <Link to="/">Go to the home page</Link>.
        </StatusMessage>
      )}
    </>
  );
}
