import type { CurrentUser } from '@kindred/contracts';
import { createContext, useContext } from 'react';

export type SessionState =
  | { status: 'loading' }
  | { status: 'ready'; user: CurrentUser | null }
  | { status: 'error'; message: string };

export interface Session {
  state: SessionState;
  /** Call after the server has started or ended a session (login, register, setup, logout). */
  setUser: (user: CurrentUser | null) => void;
  refresh: () => void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}
