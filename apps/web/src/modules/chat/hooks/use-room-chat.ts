import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { ChatMessageView, CrisisResource } from '@kindred/contracts';
import { showCrisisSupport, withCategories } from '../../safety/lib/crisis-support';
import type { RealtimeSocket } from '../../../shared/realtime/realtime-connection';
import { roomChannel, type ChatChannel } from '../lib/chat-channel';
import { RoomChatStore, type RoomChatSnapshot } from '../lib/room-chat-store';
import { useRealtimeConnection } from '../../../shared/realtime/use-realtime';

const noSubscription = () => () => undefined;
const noSnapshot = (): RoomChatSnapshot | null => null;

/** The live chat of one room for the signed-in member; null until there is a connection. */
export function useRoomChat(roomId: string, viewerId: string | undefined, enabled: boolean) {
  return useLiveChat(roomChannel, roomId, viewerId, enabled);
}

/**
 * One live chat (a room's or a private conversation's, by `channelFor`) on the shared socket
 * for the signed-in member; null until there is a connection.
 */
export function useLiveChat(
  channelFor: (socket: RealtimeSocket, id: string) => ChatChannel,
  id: string,
  viewerId: string | undefined,
  enabled: boolean,
) {
  const connection = useRealtimeConnection();
  const store = useMemo(() => {
    if (!connection || !viewerId || !enabled) return null;
    // The author's own live copy carries the warning added automatically; they may make it theirs (an edit).
    const onSupport = (resources: CrisisResource[], message: ChatMessageView) =>
      showCrisisSupport(resources, 'chat', {
        categories: message.warning.automatic ?? [],
        apply: async () => {
          const refused = await created.edit(message.id, message.body, withCategories(message.warning, message.warning.automatic ?? []));
          if (refused) throw new Error(refused.message);
        },
      });
    const created = new RoomChatStore(connection.socket, channelFor(connection.socket, id), viewerId, onSupport);
    return created;
  }, [connection, channelFor, id, viewerId, enabled]);

  useEffect(() => {
    if (!store) return;
    store.start();
    return () => store.stop();
  }, [store]);

  const snapshot = useSyncExternalStore(store?.subscribe ?? noSubscription, store?.getSnapshot ?? noSnapshot);
  return { store, snapshot, connection };
}
