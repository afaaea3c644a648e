import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { AppError } from '../common/errors/app-error.js';
import { SafetyService } from '../safety/safety.service.js';

/**
 * How long the same words from the same author count as a resend of what they already wrote
 * (a lost answer, a dropped connection, a double tap) rather than something new: they should
 * not see their words twice. Threads and replies both use it.
 */
export const RESEND_WINDOW = '10 minutes';

export interface SlowModeWait {
  /** Whole seconds to wait, rounded up. */
  seconds: number;
  /** When writing is possible again. */
  retryAt: Date;
}

/**
 * The rules a room applies to anyone writing in it, the same for topic threads and live chat.
 * Moderators are exempt from slow mode; callers check that with their grant.
 */
@Injectable()
export class RoomRules {
  constructor(
    private readonly safety: SafetyService,
    private readonly clock: Clock,
  ) {}

  /** Slow mode: undefined when the member may write now, else how long they must wait. */
  slowModeWait(lastWrittenAt: Date | null | undefined, slowModeSeconds: number): SlowModeWait | undefined {
    if (slowModeSeconds <= 0 || !lastWrittenAt) return undefined;
    const retryAt = new Date(lastWrittenAt.getTime() + slowModeSeconds * 1000);
    const waitMs = retryAt.getTime() - this.clock.now().getTime();
    return waitMs > 0 ? { seconds: Math.ceil(waitMs / 1000), retryAt } : undefined;
  }

  /**
   * Reply under a block: a reply must point at something in the same place (else
   * `notHere()`), and a reply link to someone who blocked the replier is dropped silently,
   * so the block stays private. Returns the link to store.
   */
  async replyLink(targetId: string, targetAuthorId: string | undefined, replierId: string, notHere: () => AppError): Promise<string | null> {
    if (!targetAuthorId) throw notHere();
    return (await this.safety.isBlockedBy(replierId, targetAuthorId)) ? null : targetId;
  }
}
