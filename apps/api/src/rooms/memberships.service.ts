import { createHash, randomBytes } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  JoinOutcome,
  JoinPolicy,
  JoinRequestStatus,
  NotificationKind,
  RoomRole,
  type InviteView,
  type RoomModeratorView,
  type JoinRequestView,
  type JoinRoomResponse,
} from '@kindred/contracts';
import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import type { AccessGrant } from '../access/access.service.js';
import { Clock } from '../common/clock.js';
import { AppError } from '../common/errors/app-error.js';
import { DomainEvents } from '../common/events/domain-events.js';
import { ModerationLogService } from '../moderation/moderation-log.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { UserRepository } from '../users/user.repository.js';
import type { CreateInviteDto, DecideJoinRequestDto, JoinRoomDto } from './dto/room.dto.js';
import { JoinRequestEntity } from './join-request.entity.js';
import { RoomInviteEntity } from './room-invite.entity.js';
import { MembershipRepository } from './membership.repository.js';
import { RoomFollowRepository } from './room-follow.repository.js';
import { RoomMembershipEntity } from './room-membership.entity.js';

const hashCode = (code: string) => createHash('sha256').update(code.trim().toUpperCase()).digest('hex');
const inviteInvalid = () =>
  new AppError({ status: HttpStatus.BAD_REQUEST, code: ErrorCode.InviteInvalid, message: 'This invite code is not valid: it may have expired or been used up.' });

/** Joining, leaving, join requests, invites and room moderators. */
@Injectable()
export class MembershipsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly log: ModerationLogService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    private readonly users: UserRepository,
    private readonly events: DomainEvents,
    private readonly memberships: MembershipRepository,
    private readonly follows: RoomFollowRepository,
  ) {}

  /** `grant`: room.read. Following brings a notice for each new thread in the room. */
  async setFollowing(grant: AccessGrant, following: boolean): Promise<void> {
    await this.follows.setFollowed(grant.room!.id, grant.actor!.id, following);
  }

  /** After the commit: every instance's gate forgets this member's standing in the room. */
  private changed(roomId: string, userId: string): Promise<void> {
    return this.events.announce('membership.changed', { userId, roomId });
  }

  async join(grant: AccessGrant, dto: JoinRoomDto): Promise<JoinRoomResponse> {
    const room = grant.room!;
    const userId = grant.actor!.id;
    if (grant.membership) return { outcome: JoinOutcome.AlreadyMember };
    switch (room.joinPolicy) {
      case JoinPolicy.Open:
        await this.addMember(this.db.manager, room.id, userId);
        await this.changed(room.id, userId);
        return { outcome: JoinOutcome.Joined };
      case JoinPolicy.Invite:
        if (!dto.inviteCode) throw inviteInvalid();
        await this.db.transaction(async (manager) => {
          // Claim one use atomically: two people racing for the last use cannot both win.
          const claimed = await manager
            .createQueryBuilder()
            .update(RoomInviteEntity)
            .set({ uses: () => 'uses + 1' })
            .where('room_id = :room AND code_hash = :hash AND revoked_at IS NULL AND expires_at > :now AND uses < max_uses', {
              room: room.id,
              hash: hashCode(dto.inviteCode!),
              now: this.clock.now(),
            })
            .execute();
          if (!claimed.affected) throw inviteInvalid();
          await this.addMember(manager, room.id, userId);
        });
        await this.changed(room.id, userId);
        return { outcome: JoinOutcome.Joined };
      case JoinPolicy.Request:
      default:
        // Asking again after a decision starts a fresh request; asking twice updates the note.
        await this.db.query(
          `INSERT INTO join_requests (room_id, user_id, message, status, created_at) VALUES ($1, $2, $3, 'pending', $4)
           ON CONFLICT (room_id, user_id) DO UPDATE SET
             message = EXCLUDED.message,
             created_at = CASE WHEN join_requests.status = 'pending' THEN join_requests.created_at ELSE EXCLUDED.created_at END,
             status = 'pending', decided_by = NULL, decided_at = NULL`,
          [room.id, userId, dto.message?.trim() || null, this.clock.now()],
        );
        return { outcome: JoinOutcome.Requested };
    }
  }

  /** The room an invite code belongs to (404 for unknown codes, valid or not). */
  async roomForCode(code: string): Promise<string> {
    const [row] = (await this.db.query('SELECT room_id FROM room_invites WHERE code_hash = $1', [hashCode(code)])) as { room_id: string }[];
    if (!row) throw inviteInvalid();
    return row.room_id;
  }

  private async addMember(manager: EntityManager, roomId: string, userId: string): Promise<void> {
    const now = this.clock.now();
    await manager
      .createQueryBuilder()
      .insert()
      .into(RoomMembershipEntity)
      .values({ roomId, userId, role: RoomRole.Member, joinedAt: now, guidelinesAcceptedAt: now })
      .orIgnore()
      .execute();
  }

  async leave(grant: AccessGrant): Promise<void> {
    await this.db.getRepository(RoomMembershipEntity).delete({ roomId: grant.room!.id, userId: grant.actor!.id });
    // Leaving ends the follow too: joining again later should not quietly bring notices back.
    await this.follows.setFollowed(grant.room!.id, grant.actor!.id, false);
    await this.changed(grant.room!.id, grant.actor!.id);
  }

  async pendingRequests(grant: AccessGrant): Promise<JoinRequestView[]> {
    const rows: { id: string; user_id: string; message: string | null; status: JoinRequestStatus; created_at: Date }[] = await this.db.query(
      `SELECT r.id, r.user_id, r.message, r.status, r.created_at
       FROM join_requests r WHERE r.room_id = $1 AND r.status = 'pending' ORDER BY r.created_at ASC LIMIT 200`,
      [grant.room!.id],
    );
    const handles = await this.users.handles(rows.map((r) => r.user_id));
    return rows.filter((r) => handles.has(r.user_id)).map((r) => ({
      id: r.id,
      roomId: grant.room!.id,
      user: { id: r.user_id, handle: handles.get(r.user_id)!.handle },
      message: r.message,
      status: r.status,
      createdAt: r.created_at.toISOString(),
    }));
  }

  async decide(grant: AccessGrant, requestId: string, dto: DecideJoinRequestDto): Promise<void> {
    const requester = await this.db.transaction(async (manager) => {
      const request = await manager
        .getRepository(JoinRequestEntity)
        .createQueryBuilder('r')
        .setLock('pessimistic_write')
        .where('r.id = :id AND r.room_id = :room', { id: requestId, room: grant.room!.id })
        .getOne();
      if (!request || request.status !== JoinRequestStatus.Pending) throw AppError.notFound('No pending join request with that id.', 'join-request');
      request.status = dto.approve ? JoinRequestStatus.Approved : JoinRequestStatus.Denied;
      request.decidedBy = grant.actor!.id;
      request.decidedAt = this.clock.now();
      await manager.save(request);
      if (dto.approve) await this.addMember(manager, request.roomId, request.userId);
      await this.log.record(
        {
          actorId: grant.actor!.id,
          roomId: request.roomId,
          action: dto.approve ? 'join-request.approve' : 'join-request.deny',
          targetType: 'join-request',
          targetId: request.id,
          subjectUserId: request.userId,
          reason: dto.reason?.trim() || (dto.approve ? 'Approved' : 'Not approved'),
        },
        manager,
      );
      await this.tellRequester(request.userId, dto.approve, manager, grant.room!);
      return request.userId;
    });
    if (dto.approve) await this.changed(grant.room!.id, requester);
  }

  /**
   * The answer reaches the person who asked as a notice naming the room: it is news about
   * their request, not a decision about their conduct, so there is nothing to appeal. The
   * moderator's reason stays in the log (the form says so), never in the notice.
   */
  private async tellRequester(userId: string, approved: boolean, manager: EntityManager, room: { name: string; slug: string }): Promise<void> {
    await this.notifications.notify(
      userId,
      approved
        ? { kind: NotificationKind.JoinRequestApproved, content: { code: 'join-request.approved', params: { roomName: room.name, roomSlug: room.slug } }, link: `/rooms/${room.slug}` }
        : { kind: NotificationKind.JoinRequestDeclined, content: { code: 'join-request.declined', params: { roomName: room.name } } },
      manager,
    );
  }

  async createInvite(grant: AccessGrant, dto: CreateInviteDto): Promise<InviteView> {
    // Unambiguous characters only: codes are read aloud and typed by hand.
    const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
    const code = [...randomBytes(12)].map((b) => alphabet[b % alphabet.length]).join('');
    const invite = await this.db.getRepository(RoomInviteEntity).save({
      roomId: grant.room!.id,
      codeHash: hashCode(code),
      createdBy: grant.actor!.id,
      expiresAt: new Date(this.clock.now().getTime() + dto.expiresInHours * 3_600_000),
      maxUses: dto.maxUses,
    });
    await this.log.record({ actorId: grant.actor!.id, roomId: grant.room!.id, action: 'invite.create', targetType: 'invite', targetId: invite.id, reason: 'Invite created' });
    return { ...this.inviteView(invite), code };
  }

  async listInvites(grant: AccessGrant): Promise<InviteView[]> {
    const invites = await this.db.getRepository(RoomInviteEntity).find({ where: { roomId: grant.room!.id }, order: { createdAt: 'DESC' }, take: 100 });
    return invites.map((i) => this.inviteView(i));
  }

  async revokeInvite(grant: AccessGrant, inviteId: string): Promise<void> {
    const result = await this.db
      .getRepository(RoomInviteEntity)
      .update({ id: inviteId, roomId: grant.room!.id, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
    if (!result.affected) throw AppError.notFound('No active invite with that id.', 'invite');
    await this.log.record({ actorId: grant.actor!.id, roomId: grant.room!.id, action: 'invite.revoke', targetType: 'invite', targetId: inviteId, reason: 'Invite revoked' });
  }

  private inviteView(invite: RoomInviteEntity): InviteView {
    return { id: invite.id, expiresAt: invite.expiresAt.toISOString(), maxUses: invite.maxUses, uses: invite.uses, revoked: !!invite.revokedAt };
  }

  /** The room's moderators by handle, for the Community screens. */
  async moderators(grant: AccessGrant): Promise<RoomModeratorView[]> {
    const ids = await this.memberships.moderatorIdsOf(grant.room!.id);
    const handles = await this.users.handles(ids);
    return ids
      .map((userId) => ({ userId, handle: handles.get(userId)?.handle ?? '' }))
      .filter((m) => m.handle)
      .sort((a, b) => a.handle.localeCompare(b.handle));
  }

  /** Admins appoint room moderators; the appointee becomes a member if not one yet. */
  async setModerator(grant: AccessGrant, userId: string, moderator: boolean, reason?: string): Promise<void> {
    const roomId = grant.room!.id;
    await this.db.transaction(async (manager) => {
      if (!(await this.users.exists(userId, manager))) throw AppError.notFound('No member with that id.', 'member');
      if (moderator) {
        await this.addMember(manager, roomId, userId);
        await manager.getRepository(RoomMembershipEntity).update({ roomId, userId }, { role: RoomRole.Moderator });
      } else {
        const result = await manager.getRepository(RoomMembershipEntity).update({ roomId, userId, role: RoomRole.Moderator }, { role: RoomRole.Member });
        if (!result.affected) throw AppError.notFound('That member is not a moderator of this room.', 'moderator');
      }
      await this.log.record(
        {
          actorId: grant.actor!.id,
          roomId,
          action: moderator ? 'moderator.appoint' : 'moderator.remove',
          targetType: 'user',
          targetId: userId,
          subjectUserId: userId,
          reason: reason ?? (moderator ? 'Appointed room moderator' : 'Room moderator role removed'),
        },
        manager,
      );
    });
    await this.changed(roomId, userId);
  }
}
