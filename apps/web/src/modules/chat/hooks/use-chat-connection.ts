import type { ChatServerToClientEvents } from '@kindred/contracts';
import { createContext, use, useEffect, useRef, useSyncExternalStore } from 'react';
import type { ChatConnection, ConnectionStatus } from '../lib/chat-connection';

export const ChatConnectionContext = createContext<ChatConnection | null>(null);

/** The shared socket connection, or null when nobody is signed in. */
export function useChatConnection(): ChatConnection | null {
  return use(ChatConnectionContext);
}

const noSubscription = () => () => undefined;
const idle = (): ConnectionStatus => 'connecting';

export function useConnectionStatus(connection: ChatConnection | null): ConnectionStatus {
  return useSyncExternalStore(connection?.subscribe ?? noSubscription, connection?.getStatus ?? idle);
}

/** Runs `handler` for every `event` the server sends on the shared socket. */
export function useSocketEvent<E extends keyof ChatServerToClientEvents>(event: E, handler: ChatServerToClientEvents[E]): void {
  const connection = useChatConnection();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  }, [handler]);

  useEffect(() => {
    if (!connection) return;
    const listener = (...args: unknown[]) => (latest.current as (...a: unknown[]) => void)(...args);
    connection.socket.on(event, listener as never);
    return () => {
      connection.socket.off(event, listener as never);
    };
  }, [connection, event]);
}
