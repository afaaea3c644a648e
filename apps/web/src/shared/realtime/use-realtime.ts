import type { ChatServerToClientEvents } from '@kindred/contracts';
import { createContext, use, useEffect, useRef, useSyncExternalStore } from 'react';
import type { RealtimeConnection, ConnectionStatus } from './realtime-connection';

export const RealtimeContext = createContext<RealtimeConnection | null>(null);

/** The shared socket connection, or null when nobody is signed in. */
export function useRealtimeConnection(): RealtimeConnection | null {
  return use(RealtimeContext);
}

const noSubscription = () => () => undefined;
const idle = (): ConnectionStatus => 'connecting';

export function useConnectionStatus(connection: RealtimeConnection | null): ConnectionStatus {
  return useSyncExternalStore(connection?.subscribe ?? noSubscription, connection?.getStatus ?? idle);
}

/** Runs `handler` for every `event` the server sends on the shared socket. */
export function useSocketEvent<E extends keyof ChatServerToClientEvents>(event: E, handler: ChatServerToClientEvents[E]): void {
  const connection = useRealtimeConnection();
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
