import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { JoinRequestStatus, Role, RoomVisibility, type RoomDetail, type RoomRole, type RoomSummary } from '@kindred/contracts';
import { Repository } from 'typeorm';
import type { AccessGrant, Actor } from '../access/access.service.js';
import { renderMarkdown } from '../common/sanitize/markdown.js';
import { ModerationLogService } from '../moderation/moderation-log.service.js';
import type { CreateRoomDto, UpdateRoomDto } from './dto/room.dto.js';
import { JoinRequestEntity } from './join-request.entity.js';
import { RoomEntity } from './room.entity.js';
import { RoomSummaryDto } from './dto/room-summary.dto.js';

@Injectable()
export class RoomsService {
  constructor(
    @InjectRepository(RoomEntity) private readonly rooms: Repository<RoomEntity>,
    @InjectRepository(JoinRequestEntity) private readonly joinRequests: Repository<JoinRequestEntity>,
    private readonly log: ModerationLogService,
  ) {}

  /** Listed rooms for everyone, plus hidden rooms the viewer belongs to (or all, for staff). */
  async directory(user: Actor | undefined): Promise<RoomSummary[]> {
    const staff = user && user.role !== Role.Member;
    const query = this.rooms.createQueryBuilder('r').orderBy('r.name', 'ASC');
    if (!user) query.where('r.visibility = :listed', { listed: RoomVisibility.Listed });
    else if (!staff) {
      query.where('r.visibility = :listed OR EXISTS (SELECT 1 FROM room_memberships m WHERE m.room_id = r.id AND m.user_id = :uid)', {
        listed: RoomVisibility.Listed,
        uid: user.id,
      });
    }
    const rooms = await query.getMany();
    if (!user) return rooms.map((room) => RoomSummaryDto.from(room));
    // The viewer's place in every room in two queries, not one request per room.
    const [memberships, pending] = await Promise.all([
      this.rooms.query('SELECT room_id, role FROM room_memberships WHERE user_id = $1', [user.id]) as Promise<{ room_id: string; role: RoomRole }[]>,
      this.rooms.query(`SELECT room_id FROM join_requests WHERE user_id = $1 AND status = 'pending'`, [user.id]) as Promise<{ room_id: string }[]>,
    ]);
    const roles = new Map(memberships.map((m) => [m.room_id, m.role]));
    const waiting = new Set(pending.map((p) => p.room_id));
    return rooms.map((room) => ({
      ...RoomSummaryDto.from(room),
      viewer: { isMember: roles.has(room.id), role: roles.get(room.id) ?? null, joinRequestPending: waiting.has(room.id) },
    }));
  }

  async detail(grant: AccessGrant): Promise<RoomDetail> {
    const room = grant.room!;
    const [counts] = (await this.rooms.query(
      `SELECT (SELECT count(*)::int FROM room_memberships WHERE room_id = $1) AS members,
              (SELECT count(*)::int FROM threads WHERE room_id = $1 AND status = 'published') AS threads`,
      [room.id],
    )) as { members: number; threads: number }[];
    const pending = grant.actor
      ? await this.joinRequests.exists({ where: { roomId: room.id, userId: grant.actor.id, status: JoinRequestStatus.Pending } })
      : false;
    return {
      ...RoomSummaryDto.from(room),
      guidelines: room.guidelines,
      guidelinesHtml: renderMarkdown(room.guidelines),
      requireContentWarning: room.requireContentWarning,
      defaultWarnings: room.defaultWarnings,
      premoderateFirstPosts: room.premoderateFirstPosts,
      threadSlowModeSeconds: room.threadSlowModeSeconds,
      memberCount: counts?.members ?? 0,
      threadCount: counts?.threads ?? 0,
      viewer: {
        isMember: !!grant.membership,
        role: grant.membership?.role ?? null,
        canModerate: grant.canModerate,
        joinRequestPending: pending,
      },
    };
  }

  async create(actor: Actor, dto: CreateRoomDto): Promise<RoomEntity> {
    const room = await this.rooms.save(this.rooms.create({ ...dto, slug: dto.slug.toLowerCase() }));
    await this.log.record({ actorId: actor.id, roomId: room.id, action: 'room.create', targetType: 'room', targetId: room.id, reason: 'Room created' });
    return room;
  }

  async update(grant: AccessGrant, dto: UpdateRoomDto): Promise<RoomEntity> {
    const room = grant.room!;
    // DTO instances carry every declared field, unset ones as undefined: copy only what was sent.
    const changed = Object.keys(dto).filter((key) => dto[key as keyof UpdateRoomDto] !== undefined);
    Object.assign(room, Object.fromEntries(changed.map((key) => [key, dto[key as keyof UpdateRoomDto]])));
    const saved = await this.rooms.save(room);
    await this.log.record({
      actorId: grant.actor!.id,
      roomId: room.id,
      action: 'room.configure',
      targetType: 'room',
      targetId: room.id,
      reason: 'Room settings changed',
      details: { changed },
    });
    return saved;
  }
}
