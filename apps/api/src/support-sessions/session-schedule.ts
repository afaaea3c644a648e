import type { SessionOccurrence } from '@kindred/contracts';
import { AppError } from '../common/errors/app-error.js';
import { isKnownTimeZone, occurrencesOf, parseLocal } from './wall-time.js';

/** The fields that fix when a session happens. */
export interface ScheduleFields {
  localStart: string;
  timeZone: string;
  durationMinutes: number;
  weeks: number;
}

/** When a session happens, computed from its wall-clock fields (UTC occurrences, first to last). */
export function occurrencesFor(fields: ScheduleFields): SessionOccurrence[] {
  const local = parseLocal(fields.localStart);
  if (!local) return [];
  return occurrencesOf(local, fields.timeZone, fields.weeks, fields.durationMinutes);
}

/**
 * Checks a schedule a facilitator asked for, with field-level reasons the form can show:
 * an unknown zone, a date that does not exist, a start already past.
 */
export function checkedOccurrences(fields: ScheduleFields, now: Date): SessionOccurrence[] {
  if (!isKnownTimeZone(fields.timeZone)) {
    throw AppError.validation('That time zone is not one we know. Use a name such as Europe/Madrid.', [
      { field: 'timeZone', problem: 'Unknown time zone.', code: 'session.unknownTimeZone' },
    ]);
  }
  if (!parseLocal(fields.localStart)) {
    throw AppError.validation('That start is not a real date and time.', [{ field: 'localStart', problem: 'Not a real date and time.', code: 'session.invalidStart' }]);
  }
  const occurrences = occurrencesFor(fields);
  if (new Date(occurrences[0]!.startsAt) <= now) {
    throw AppError.validation('A session cannot start in the past.', [{ field: 'localStart', problem: 'This start has already passed.', code: 'session.startInPast' }]);
  }
  return occurrences;
}

const overlaps = (a: SessionOccurrence, b: SessionOccurrence) => a.startsAt < b.endsAt && b.startsAt < a.endsAt;

/** The first occurrence of `mine` that overlaps one of `theirs` (both sorted), if any. */
export function firstOverlap(mine: readonly SessionOccurrence[], theirs: readonly SessionOccurrence[]): SessionOccurrence | null {
  for (const a of mine) for (const b of theirs) if (overlaps(a, b)) return b;
  return null;
}

/** The occurrence that is running or comes next at `now`, or null when all have ended. */
export function nextOccurrence(occurrences: readonly SessionOccurrence[], now: Date): SessionOccurrence | null {
  const iso = now.toISOString();
  return occurrences.find((o) => o.endsAt > iso) ?? null;
}
