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
  /** Who came to each occurrence that has run: facilitators only. */
  cameTo?: { startsAt: string; handles: string[] }[];
}

export interface RoomSessionsView {
  upcoming: SupportSessionView[];
  past: SupportSessionView[];
}

export interface RsvpResponse {
  rsvped: boolean;
  rsvpCount: number;
}

/**
 * Session mode: while an occurrence runs, the room's live chat shows its agenda pinned, an
 * opening check-in round, the open conversation, a closing round; it closes (and the chat
 * locks) at the end time. Opened and closed by the server's clock, not by anyone's click.
 */
export const SessionPhase = {
  CheckIn: 'check-in',
  Open: 'open',
  Closing: 'closing',
  Closed: 'closed',
} as const;
export type SessionPhase = (typeof SessionPhase)[keyof typeof SessionPhase];

export const CHECK_IN_ROUNDS = ['opening', 'closing'] as const;
export type CheckInRound = (typeof CHECK_IN_ROUNDS)[number];
/** One word: letters, with an apostrophe or hyphen inside (e.g. "worn-out"). */
export const CHECK_IN_WORD_MAX_LENGTH = 24;
export const CHECK_IN_WORD_PATTERN_SOURCE = "^\\p{L}[\\p{L}\\p{M}'’-]*$";
export const PAUSE_MIN_SECONDS = 30;
export const PAUSE_MAX_SECONDS = 300;

/** One member's turn in a round: a word, or `null` for a pass. */
export interface CheckInEntry {
  handle: string;
  word: string | null;
}

export interface SessionModeView {
  sessionId: string;
  roomId: string;
  title: string;
  /** The session's description, pinned as its agenda. */
  agenda: string;
  facilitator: { handle: string };
  /** This occurrence, UTC. */
  startsAt: string;
  endsAt: string;
  phase: SessionPhase;
  rounds: Record<CheckInRound, CheckInEntry[]>;
  /** How many members are here (names are for the facilitator, on the sessions page). */
  present: number;
}

/** `GET /api/rooms/{room}/sessions/live`: the session running there now, if any. */
export interface LiveSessionResponse {
  mode: SessionModeView | null;
}

export interface SessionPauseView {
  roomId: string;
  sessionId: string;
  seconds: number;
}

export interface SessionCheckInPayload {
  sessionId: string;
  round: CheckInRound;
  /** True to pass; otherwise `word` is shared. */
  pass: boolean;
  word?: string;
}

export interface SessionPhasePayload {
  sessionId: string;
  /** The facilitator moves on: to the open conversation, or to the closing round. */
  phase: typeof SessionPhase.Open | typeof SessionPhase.Closing;
}

/** `support-session:attend`: the member has the room open while the session runs. */
export interface SessionAttendPayload {
  sessionId: string;
}

export interface SessionPausePayload {
  sessionId: string;
  seconds: number;
}

/** Socket events of session mode (namespace `/chat`). */
export const SessionClientEvent = {
  CheckIn: 'support-session:check-in',
  Phase: 'support-session:phase',
  Pause: 'support-session:pause',
  /** The member is here: counted once per occurrence (facilitators see who came). */
  Attend: 'support-session:attend',
} as const;

export const SessionServerEvent = {
  /** The room's session mode changed (opened, a turn taken, a new phase, closed). */
  Mode: 'support-session:mode',
  /** The facilitator asked everyone to pause: the app opens the grounding pause tool. */
  Pause: 'support-session:pause',
} as const;
