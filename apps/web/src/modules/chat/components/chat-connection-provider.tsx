import type { ReactNode } from 'react';
import { useEffect, useMemo } from 'react';
import { useSession } from '../../auth/hooks/use-session';
import { ChatConnection } from '../lib/chat-connection';
import { ChatConnectionContext } from '../hooks/use-chat-connection';

/**
 * One socket for the signed-in member, shared by the chat panel, live notifications and the
 * moderator dashboard. It closes when they sign out, and a new one opens for a new session.
 */
export function ChatConnectionProvider({ children }: { children: ReactNode }) {
  const { user, setUser } = useSession();
  const userId = user?.id ?? null;

  // Created during render (no network until start()), so every consumer sees it at once.
  const connection = useMemo(() => (userId ? new ChatConnection(() => setUser(null)) : null), [userId, setUser]);

  useEffect(() => {
    if (!connection) return;
    connection.start();
    return () => connection.stop();
  }, [connection]);

  return <ChatConnectionContext value={connection}>{children}</ChatConnectionContext>;
}
