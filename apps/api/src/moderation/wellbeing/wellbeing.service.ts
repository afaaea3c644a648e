import { Injectable } from '@nestjs/common';
import { BREAK_AFTER_ITEMS, BREAK_AFTER_MINUTES, Severity, type ModeratorWellbeingView } from '@kindred/contracts';
import type { AccessGrant } from '../../access/access.service.js';
import { Clock } from '../../common/clock.js';
import { QueueService } from '../queue.service.js';
import { WellbeingRepository, type WorkEvent } from './wellbeing.repository.js';

const MINUTE = 60_000;
const EXPOSURE_DAYS = 7;
/** A pause longer than this ends a sitting: coming back after it starts a fresh one. */
const SITTING_GAP_MINUTES = 20;
/** No sitting is longer than this; it bounds the read. */
const LONGEST_SITTING_HOURS = 12;

/**
 * Looking after the people who look after others: crisis and harm items stay folded until a
 * moderator chooses to see them, each moderator sees what they have been exposed to (and no one
 * else sees it), and a long sitting of queue work brings a gentle suggestion to pause.
 */
@Injectable()
export class WellbeingService {
  constructor(
    private readonly queue: QueueService,
    private readonly repo: WellbeingRepository,
    private readonly clock: Clock,
  ) {}

  /** Unfolds (or folds again) an item in the moderator's scope; 404 outside it. */
  async setRevealed(grant: AccessGrant, itemId: string, revealed: boolean): Promise<void> {
    const item = await this.queue.requireItem(grant, itemId);
    if (revealed) await this.repo.reveal(grant.actor!.id, item.id);
    else await this.repo.fold(grant.actor!.id, item.id);
  }

  /** Only ever the asking moderator's own figures: there is no way to ask for someone else's. */
  async mine(grant: AccessGrant): Promise<ModeratorWellbeingView> {
    const now = this.clock.now();
    const events = await this.repo.workSince(grant.actor!.id, new Date(now.getTime() - EXPOSURE_DAYS * 24 * 60 * MINUTE));
    const sitting = currentSitting(events, now);
    return {
      exposure: exposureOf(events),
      sitting,
      suggestBreak: sitting.minutes >= BREAK_AFTER_MINUTES || sitting.itemsHandled >= BREAK_AFTER_ITEMS,
    };
  }
}

/** Items handled in the window, each counted once, by severity. */
function exposureOf(events: WorkEvent[]): ModeratorWellbeingView['exposure'] {
  const bySeverity = new Map<string, number>();
  for (const e of events) if (e.handled) bySeverity.set(e.itemId, e.severity);
  const count = (s: number) => [...bySeverity.values()].filter((v) => v === s).length;
  return { days: EXPOSURE_DAYS, crisis: count(Severity.Crisis), harm: count(Severity.Harm), other: count(Severity.Other) };
}

/** Walks back from now (events are newest first) while no gap is longer than a pause. */
function currentSitting(events: WorkEvent[], now: Date): ModeratorWellbeingView['sitting'] {
  const floor = now.getTime() - LONGEST_SITTING_HOURS * 60 * MINUTE;
  let edge = now.getTime();
  const handled = new Set<string>();
  let startedAt: number | null = null;
  for (const e of events) {
    const at = e.at.getTime();
    if (at < floor || edge - at > SITTING_GAP_MINUTES * MINUTE) break;
    startedAt = at;
    edge = at;
    if (e.handled) handled.add(e.itemId);
  }
  if (startedAt === null) return { startedAt: null, minutes: 0, itemsHandled: 0 };
  return { startedAt: new Date(startedAt).toISOString(), minutes: Math.floor((now.getTime() - startedAt) / MINUTE), itemsHandled: handled.size };
}
