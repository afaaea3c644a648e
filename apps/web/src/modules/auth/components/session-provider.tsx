import type { CurrentUser } from '@kindred/contracts';
import type { ReactNode } from 'react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { toDisplayError } from '../../../shared/lib/api-client';
import { fetchCurrentUser } from '../api/auth-api';
import type { Session, SessionState } from '../hooks/session-context';
import { SessionContext } from '../hooks/session-context';

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    fetchCurrentUser(controller.signal)
      .then((user) => setState({ status: 'ready', user }))
      .catch((cause: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: 'error', message: toDisplayError(cause).message });
      });
    return () => controller.abort();
  }, [generation]);

  const setUser = useCallback((user: CurrentUser | null) => {
    setState({ status: 'ready', user });
  }, []);
  const refresh = useCallback(() => setGeneration((n) => n + 1), []);

  const session = useMemo<Session>(() => ({ state, setUser, refresh }), [state, setUser, refresh]);
  return <SessionContext value={session}>{children}</SessionContext>;
}
