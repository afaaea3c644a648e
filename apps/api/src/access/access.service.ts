import { HttpStatus, Injectable } from '@nestjs/common';
import { ErrorCode, JoinPolicy, Role, RoomRole, RoomVisibility } from '@kindred/contracts';
import { AppError } from '../common/errors/app-error.js';
import { SanctionsService } from '../moderation/sanctions.service.js';
import { MembershipRepository } from '../rooms/membership.repository.js';
import type { RoomMembershipEntity } from '../rooms/room-membership.entity.js';
import type { RoomEntity } from '../rooms/room.entity.js';
import { RoomRepository } from '../rooms/room.repository.js';
import { Action, MINIMUM_ROLE, ROOM_ACTIONS, roleAtLeast } from './actions.js';

export interface Actor {
  id: string;
  role: Role;
}

export interface AccessRequest {
  user: Actor | undefined;
  action: Action;
  /** A room's id or slug, for room actions. */
  roomId?: string;
}

export interface AccessGrant {
  actor: Actor | undefined;
  room?: RoomEntity;
  membership?: RoomMembershipEntity | null;
  /** Room moderator here, or a global moderator or admin. */
  canModerate: boolean;
}

const noSuchRoom = () => AppError.notFound('No such room.');

/**
 * The `room.read` rule as SQL, for queries that span many rooms (search). Kept beside the
 * per-room rule below so the two cannot drift apart.
 */
export function readableRoomSql(room: string, userIdParam: string, staffParam: string): string {
  return `(${staffParam} OR EXISTS (SELECT 1 FROM room_memberships m WHERE m.room_id = ${room}.id AND m.user_id = ${userIdParam})
          OR (${room}.visibility = '${RoomVisibility.Listed}' AND ${room}.join_policy = '${JoinPolicy.Open}'))`;
}

/**
 * The one authorization gate. Every decision about who may do what is made here, so a
 * rule changes in one place and is tested from the outside through every route.
 */
@Injectable()
export class AccessService {
  constructor(
    private readonly rooms: RoomRepository,
    private readonly memberships: MembershipRepository,
    private readonly sanctions: SanctionsService,
  ) {}

  async require(request: AccessRequest): Promise<AccessGrant> {
    const { user, action } = request;
    if (ROOM_ACTIONS.has(action)) return this.requireRoom(request);
    if (!user) throw AppError.unauthenticated();
    if (!roleAtLeast(user.role, MINIMUM_ROLE[action])) throw AppError.forbidden();
    return { actor: user, canModerate: roleAtLeast(user.role, Role.Moderator) };
  }

  private async requireRoom({ user, action, roomId }: AccessRequest): Promise<AccessGrant> {
    if (!roomId) throw noSuchRoom();
    const room = await this.rooms.findByIdOrSlug(roomId);
    if (!room) throw noSuchRoom();
    const membership = user ? await this.memberships.find(room.id, user.id) : null;
    const staff = !!user && roleAtLeast(user.role, Role.Moderator);
    const canModerate = staff || membership?.role === RoomRole.Moderator;
    // Hidden rooms do not exist for outsiders: every refusal is a 404, never a 403.
    const visible = room.visibility === RoomVisibility.Listed || !!membership || staff;
    const readable = !!membership || staff || (room.visibility === RoomVisibility.Listed && room.joinPolicy === JoinPolicy.Open);
    const grant: AccessGrant = { actor: user, room, membership, canModerate };

    if (action === Action.RoomView) {
      if (!visible) throw noSuchRoom();
      return grant;
    }
    if (!user) throw visible ? AppError.unauthenticated() : noSuchRoom();
    if (!roleAtLeast(user.role, MINIMUM_ROLE[action])) throw visible ? AppError.forbidden() : noSuchRoom();

    switch (action) {
      case Action.RoomJoin:
        if (!visible) throw noSuchRoom();
        return grant;
      case Action.RoomRedeemInvite:
        // The caller found this room from a valid invite code; the code is checked again atomically when used.
        return grant;
      case Action.RoomRead:
        if (!readable) throw noSuchRoom();
        return grant;
      case Action.RoomPost:
        if (!readable) throw noSuchRoom();
        if (!membership && user.role !== Role.Admin) {
          throw new AppError(HttpStatus.FORBIDDEN, ErrorCode.NotAMember, 'Join this room to post in it.');
        }
        await this.refuseIfSanctioned(user.id, room.id);
        return grant;
      case Action.RoomModerate:
      case Action.RoomConfigure:
        if (!canModerate) throw visible ? AppError.forbidden() : noSuchRoom();
        return grant;
      case Action.RoomAppointModerators:
        return grant;
      default:
        throw AppError.forbidden();
    }
  }

  /** Muted here, or suspended or banned site-wide: reading stays possible, posting does not. */
  private async refuseIfSanctioned(userId: string, roomId: string): Promise<void> {
    const active = await this.sanctions.activeFor(userId, roomId);
    if (!active) return;
    const until = active.expiresAt;
    const when = until ? ` until ${until.toISOString().slice(0, 16).replace('T', ' ')} UTC` : '';
    const message =
      active.kind === 'mute'
        ? `You are muted in this room${when}. You can still read; a moderator explained why in your notifications.`
        : `Your account cannot post${when}.`;
    throw new AppError(
      HttpStatus.FORBIDDEN,
      ErrorCode.Muted,
      message,
      undefined,
      until ? { 'Retry-After': String(Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000))) } : undefined,
      until ?? undefined,
    );
  }
}
