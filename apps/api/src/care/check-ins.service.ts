import { Injectable } from '@nestjs/common';
import { NotificationKind, type CheckInView } from '@kindred/contracts';
import type { Actor } from '../access/access.service.js';
import { AppError } from '../common/errors/app-error.js';
import { QueueRaiser } from '../moderation/queue-raiser.js';
import { QueueRepository } from '../moderation/queue.repository.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { CareRepository } from './care.repository.js';
import { checkInViews } from './check-in-views.js';

/** The member's side of a check-in: read what the team wrote and answer it. Only their own. */
@Injectable()
export class CheckInsService {
  constructor(
    private readonly care: CareRepository,
    private readonly notifications: NotificationsService,
    private readonly items: QueueRepository,
    private readonly raiser: QueueRaiser,
  ) {}

  async mine(actor: Actor): Promise<CheckInView[]> {
    return checkInViews(this.care, await this.care.checkInsOfMember(actor.id));
  }

  async one(actor: Actor, id: string): Promise<CheckInView> {
    return (await checkInViews(this.care, [await this.own(actor, id)]))[0]!;
  }

  /** The answer reaches the moderator who checked in, and the item's dashboard updates live. */
  async reply(actor: Actor, id: string, body: string): Promise<CheckInView> {
    const checkIn = await this.own(actor, id);
    await this.care.addMessage({ checkInId: checkIn.id, fromTeam: false, authorId: actor.id, body: body.trim() });
    if (checkIn.openedBy) {
      await this.notifications.notify(checkIn.openedBy, {
        kind: NotificationKind.CareReply,
        content: { code: 'care.reply', params: {} },
        link: `/moderation?item=${checkIn.queueItemId}`,
      });
    }
    const item = await this.items.findById(checkIn.queueItemId);
    if (item) this.raiser.announce(item);
    return (await checkInViews(this.care, [checkIn]))[0]!;
  }

  private async own(actor: Actor, id: string) {
    const checkIn = await this.care.checkIn(id);
    // Someone else's check-in does not exist for this member.
    if (!checkIn || checkIn.memberId !== actor.id) throw AppError.notFound('No such check-in.');
    return checkIn;
  }
}
