import type { ChatAck, ChatError, ChatItem, ChatMessageView, ChatRoomState, ContentWarningInput, JoinChatResult, PresenceView, SendMessageResult } from '@kindred/contracts';
import type { RealtimeSocket } from '../../../shared/realtime/realtime-connection';
import { NoAckError, requestOrRefusal, socketRequest } from '../../../shared/realtime/socket-request';
import type { PendingMessage } from './chat-outbox';

/** A join's answer; a private conversation has no room state and shows no presence. */
export type ChannelJoinResult = Omit<JoinChatResult, 'state' | 'presence'> & { state: ChatRoomState | null; presence: PresenceView | null };

/**
 * Where one live chat's messages go and come from: a room's chat or a private conversation.
 * Both travel the same pipeline on the server; only the event names and ids differ, so the
 * store, outbox, log and typing tracker are shared and only this small port changes.
 */
export interface ChatChannel {
  /** The id messages carry as `roomId` (the conversation's id for a conversation). */
  readonly id: string;
  join(from: { lastMessageId: string; sinceChange?: number } | null): Promise<ChatAck<ChannelJoinResult>>;
  leave(): void;
  /** Null when no answer came in time (it may or may not have been saved). */
  send(message: PendingMessage): Promise<ChatAck<SendMessageResult> | null>;
  typing(typing: boolean): void;
  history(beforeSeq: number | undefined, limit: number): Promise<ChatAck<{ messages: ChatItem[]; hasMore: boolean }>>;
  edit(messageId: string, body: string, warning?: ContentWarningInput): Promise<ChatAck<{ message: ChatMessageView }>>;
  remove(messageId: string): Promise<ChatError | { ok: true }>;
  /** Everything up to this message has been read (only channels that keep unread counts). */
  read?(messageId: string): void;
}

export const noAnswerIsUnknown = (error: unknown) => {
  if (error instanceof NoAckError) return null;
  throw error;
};

/** A room's live chat. */
export function roomChannel(socket: RealtimeSocket, roomId: string): ChatChannel {
  return {
    id: roomId,
    join: (from) => socketRequest(socket, 'chat:join', from ? { roomId, ...from } : { roomId }),
    leave: () => void socketRequest(socket, 'chat:leave', { roomId }).catch(() => undefined),
    send: (pending) =>
      socketRequest(socket, 'message:send', { roomId, clientId: pending.clientId, body: pending.body, ...(pending.warning ? { warning: pending.warning } : {}) }).catch(noAnswerIsUnknown),
    typing: (typing) => void socketRequest(socket, 'typing', { roomId, typing }).catch(() => undefined),
    history: (beforeSeq, limit) => socketRequest(socket, 'chat:history', { roomId, ...(beforeSeq !== undefined ? { beforeSeq } : {}), limit }),
    edit: (messageId, body, warning) => requestOrRefusal(socket, 'message:edit', warning ? { messageId, body, warning } : { messageId, body }),
    remove: (messageId) => requestOrRefusal(socket, 'message:delete', { messageId }),
  };
}


