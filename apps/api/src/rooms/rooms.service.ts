import { Injectable } from '@nestjs/common';
import type { RoomDetail, RoomSummary } from '@kindred/contracts';
import type { AccessGrant } from '../access/access.service.js';
import { Clock } from '../common/clock.js';
import { DomainEvents } from '../common/events/domain-events.js';
import { renderMarkdown } from '../common/sanitize/markdown.js';
import { ModerationLogService } from '../moderation/moderation-log.service.js';
import { SafetyService } from '../safety/safety.service.js';
import { ReadMarkerRepository } from '../threads/read-marker.repository.js';
import { ThreadRepository } from '../threads/thread.repository.js';
import type { CreateRoomDto, UpdateRoomDto } from './dto/room.dto.js';
import { RoomEntity } from './room.entity.js';
import { RoomFollowRepository } from './room-follow.repository.js';
import { RoomRepository } from './room.repository.js';
import { RoomSummaryDto } from './dto/room-summary.dto.js';

@Injectable()
export class RoomsService {
  constructor(
    private readonly rooms: RoomRepository,
    private readonly threads: ThreadRepository,
    private readonly readMarkers: ReadMarkerRepository,
    private readonly safety: SafetyService,
    private readonly log: ModerationLogService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
    private readonly follows: RoomFollowRepository,
  ) {}

  /** Listed rooms for everyone, plus hidden rooms the viewer belongs to (or all, for staff). */
  async directory(grant: AccessGrant): Promise<RoomSummary[]> {
    const user = grant.actor;
    const rooms = await this.rooms.visibleTo(user && { id: user.id, staff: grant.canModerate });
    if (!user) return rooms.map((room) => RoomSummaryDto.from(room));
    // The viewer's place in every room in two queries, not one request per room; what is new
    // in their rooms in one more, filtered by their settings as their thread pages are.
    const filter = await this.safety.viewerFilter(user.id);
    const [{ roles, pending: waiting }, unread] = await Promise.all([
      this.rooms.placesOf(user.id),
      this.readMarkers.roomCounts(user.id, filter.hiddenCategories, filter.blockedUserIds, filter.hiddenPattern),
    ]);
    return rooms.map((room) => {
      const counts = unread.get(room.id);
      return {
        ...RoomSummaryDto.from(room),
        viewer: { isMember: roles.has(room.id), role: roles.get(room.id) ?? null, joinRequestPending: waiting.has(room.id) },
        ...(counts ? { unread: counts } : {}),
      };
    });
  }

  async detail(grant: AccessGrant): Promise<RoomDetail> {
    const room = grant.room!;
    const [memberCount, threadCount] = await Promise.all([this.rooms.memberCount(room.id), this.threads.countPublished(room.id)]);
    const [pending, following] = grant.actor ? await Promise.all([this.rooms.hasPendingRequest(room.id, grant.actor.id), this.follows.isFollowing(room.id, grant.actor.id)]) : [false, false];
    return {
      ...RoomSummaryDto.from(room),
      guidelines: room.guidelines,
      guidelinesHtml: renderMarkdown(room.guidelines),
      requireContentWarning: room.requireContentWarning,
      defaultWarnings: room.defaultWarnings,
      premoderateFirstPosts: room.premoderateFirstPosts,
      threadSlowModeSeconds: room.threadSlowModeSeconds,
      memberCount,
      threadCount,
      viewer: {
        isMember: !!grant.membership,
        role: grant.membership?.role ?? null,
        canModerate: grant.canModerate,
        joinRequestPending: pending,
        following,
      },
    };
  }

  async create(grant: AccessGrant, dto: CreateRoomDto): Promise<RoomEntity> {
    const actor = grant.actor!;
    const room = await this.rooms.create({ ...dto, slug: dto.slug.toLowerCase() });
    await this.log.record({ actorId: actor.id, roomId: room.id, action: 'room.create', targetType: 'room', targetId: room.id, reason: 'Room created' });
    return room;
  }

  /**
   * `staff` is the gate's answer to `room.administer`, asked by the caller only when the change
   * touches more than a room moderator may change (ROOM_MODERATOR_FIELDS).
   */
  async update(grant: AccessGrant, dto: UpdateRoomDto): Promise<RoomEntity> {
    // The grant's room is the gate's shared (frozen) copy: the change is made on a new one.
    const room = Object.assign(new RoomEntity(), grant.room!);
    // DTO instances carry every declared field, unset ones as undefined: copy only what was sent.
    const changed = settingsIn(dto);
    Object.assign(room, Object.fromEntries(changed.map((key) => [key, dto[key as keyof UpdateRoomDto]])));
    const saved = await this.rooms.save(room);
    await this.events.announce('room.updated', { roomId: room.id });
    await this.log.record({
      actorId: grant.actor!.id,
      roomId: room.id,
      action: 'room.configure',
      targetType: 'room',
      targetId: room.id,
      reason: dto.reason ?? 'Room settings changed',
      details: { changed },
    });
    return saved;
  }

  /** Never a delete: an archived room keeps everything, read-only and out of the directory. */
  async setArchived(grant: AccessGrant, archived: boolean, reason: string): Promise<void> {
    const room = grant.room!;
    if (!!room.archivedAt === archived) return;
    await this.rooms.setArchivedAt(room.id, archived ? this.clock.now() : null);
    await this.events.announce('room.updated', { roomId: room.id });
    await this.log.record({ actorId: grant.actor!.id, roomId: room.id, action: archived ? 'room.archive' : 'room.restore', targetType: 'room', targetId: room.id, reason });
  }
}

/** The settings a change names (the reason is not a setting). */
export function settingsIn(dto: UpdateRoomDto): string[] {
  return Object.keys(dto).filter((key) => key !== 'reason' && dto[key as keyof UpdateRoomDto] !== undefined);
}
