import { type BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import type { AuthorView, PresenceView } from '@kindred/contracts';
import { channel, type ChatNamespace } from './socket-context.js';

/**
 * Presence is read from the live sockets themselves (`fetchSockets`, which the Redis
 * adapter answers across instances), so there is no separate state to drift or to clean.
 */
@Injectable()
export class PresenceService implements BeforeApplicationShutdown {
  /** Rooms with a broadcast already scheduled for this turn of the event loop. */
  private readonly pending = new Map<string, Promise<void>>();
  private closing = false;

  /** Sockets dropped by our own shutdown need no announcement (the Redis link is going too). */
  beforeApplicationShutdown(): void {
    this.closing = true;
  }

  async snapshot(server: ChatNamespace, roomId: string): Promise<PresenceView> {
    // With Redis away the cluster-wide look-up times out; this instance's own sockets are
    // still a truthful (partial) answer, better than failing someone's join.
    const sockets = await server
      .in(channel.room(roomId))
      .fetchSockets()
      .catch(() => server.in(channel.room(roomId)).local.fetchSockets());
    const members = new Map<string, AuthorView>();
    for (const socket of sockets) {
      if (socket.data?.showPresence) members.set(socket.data.userId, { id: socket.data.userId, handle: socket.data.handle });
    }
    const list = [...members.values()].sort((a, b) => a.handle.localeCompare(b.handle));
    return { roomId, count: list.length, members: list };
  }

  /**
   * Tells the room who is here now. Requests for the same room within one turn of the event
   * loop share one snapshot and one emit: when many sockets drop at once (a network blip, a
   * reconnect storm), a room hears the final state once instead of once per departure.
   */
  broadcast(server: ChatNamespace, roomId: string): Promise<void> {
    const scheduled = this.pending.get(roomId);
    if (scheduled) return scheduled;
    const run = new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
      this.pending.delete(roomId);
      if (this.closing) return;
      const presence = await this.snapshot(server, roomId);
      if (this.closing) return;
      server.to(channel.room(roomId)).emit('presence', presence);
    });
    this.pending.set(roomId, run);
    return run;
  }
}
