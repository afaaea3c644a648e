import { Injectable } from '@nestjs/common';
import { NotificationKind, SESSION_REMINDER_MINUTES } from '@kindred/contracts';
import { Clock } from '../common/clock.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { occurrencesFor } from './session-schedule.js';
import { SupportSessionRepository } from './support-session.repository.js';

const REMINDER_MS = SESSION_REMINDER_MINUTES * 60_000;

/**
 * In-app reminders SESSION_REMINDER_MINUTES before each occurrence, to members with an RSVP.
 * Every instance looks; the claim row per (occurrence, member) in PostgreSQL lets exactly one
 * send each. Driven by the Clock (SessionTicker calls it), so tests move time and call
 * `sendDue()` instead of waiting.
 */
@Injectable()
export class SessionReminders {
  constructor(
    private readonly sessions: SupportSessionRepository,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  /** Sends every reminder now due (an occurrence starting within the reminder window); returns how many. */
  async sendDue(): Promise<number> {
    const now = this.clock.now();
    const horizon = new Date(now.getTime() + REMINDER_MS);
    let sent = 0;
    for (const session of await this.sessions.withOccurrenceBetween(now, horizon)) {
      const due = occurrencesFor(session).filter((o) => {
        const start = new Date(o.startsAt);
        return start > now && start <= horizon;
      });
      for (const occurrence of due) {
        sent += await this.sessions.transaction(async (manager) => {
          const members = await this.sessions.claimReminders(manager, session.id, new Date(occurrence.startsAt));
          for (const userId of members) {
            await this.notifications.notify(
              userId,
              { kind: NotificationKind.SessionReminder, content: { code: 'session.reminder', params: { title: session.title, startsAt: occurrence.startsAt } }, link: `/rooms/${session.roomId}/sessions` },
              manager,
            );
          }
          return members.length;
        });
      }
    }
    return sent;
  }
}
