import type { CurrentUser } from '@kindred/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { clearDrafts } from '../../../shared/lib/drafts';
import { fetchCurrentUser } from '../api/auth-api';

export const ME_QUERY_KEY = ['me'] as const;

export type SessionState =
  | { status: 'loading' }
  | { status: 'ready'; user: CurrentUser | null }
  | { status: 'error'; error: unknown };

export interface Session {
  state: SessionState;
  /** The signed-in member, or null (also while loading). */
  user: CurrentUser | null;
  /** Call after the server has started or ended a session (login, register, setup, logout). */
  setUser: (user: CurrentUser | null) => void;
  refresh: () => void;
}

/**
 * True after the member logged out in this tab, until someone signs in again. The login page
 * then starts fresh instead of returning to the page that was open, which belonged to the
 * previous member (on a shared device, the next person must not land on it).
 */
let loggedOutHere = false;
export const wasLoggedOutHere = (): boolean => loggedOutHere;
export function markLoggedOutHere(): void {
  loggedOutHere = true;
}

export function useSession(): Session {
  const client = useQueryClient();
  const query = useQuery({
    queryKey: ME_QUERY_KEY,
    queryFn: ({ signal }) => fetchCurrentUser(signal),
    staleTime: 5 * 60_000,
  });

  const setUser = useCallback(
    (user: CurrentUser | null) => {
      // Someone else's (or a previous session's) data must never show after a switch.
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_QUERY_KEY[0] });
      clearDrafts();
      if (user) loggedOutHere = false;
      client.setQueryData(ME_QUERY_KEY, user);
    },
    [client],
  );
  const refresh = useCallback(() => void client.invalidateQueries({ queryKey: ME_QUERY_KEY }), [client]);

  let state: SessionState;
  if (query.isPending) state = { status: 'loading' };
  else if (query.isError) state = { status: 'error', error: query.error };
  else state = { status: 'ready', user: query.data };

  return { state, user: state.status === 'ready' ? state.user : null, setUser, refresh };
}
