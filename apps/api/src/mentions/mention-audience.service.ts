import { Injectable } from '@nestjs/common';
import type { Role } from '@kindred/contracts';
import type { EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service.js';
import { MembershipRepository } from '../rooms/membership.repository.js';
import { SafetyService } from '../safety/safety.service.js';
import { UserRepository } from '../users/user.repository.js';

/** Where a mention was written and what a notice about it would touch. */
export interface MentionPlace {
  authorId: string;
  roomId: string;
  handleKeys: readonly string[];
  /** Warning categories of the words and of where they sit (a thread's own warning too). */
  categories: readonly string[];
  /** The mentioning words: a member whose personal filter hides them is not told. */
  texts: readonly (string | null | undefined)[];
  /** Words the notice itself shows (a thread title): a member who filters them, hidden or folded, is not told. */
  shown: readonly string[];
}

/**
 * Who a mention reaches: the one rule for posts and live chat. Never someone who blocked the
 * author or whom the author blocked, whose "who can mention me" setting refuses the author, who
 * cannot read the room (the gate's room.read rule), or who would never be shown the words
 * (hidden warning categories, personal filters). Everyone left out is left out silently.
 */
@Injectable()
export class MentionAudienceService {
  constructor(
    private readonly access: AccessService,
    private readonly users: UserRepository,
    private readonly memberships: MembershipRepository,
    private readonly safety: SafetyService,
  ) {}

  /** The named members who accept a mention from the author, across no block; what a post stores. */
  async allowed(handleKeys: readonly string[], authorId: string, manager?: EntityManager): Promise<{ id: string; role: Role }[]> {
    if (handleKeys.length === 0) return [];
    const candidates = await this.users.mentionCandidates([...handleKeys], authorId, manager);
    const roomsOnly = candidates.filter((c) => c.mentionsFrom === 'rooms').map((c) => c.id);
    const [sharing, blocked] = await Promise.all([
      this.memberships.sharingARoomWith(authorId, roomsOnly, manager),
      this.safety.blockedEitherWayAmong(
        authorId,
        candidates.map((c) => c.id),
      ),
    ]);
    return candidates
      .filter((c) => c.mentionsFrom === 'everyone' || (c.mentionsFrom === 'rooms' && sharing.has(c.id)))
      .filter((c) => !blocked.has(c.id))
      .map(({ id, role }) => ({ id, role }));
  }

  /** The members a notice about this mention may go to. */
  async recipients(place: MentionPlace): Promise<string[]> {
    const allowed = await this.allowed(place.handleKeys, place.authorId);
    if (allowed.length === 0) return [];
    const [readers, excluded, byWords, byShown] = await Promise.all([
      this.access.readersAmong(place.roomId, allowed),
      this.safety.excludedAudience(place.authorId, place.categories),
      this.safety.filterAudience(place.authorId, ...place.texts),
      place.shown.length ? this.safety.filterAudience(place.authorId, ...place.shown) : { hidden: [], folded: [] },
    ]);
    const left = new Set([...excluded, ...byWords.hidden, ...byShown.hidden, ...byShown.folded.map((f) => f.userId)]);
    return allowed.map((c) => c.id).filter((id) => readers.has(id) && !left.has(id));
  }
}
