import { Inject, Injectable } from '@nestjs/common';
import { DecisionCaches } from '../common/cache/decision-caches.js';
import type { DecisionCache } from '../common/cache/decision-cache.js';
import { Clock } from '../common/clock.js';
import { DomainEvents } from '../common/events/domain-events.js';
import { MembershipRepository } from '../rooms/membership.repository.js';
import type { RoomMembershipEntity } from '../rooms/room-membership.entity.js';
import type { RoomEntity } from '../rooms/room.entity.js';
import { RoomRepository } from '../rooms/room.repository.js';
import { PARTICIPATION_LOOKUP, type Participation, type ParticipationLookup } from './participation-lookup.js';
import { SANCTION_LOOKUP, type ActiveSanction, type SanctionLookup } from './sanction-lookup.js';

/** Enough for every member active at once on one instance; the least recently used go first. */
const MAX_ENTRIES = 50_000;
/** Only a safety net: every change that matters is announced (see DomainEvents' carried events). */
const TTL_MS = 60_000;

const pair = (a: string, b: string) => `${a}|${b}`;
const SITE_WIDE = '*';

/**
 * The facts the gate decides on, cached per member and room on this instance and dropped the
 * moment a carried event says they changed (here or on another instance): the room, the
 * membership, the sanction in force, the rooms one moderates, where one stands in a private
 * conversation. Private to access/: only
 * AccessService asks, so every decision is still made in one place.
 *
 * Cached rooms and memberships are frozen: they are shared by every request that asks.
 */
@Injectable()
export class AccessFacts {
  private readonly rooms: DecisionCache<RoomEntity | null>;
  private readonly memberships: DecisionCache<RoomMembershipEntity | null>;
  private readonly sanctions: DecisionCache<ActiveSanction | null>;
  private readonly moderated: DecisionCache<readonly string[]>;
  private readonly participations: DecisionCache<Participation | null>;

  constructor(
    private readonly roomRepository: RoomRepository,
    private readonly membershipRepository: MembershipRepository,
    @Inject(SANCTION_LOOKUP) private readonly sanctionLookup: SanctionLookup,
    @Inject(PARTICIPATION_LOOKUP) private readonly participationLookup: ParticipationLookup,
    private readonly clock: Clock,
    caches: DecisionCaches,
    events: DomainEvents,
  ) {
    const options = { max: MAX_ENTRIES, ttlMs: TTL_MS };
    this.rooms = caches.create(options);
    this.memberships = caches.create(options);
    this.sanctions = caches.create(options);
    this.moderated = caches.create(options);
    this.participations = caches.create(options);
    // Rooms are cached under their id and their slug: drop both.
    events.on('room.updated', ({ roomId }) => this.rooms.dropWhere((_, room) => room?.id === roomId));
    events.on('membership.changed', ({ userId, roomId }) => {
      if (roomId) this.memberships.drop(pair(roomId, userId));
      else this.memberships.dropWhere((key) => key.endsWith(`|${userId}`));
      this.moderated.drop(userId);
    });
    events.on('member.sanctioned', ({ userId, roomId }) => {
      // A site-wide sanction is part of every room's answer.
      if (roomId) this.sanctions.drop(pair(userId, roomId));
      else this.sanctions.dropWhere((key) => key.startsWith(`${userId}|`));
    });
    events.on('conversation.participation.changed', ({ conversationId, userIds }) => {
      for (const userId of userIds) this.participations.drop(pair(conversationId, userId));
    });
    events.on('role.changed', ({ userId }) => this.forgetMember(userId));
    events.on('sessions.revoked', ({ userId }) => this.forgetMember(userId));
  }

  /** Unknown ids and slugs are not kept: a room created later must be found at once. */
  room(idOrSlug: string): Promise<RoomEntity | null> {
    return this.rooms.get(idOrSlug, async () => freeze(await this.roomRepository.findByIdOrSlug(idOrSlug)), (room) => room !== null);
  }

  membership(roomId: string, userId: string): Promise<RoomMembershipEntity | null> {
    return this.memberships.get(pair(roomId, userId), async () => freeze(await this.membershipRepository.find(roomId, userId)));
  }

  /** The sanction in force; one that has run out since it was read is read again. */
  async sanction(userId: string, roomId: string | null): Promise<ActiveSanction | null> {
    const key = pair(userId, roomId ?? SITE_WIDE);
    const read = () => this.sanctionLookup.activeFor(userId, roomId).then((s) => s && { kind: s.kind, reason: s.reason, expiresAt: s.expiresAt });
    const active = await this.sanctions.get(key, read);
    if (!active?.expiresAt || active.expiresAt > this.clock.now()) return active;
    this.sanctions.drop(key);
    return this.sanctions.get(key, read);
  }

  moderatedRoomIds(userId: string): Promise<readonly string[]> {
    return this.moderated.get(userId, async () => Object.freeze(await this.membershipRepository.moderatedRoomIds(userId)));
  }

  /** Frozen: shared by every request that asks. */
  participation(conversationId: string, userId: string): Promise<Participation | null> {
    return this.participations.get(pair(conversationId, userId), async () => freeze(await this.participationLookup.participation(conversationId, userId)));
  }

  private forgetMember(userId: string): void {
    this.memberships.dropWhere((key) => key.endsWith(`|${userId}`));
    this.sanctions.dropWhere((key) => key.startsWith(`${userId}|`));
    this.moderated.drop(userId);
  }
}

function freeze<T extends object>(value: T | null): T | null {
  return value && Object.freeze(value);
}
