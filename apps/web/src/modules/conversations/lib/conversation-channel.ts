import type { ChatAck, ChatItem } from '@kindred/contracts';
import type { RealtimeSocket } from '../../../shared/realtime/realtime-connection';
import { localRefusal, OFFLINE_MESSAGE, requestOrRefusal, socketRequest } from '../../../shared/realtime/socket-request';
import { noAnswerIsUnknown, type ChatChannel } from '../../chat/lib/chat-channel';
import { fetchMessagesBefore } from '../api/conversations-api';

/**
 * A private conversation as a live chat: the `conversation:*` events carry it on the same
 * socket and server pipeline as a room's chat. Older pages come over REST (conversations
 * have no socket history), and what arrives while it is open is marked read.
 */
export function conversationChannel(socket: RealtimeSocket, conversationId: string): ChatChannel {
  return {
    id: conversationId,
    join: async (from) => {
      const ack = await socketRequest(socket, 'conversation:join', from ? { conversationId, ...from } : { conversationId });
      return ack.ok ? { ...ack, state: null, presence: null } : ack;
    },
    leave: () => void socketRequest(socket, 'conversation:leave', { conversationId }).catch(() => undefined),
    send: (pending) =>
      socketRequest(socket, 'conversation:send', {
        conversationId,
        clientId: pending.clientId,
        body: pending.body,
        ...(pending.warning ? { warning: pending.warning } : {}),
      }).catch(noAnswerIsUnknown),
    typing: (typing) => void socketRequest(socket, 'conversation:typing', { conversationId, typing }).catch(() => undefined),
    history: async (beforeSeq, limit): Promise<ChatAck<{ messages: ChatItem[]; hasMore: boolean }>> => {
      if (beforeSeq === undefined) return { ok: true, messages: [], hasMore: false };
      try {
        const page = await fetchMessagesBefore(conversationId, beforeSeq, limit);
        return { ok: true, messages: page.items, hasMore: page.nextBefore !== null };
      } catch {
        return localRefusal(OFFLINE_MESSAGE);
      }
    },
    edit: (messageId, body, warning) => requestOrRefusal(socket, 'conversation:edit', warning ? { conversationId, messageId, body, warning } : { conversationId, messageId, body }),
    remove: (messageId) => requestOrRefusal(socket, 'conversation:delete', { conversationId, messageId }),
    read: (messageId) => void socketRequest(socket, 'conversation:read', { conversationId, messageId }).catch(() => undefined),
  };
}
