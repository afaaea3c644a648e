import { type BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import type { AuthorView, PresenceView } from '@kindred/contracts';
import { SafetyService } from '../safety/safety.service.js';
import { channel, type ChatNamespace } from './socket-context.js';

type RoomSocket = Awaited<ReturnType<ReturnType<ChatNamespace['in']>['fetchSockets']>>[number];

/**
 * Presence is read from the live sockets themselves (`fetchSockets`, which the Redis
 * adapter answers across instances), so there is no separate state to drift or to clean.
 *
 * Blocks cover presence both ways: a member never sees someone they blocked in "here now",
 * and never sees someone who blocked them (so a blocked person cannot watch for the other to
 * come online). Both come from the members' cached filters, so telling a room costs no query.
 */
@Injectable()
export class PresenceService implements BeforeApplicationShutdown {
  /** Rooms with a broadcast already scheduled for this turn of the event loop. */
  private readonly pending = new Map<string, Promise<void>>();
  private closing = false;

  constructor(private readonly safety: SafetyService) {}

  /** Sockets dropped by our own shutdown need no announcement (the Redis link is going too). */
  beforeApplicationShutdown(): void {
    this.closing = true;
  }

  /** Who is here now, as `viewerId` may see it. */
  async snapshot(server: ChatNamespace, roomId: string, viewerId: string): Promise<PresenceView> {
    const members = visibleMembers(await this.roomSockets(server, roomId));
    const hidden = await this.hiddenFrom([viewerId], [...members.keys()]);
    return view(roomId, members, hidden.get(viewerId));
  }

  /**
   * Tells the room who is here now. Requests for the same room within one turn of the event
   * loop share one snapshot and one emit: when many sockets drop at once (a network blip, a
   * reconnect storm), a room hears the final state once instead of once per departure.
   * `exceptSocketId`: a member who just joined and has the list in their answer already.
   */
  broadcast(server: ChatNamespace, roomId: string, exceptSocketId?: string): Promise<void> {
    const key = exceptSocketId ? `${roomId}:${exceptSocketId}` : roomId;
    const scheduled = this.pending.get(key);
    if (scheduled) return scheduled;
    const run = new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
      this.pending.delete(key);
      if (this.closing) return;
      await this.tell(server, roomId, exceptSocketId);
    });
    this.pending.set(key, run);
    return run;
  }

  /** One emit to the room, and a list of its own to each member a block hides someone from. */
  private async tell(server: ChatNamespace, roomId: string, exceptSocketId?: string): Promise<void> {
    const sockets = await this.roomSockets(server, roomId);
    if (this.closing) return;
    const members = visibleMembers(sockets);
    const hidden = await this.hiddenFrom(
      sockets.map((s) => s.data.userId),
      [...members.keys()],
    );
    const tailored = sockets.filter((s) => s.id !== exceptSocketId && hidden.has(s.data.userId));
    const skip = [...tailored.map((s) => s.id), ...(exceptSocketId ? [exceptSocketId] : [])];
    const everyone = server.to(channel.room(roomId));
    (skip.length > 0 ? everyone.except(skip) : everyone).emit('presence', view(roomId, members));
    for (const socket of tailored) socket.emit('presence', view(roomId, members, hidden.get(socket.data.userId)));
  }

  private roomSockets(server: ChatNamespace, roomId: string): Promise<RoomSocket[]> {
    // With Redis away the cluster-wide look-up times out; this instance's own sockets are
    // still a truthful (partial) answer, better than failing someone's join.
    return server
      .in(channel.room(roomId))
      .fetchSockets()
      .catch(() => server.in(channel.room(roomId)).local.fetchSockets()) as Promise<RoomSocket[]>;
  }

  /** For each viewer, the present members a block stands between (either way); viewers with none are left out. */
  private async hiddenFrom(viewerIds: string[], memberIds: string[]): Promise<Map<string, Set<string>>> {
    const hidden = new Map<string, Set<string>>();
    if (memberIds.length === 0) return hidden;
    const people = [...new Set([...viewerIds, ...memberIds])];
    const filters = await Promise.all(people.map((id) => this.safety.viewerFilter(id)));
    const blocked = new Map(people.map((id, i) => [id, new Set(filters[i]!.blockedUserIds)]));
    const present = new Set(memberIds);
    const hide = (viewer: string, member: string) => {
      if (!hidden.has(viewer)) hidden.set(viewer, new Set());
      hidden.get(viewer)!.add(member);
    };
    const viewers = new Set(viewerIds);
    for (const viewer of viewers) {
      for (const member of blocked.get(viewer)!) if (present.has(member)) hide(viewer, member);
    }
    for (const member of present) {
      for (const viewer of blocked.get(member)!) if (viewers.has(viewer)) hide(viewer, member);
    }
    return hidden;
  }
}

function visibleMembers(sockets: RoomSocket[]): Map<string, AuthorView> {
  const members = new Map<string, AuthorView>();
  for (const socket of sockets) {
    if (socket.data?.showPresence) members.set(socket.data.userId, { id: socket.data.userId, handle: socket.data.handle });
  }
  return members;
}

function view(roomId: string, members: Map<string, AuthorView>, hidden?: Set<string>): PresenceView {
  const list = [...members.values()].filter((m) => !hidden?.has(m.id)).sort((a, b) => a.handle.localeCompare(b.handle));
  return { roomId, count: list.length, members: list };
}
