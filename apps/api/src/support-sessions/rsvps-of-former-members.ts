import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DomainEvents } from '../common/events/domain-events.js';
import { MembershipRepository } from '../rooms/membership.repository.js';
import { SupportSessionRepository } from './support-session.repository.js';

/**
 * A place in a room's sessions is for its members: whoever leaves the room (or is removed from
 * it) gives their places back, so the count is honest and nobody is reminded of a room they
 * left. The event reaches every instance; the delete is the same on each.
 */
@Injectable()
export class RsvpsOfFormerMembers implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly memberships: MembershipRepository,
    private readonly sessions: SupportSessionRepository,
  ) {}

  onModuleInit(): void {
    this.events.on('membership.changed', async ({ userId, roomId }) => {
      if (!roomId || (await this.memberships.membersAmong(roomId, [userId])).has(userId)) return;
      await this.sessions.withdrawAllIn(roomId, userId);
    });
  }
}
