import type { ReactNode } from 'react';
import { useCallback } from 'react';
import { useSession } from '../modules/auth/hooks/use-session';
import { RealtimeProvider } from '../shared/realtime/realtime-provider';

/** The app-wide socket follows the session: opened on sign-in, closed on sign-out. */
export function SessionRealtime({ children }: { children: ReactNode }) {
  const { user, setUser } = useSession();
  const endSession = useCallback(() => setUser(null), [setUser]);
  return (
    <RealtimeProvider userId={user?.id ?? null} onSessionEnded={endSession}>
      {children}
    </RealtimeProvider>
  );
}
