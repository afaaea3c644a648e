import { Injectable } from '@nestjs/common';
import type { AccessGrant } from '../access/access.service.js';
import { Clock } from '../common/clock.js';
import { calendarFile } from './calendar-file.js';
import { occurrencesFor } from './session-schedule.js';
import { SupportSessionRepository } from './support-session.repository.js';

/** The `.ics` of one's RSVPs. */
@Injectable()
export class SessionCalendarService {
  constructor(
    private readonly sessions: SupportSessionRepository,
    private readonly clock: Clock,
  ) {}

  async fileFor(grant: AccessGrant): Promise<string> {
    const rows = await this.sessions.rsvpSessionsOf(grant.actor!.id);
    const events = rows.map((s) => ({ id: s.id, title: s.title, description: s.description, occurrences: occurrencesFor(s), durationMinutes: s.durationMinutes }));
    return calendarFile(events, this.clock.now());
  }
}
