import { Injectable } from '@nestjs/common';
import type { AuthorView, PresenceView } from '@kindred/contracts';
import { channel, type ChatNamespace } from './socket-context.js';

/**
 * Presence is read from the live sockets themselves (`fetchSockets`, which the Redis
 * adapter answers across instances), so there is no separate state to drift or to clean.
 */
@Injectable()
export class PresenceService {
  async snapshot(server: ChatNamespace, roomId: string): Promise<PresenceView> {
    const sockets = await server.in(channel.room(roomId)).fetchSockets();
    const members = new Map<string, AuthorView>();
    for (const socket of sockets) {
      if (socket.data?.showPresence) members.set(socket.data.userId, { id: socket.data.userId, handle: socket.data.handle });
    }
    const list = [...members.values()].sort((a, b) => a.handle.localeCompare(b.handle));
    return { roomId, count: list.length, members: list };
  }

  async broadcast(server: ChatNamespace, roomId: string): Promise<void> {
    server.to(channel.room(roomId)).emit('presence', await this.snapshot(server, roomId));
  }
}
