/** Scheduled support sessions: a facilitator (room moderator) meets members at a set time. */

export const SESSION_TITLE_MAX_LENGTH = 120;
export const SESSION_DESCRIPTION_MAX_LENGTH = 2_000;
export const SESSION_MAX_DURATION_MINUTES = 240;
export const SESSION_MIN_DURATION_MINUTES = 15;
export const SESSION_MAX_CAPACITY = 200;
/** Weekly sessions run for at most a year; a longer run is scheduled again. */
export const SESSION_MAX_WEEKS = 52;
export const SESSION_MAX_LATE_JOIN_MINUTES = 60;
/** Members with an RSVP get an in-app reminder this long before each occurrence. */
export const SESSION_REMINDER_MINUTES = 15;
/** `YYYY-MM-DDTHH:mm`: a wall-clock time in the session's zone (no offset). */
export const LOCAL_DATE_TIME_PATTERN_SOURCE = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}$';

export interface ScheduleSessionRequest {
  title: string;
  description?: string;
  /** The first occurrence's wall-clock start in `timeZone`, `YYYY-MM-DDTHH:mm`. */
  localStart: string;
  /** An IANA zone, e.g. `Europe/Madrid`: the facilitator's. */
  timeZone: string;
  durationMinutes: number;
  /** How many weekly occurrences (1: a one-off). Each keeps the same local time across DST. */
  weeks?: number;
  capacity: number;
  /** Latecomers may join until this many minutes after the start (0: not after the start). */
  lateJoinMinutes?: number;
}

export type UpdateSessionRequest = Partial<ScheduleSessionRequest>;

export interface SessionOccurrence {
  /** UTC instants (ISO). */
  startsAt: string;
  endsAt: string;
}

export interface SupportSessionView {
  id: string;
  roomId: string;
  title: string;
  description: string;
  facilitator: { handle: string };
  timeZone: string;
  localStart: string;
  durationMinutes: number;
  weeks: number;
  capacity: number;
  lateJoinMinutes: number;
  /** Every occurrence, first to last (UTC). */
  occurrences: SessionOccurrence[];
  /** The next occurrence not yet ended, or null when all are past. */
  next: SessionOccurrence | null;
  cancelled: boolean;
  rsvpCount: number;
  viewer: { rsvped: boolean; canFacilitate: boolean };
  /** Who RSVPed: facilitators only (attendance is private; members see the count). */
  attendees?: { handle: string }[];
}

export interface RoomSessionsView {
  upcoming: SupportSessionView[];
  past: SupportSessionView[];
}

export interface RsvpResponse {
  rsvped: boolean;
  rsvpCount: number;
}
