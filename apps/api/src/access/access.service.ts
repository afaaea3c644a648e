import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ErrorCode, JoinPolicy, Role, RoomRole, RoomVisibility, ErrorReason } from '@kindred/contracts';
import { AppError } from '../common/errors/app-error.js';
import { asSentence } from '../common/text/sentence.js';
import type { RoomMembershipEntity } from '../rooms/room-membership.entity.js';
import type { RoomEntity } from '../rooms/room.entity.js';
import { AccessFacts } from './access-facts.js';
import { Action, CONVERSATION_ACTIONS, MINIMUM_ROLE, MODERATION_SCOPED, REFUSAL, ROOM_ACTIONS, roleAtLeast } from './actions.js';
import type { Participation } from './participation-lookup.js';
import { SANCTION_LOOKUP, type SanctionLookup } from './sanction-lookup.js';

export interface Actor {
  id: string;
  role: Role;
}

export interface AccessRequest {
  user: Actor | undefined;
  action: Action;
  /** A room's id or slug, for room actions. */
  roomId?: string;
  /** The conversation, for conversation actions. */
  conversationId?: string;
}

const ISSUER: unique symbol = Symbol('AccessService');

/**
 * What the gate allowed, and the facts it decided on. Content services take one as proof that
 * the gate was asked; only AccessService can issue one (the constructor needs a token private
 * to this file), and nothing can change it afterwards.
 */
export class AccessGrant {
  readonly actor: Actor | undefined;
  readonly room?: RoomEntity;
  readonly membership?: RoomMembershipEntity | null;
  /** Room moderator here, or a global moderator or admin (for actions without a room: staff). */
  readonly canModerate: boolean;
  /** For moderation tools: the rooms the actor moderates; null means every room (staff). */
  readonly moderatedRooms: readonly string[] | null;
  /** For conversation actions: where the actor stands in it. */
  readonly participation?: Participation;

  constructor(
    issuer: typeof ISSUER,
    facts: {
      actor: Actor | undefined;
      canModerate: boolean;
      room?: RoomEntity;
      membership?: RoomMembershipEntity | null;
      moderatedRooms?: readonly string[] | null;
      participation?: Participation;
    },
  ) {
    if (issuer !== ISSUER) throw new Error('Only AccessService issues access grants');
    this.actor = facts.actor;
    this.canModerate = facts.canModerate;
    if ('room' in facts) this.room = facts.room;
    if ('membership' in facts) this.membership = facts.membership;
    if (facts.participation) this.participation = facts.participation;
    this.moderatedRooms = facts.moderatedRooms === undefined ? [] : facts.moderatedRooms;
  }

  /** Whether the actor's moderation scope covers this room (never a room-less item, unless staff). */
  moderates(roomId: string | null): boolean {
    return this.moderatedRooms === null || (roomId !== null && this.moderatedRooms.includes(roomId));
  }
}

const noSuchRoom = () => AppError.notFound('No such room.', 'room');
const roomArchived = () =>
  new AppError({ status: HttpStatus.FORBIDDEN, code: ErrorCode.RoomArchived, message: 'This room is archived: it can be read, but nothing new can be written or changed.' });
/** What an archived room still allows: looking, reading (its past sessions too), leaving, and staff restoring it. */
const ALLOWED_WHEN_ARCHIVED: ReadonlySet<Action> = new Set([Action.RoomView, Action.RoomRead, Action.SessionsRead, Action.RoomModerate, Action.RoomAdminister]);
/** Someone else's conversation, a declined or left one, or none at all: the same answer. */
const noSuchConversation = () => AppError.notFound('No such conversation.', 'conversation');

/**
 * The part of the `room.read` rule that needs no membership: a listed, open room is readable by
 * every signed-in member. Exported so fan-outs to many readers (room followers) apply the same rule.
 */
export const openToEveryMember = (room: Pick<RoomEntity, 'visibility' | 'joinPolicy'>): boolean => room.visibility === RoomVisibility.Listed && room.joinPolicy === JoinPolicy.Open;

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
 *
 * The facts it decides on (room, membership, sanction, moderated rooms) come from AccessFacts,
 * cached per member and room and invalidated by events every instance hears; the rules
 * themselves run on every question. Sign-in reads the ban afresh.
 */
@Injectable()
export class AccessService {
  constructor(
    private readonly facts: AccessFacts,
    @Inject(SANCTION_LOOKUP) private readonly sanctions: SanctionLookup,
  ) {}

  async require(request: AccessRequest): Promise<AccessGrant> {
    const { user, action } = request;
    if (ROOM_ACTIONS.has(action)) return this.requireRoom(request);
    // The directory is public: anyone may look, members and staff see more.
    if (action === Action.RoomDirectory) return new AccessGrant(ISSUER, { actor: user, canModerate: !!user && roleAtLeast(user.role, Role.Moderator) });
    if (!user) throw AppError.unauthenticated();
    if (!roleAtLeast(user.role, MINIMUM_ROLE[action])) throw AppError.forbidden(REFUSAL[action], ErrorReason.GlobalModeratorsOnly);
    if (action === Action.SignIn) await this.refuseIfBanned(user.id);
    if (CONVERSATION_ACTIONS.has(action)) return this.requireConversation(user, action, request.conversationId);
    // Reaching out to people is posting: a site-wide suspension stops it as it stops posts.
    if (action === Action.ConversationStart) await this.refuseIfSanctioned(user.id, null);
    const staff = roleAtLeast(user.role, Role.Moderator);
    const scoped = MODERATION_SCOPED.get(action);
    if (scoped !== undefined) {
      const moderatedRooms = staff ? null : await this.facts.moderatedRoomIds(user.id);
      if (moderatedRooms && moderatedRooms.length === 0) throw AppError.forbidden(scoped, ErrorReason.ModeratorsOnly);
      return new AccessGrant(ISSUER, { actor: user, canModerate: true, moderatedRooms });
    }
    // Search in one room follows that room's read rule; results show moderators' view to staff only.
    if (action === Action.Search && request.roomId) {
      const { room, membership } = await this.requireRoom({ user, action: Action.RoomRead, roomId: request.roomId });
      return new AccessGrant(ISSUER, { actor: user, canModerate: staff, room, membership });
    }
    return new AccessGrant(ISSUER, { actor: user, canModerate: staff });
  }

  /**
   * Of these members, the ones the room.read rule lets read the room: a mention there reaches
   * no one else. Each is asked through the same rule as a request of theirs would be.
   */
  async readersAmong(roomId: string, members: readonly Actor[]): Promise<Set<string>> {
    const answers = await Promise.all(
      members.map((user) =>
        this.requireRoom({ user, action: Action.RoomRead, roomId }).then(
          () => user.id,
          (error: unknown) => {
            if (error instanceof AppError) return null;
            throw error;
          },
        ),
      ),
    );
    return new Set(answers.filter((id): id is string => id !== null));
  }

  /**
   * The rooms whose moderators' live channel this member hears: null for staff (every room),
   * none for members who moderate nowhere.
   */
  async moderationChannels(user: Actor): Promise<readonly string[] | null> {
    return roleAtLeast(user.role, Role.Moderator) ? null : this.facts.moderatedRoomIds(user.id);
  }

  /**
   * Only the people in a conversation may see it: a request's recipient (to answer it) and those
   * in it. Moderators and admins are no exception; they see a reported snapshot, never the
   * conversation. Having declined or left is the same as never having been in it.
   */
  private async requireConversation(user: Actor, action: Action, conversationId: string | undefined): Promise<AccessGrant> {
    if (!conversationId) throw noSuchConversation();
    const participation = await this.facts.participation(conversationId, user.id);
    if (!participation || (participation.state !== 'invited' && participation.state !== 'active')) throw noSuchConversation();
    // Consent first: nothing flows either way until the request is accepted.
    const live = action === Action.ConversationListen || action === Action.ConversationPost;
    if (live && participation.state !== 'active') throw AppError.forbidden('Accept this request first.');
    // Writing in a conversation is posting: a site-wide suspension stops it too.
    if (action === Action.ConversationPost) await this.refuseIfSanctioned(user.id, null);
    return new AccessGrant(ISSUER, { actor: user, canModerate: false, participation });
  }

  private async requireRoom({ user, action, roomId }: AccessRequest): Promise<AccessGrant> {
    if (!roomId) throw noSuchRoom();
    const room = await this.facts.room(roomId);
    if (!room) throw noSuchRoom();
    const membership = user ? await this.facts.membership(room.id, user.id) : null;
    const staff = !!user && roleAtLeast(user.role, Role.Moderator);
    const canModerate = staff || membership?.role === RoomRole.Moderator;
    // Hidden rooms do not exist for outsiders: every refusal is a 404, never a 403.
    const visible = room.visibility === RoomVisibility.Listed || !!membership || staff;
    const readable = !!membership || staff || openToEveryMember(room);
    const grant = new AccessGrant(ISSUER, { actor: user, room, membership, canModerate });

    if (action === Action.RoomView) {
      if (!visible) throw noSuchRoom();
      return grant;
    }
    if (!user) throw visible ? AppError.unauthenticated() : noSuchRoom();
    if (!roleAtLeast(user.role, MINIMUM_ROLE[action])) throw visible ? AppError.forbidden() : noSuchRoom();
    if (room.archivedAt && !ALLOWED_WHEN_ARCHIVED.has(action)) throw visible ? roomArchived() : noSuchRoom();

    switch (action) {
      case Action.RoomJoin:
        if (!visible) throw noSuchRoom();
        return grant;
      case Action.RoomRedeemInvite:
        // The caller found this room from a valid invite code; the code is checked again atomically when used.
        return grant;
      case Action.RoomRead:
      case Action.SessionsRead:
        if (!readable) throw noSuchRoom();
        return grant;
      case Action.SessionsRsvp:
        if (!readable) throw noSuchRoom();
        if (!membership) throw new AppError({ status: HttpStatus.FORBIDDEN, code: ErrorCode.NotAMember, message: 'Join this room to take a place in its sessions.' });
        return grant;
      case Action.RoomPost:
        if (!readable) throw noSuchRoom();
        if (!membership && user.role !== Role.Admin) {
          throw new AppError({ status: HttpStatus.FORBIDDEN, code: ErrorCode.NotAMember, message: 'Join this room to post in it.' });
        }
        await this.refuseIfSanctioned(user.id, room.id);
        return grant;
      case Action.RoomModerate:
      case Action.RoomConfigure:
      case Action.SessionsFacilitate:
        if (!canModerate) throw visible ? AppError.forbidden(undefined, ErrorReason.ModeratorsOnly) : noSuchRoom();
        return grant;
      case Action.RoomAppointModerators:
      case Action.RoomAdminister:
        return grant;
      default:
        throw AppError.forbidden();
    }
  }

  /** Checked only after the password: a stranger learns nothing about the account. */
  private async refuseIfBanned(userId: string): Promise<void> {
    const ban = await this.sanctions.activeFor(userId, null);
    if (ban?.kind !== 'ban') return;
    throw new AppError({
      status: HttpStatus.FORBIDDEN,
      code: ErrorCode.AccountSuspended,
      message: `This account has been banned. Reason: ${asSentence(ban.reason)} You can ask for a review with POST /api/appeals/banned (or the appeal form on the sign-in page).`,
      params: { reason: ban.reason },
    });
  }

  /** Muted here, or suspended or banned site-wide (`roomId` null: site-wide only): reading stays possible, posting does not. */
  private async refuseIfSanctioned(userId: string, roomId: string | null): Promise<void> {
    const active = await this.facts.sanction(userId, roomId);
    if (!active) return;
    const until = active.expiresAt;
    const when = until ? ` until ${until.toISOString().slice(0, 16).replace('T', ' ')} UTC` : '';
    const message =
      active.kind === 'mute'
        ? `You are muted in this room${when}. You can still read; a moderator explained why in your notifications.`
        : `Your account cannot post${when}.`;
    throw new AppError({
      status: HttpStatus.FORBIDDEN,
      code: ErrorCode.Muted,
      message,
      headers: until ? { 'Retry-After': String(Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000))) } : undefined,
      retryAt: until ?? undefined,
      params: { sanction: active.kind, ...(until ? { until: until.toISOString() } : {}) },
    });
  }
}
