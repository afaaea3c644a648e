import { type BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import type { AuthorView, PresenceView } from '@kindred/contracts';
import { DomainEvents } from '../common/events/domain-events.js';
import { SafetyService } from '../safety/safety.service.js';
import { channel, type ChatNamespace } from './socket-context.js';

type RoomSocket = Awaited<ReturnType<ReturnType<ChatNamespace['in']>['fetchSockets']>>[number];

/**
 * A room hears who is here at most once per this long. A reconnect storm brings a room's
 * members back one by one over seconds; each list supersedes the one before, so telling the
 * room once per second (the last list always sent) costs a fraction of telling it per join.
 */
const PRESENCE_INTERVAL_MS = 1_000;

/** One room's presence broadcasts: when it was last told, and the next telling if one is due. */
interface RoomTelling {
  lastAt: number;
  next?: Promise<void>;
  /** The joiner whose own answer already holds the list; cleared when any other request joins the telling. */
  except?: string;
  running: boolean;
}

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
  /** Rooms told within the last interval, or with a telling due. */
  private readonly rooms = new Map<string, RoomTelling>();
  private closing = false;
  private attached = false;

  constructor(
    private readonly safety: SafetyService,
    private readonly events: DomainEvents,
  ) {}

  /**
   * A block or unblock changes what the two may see of each other in every room they share, at
   * once rather than at the room's next join or leave: each instance tells again the rooms its
   * own sockets of the blocker are in (the telling reads the room across instances, and gives
   * each of the two their own list).
   */
  attach(server: ChatNamespace): void {
    if (this.attached) return;
    this.attached = true;
    this.events.on('block.changed', ({ blockerId }) => void this.retellRoomsOf(server, blockerId).catch(() => undefined));
  }

  private async retellRoomsOf(server: ChatNamespace, userId: string): Promise<void> {
    const sockets = await server.local.in(channel.user(userId)).fetchSockets();
    const rooms = new Set(sockets.flatMap((socket) => [...socket.rooms].filter((r) => r.startsWith(channel.room('')))));
    await Promise.all([...rooms].map((room) => this.broadcast(server, room.slice(channel.room('').length))));
  }

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
   * Tells the room who is here now: at once when the room was not told within the last
   * PRESENCE_INTERVAL_MS, else once that interval is up. Requests meanwhile share that telling,
   * which reads the room as it is when it runs, so the last list anyone gets is current.
   * `exceptSocketId`: a member who just joined and has the list in their answer already; left
   * out only when their join alone asked for this telling and none was under way (any other
   * change since could make their list stale).
   */
  broadcast(server: ChatNamespace, roomId: string, exceptSocketId?: string): Promise<void> {
    const room = this.rooms.get(roomId) ?? { lastAt: Number.NEGATIVE_INFINITY, running: false };
    this.rooms.set(roomId, room);
    if (room.next) {
      room.except = undefined;
      return room.next;
    }
    room.except = room.running ? undefined : exceptSocketId;
    const wait = room.lastAt + PRESENCE_INTERVAL_MS - Date.now();
    room.next = new Promise<void>((resolve) => (wait > 0 ? setTimeout(resolve, wait).unref() : setImmediate(resolve))).then(async () => {
      const except = room.except;
      room.next = undefined;
      room.lastAt = Date.now();
      room.running = true;
      try {
        if (!this.closing) await this.tell(server, roomId, except);
      } finally {
        room.running = false;
        this.forgetWhenQuiet(roomId, room);
      }
    });
    return room.next;
  }

  /** A room not told again within the interval needs no entry: its next telling is immediate anyway. */
  private forgetWhenQuiet(roomId: string, room: RoomTelling): void {
    setTimeout(() => {
      if (!room.next && !room.running && this.rooms.get(roomId) === room) this.rooms.delete(roomId);
    }, PRESENCE_INTERVAL_MS).unref();
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
