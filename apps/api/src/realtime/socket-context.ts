import type { ChatClientToServerEvents, ChatServerToClientEvents, Role } from '@kindred/contracts';
import type { Namespace, Socket } from 'socket.io';

/** What a chat socket carries after the handshake (serialisable: other instances read it too). */
export interface SocketData {
  userId: string;
  handle: string;
  role: Role;
  sessionId: string;
  showPresence: boolean;
  showTyping: boolean;
  /** When the session was last confirmed live; re-checked on events after a while. */
  validatedAt: number;
}

export type ChatSocket = Socket<ChatClientToServerEvents, ChatServerToClientEvents, Record<string, never>, SocketData>;
export type ChatNamespace = Namespace<ChatClientToServerEvents, ChatServerToClientEvents, Record<string, never>, SocketData>;

/** Socket.IO rooms (channels) used by the chat namespace. */
export const channel = {
  room: (roomId: string) => `room:${roomId}`,
  user: (userId: string) => `user:${userId}`,
  session: (sessionId: string) => `session:${sessionId}`,
  /**
   * One member's sockets that have joined one room's chat. A hidden message's placeholder goes
   * here (socket.io cannot address "in room R and user U" otherwise). Not `room:`-prefixed, so
   * presence clean-up does not take it for a room.
   */
  reader: (roomId: string, userId: string) => `reader:${roomId}:${userId}`,
  /** Moderators of one room, and global moderators (who see every room's queue). */
  moderators: (roomId: string) => `mod:room:${roomId}`,
  globalModerators: 'mod:global',
};
