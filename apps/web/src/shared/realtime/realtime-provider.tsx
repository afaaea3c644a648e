import type { ReactNode } from 'react';
import { useEffect, useMemo } from 'react';
import { RealtimeConnection } from './realtime-connection';
import { RealtimeContext } from './use-realtime';

interface RealtimeProviderProps {
  /** The signed-in member, or null: no socket is opened without a session. */
  userId: string | null;
  /** The server ended the session (signed out elsewhere, banned, quick exit). */
  onSessionEnded: () => void;
  children: ReactNode;
}

/**
 * One socket for the signed-in member, shared by the chat panel, live notifications and the
 * moderator dashboard. It closes when they sign out, and a new one opens for a new session.
 */
export function RealtimeProvider({ userId, onSessionEnded, children }: RealtimeProviderProps) {
  // Created during render (no network until start()), so every consumer sees it at once.
  const connection = useMemo(() => (userId ? new RealtimeConnection(onSessionEnded) : null), [userId, onSessionEnded]);

  useEffect(() => {
    if (!connection) return;
    connection.start();
    return () => connection.stop();
  }, [connection]);

  return <RealtimeContext value={connection}>{children}</RealtimeContext>;
}
