import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { showCrisisSupport } from '../../safety/lib/crisis-support';
import { RoomChatStore, type RoomChatSnapshot } from '../lib/room-chat-store';
import { useRealtimeConnection } from '../../../shared/realtime/use-realtime';

const noSubscription = () => () => undefined;
const noSnapshot = (): RoomChatSnapshot | null => null;

/** The live chat of one room for the signed-in member; null until there is a connection. */
export function useRoomChat(roomId: string, viewerId: string | undefined, enabled: boolean) {
  const connection = useRealtimeConnection();
  const store = useMemo(
    () =>
      connection && viewerId && enabled
        ? new RoomChatStore(connection.socket, roomId, viewerId, (resources) => showCrisisSupport(resources, 'chat'))
        : null,
    [connection, roomId, viewerId, enabled],
  );

  useEffect(() => {
    if (!store) return;
    store.start();
    return () => store.stop();
  }, [store]);

  const snapshot = useSyncExternalStore(store?.subscribe ?? noSubscription, store?.getSnapshot ?? noSnapshot);
  return { store, snapshot, connection };
}
