import type { SessionOccurrence } from '@kindred/contracts';

/**
 * Wall-clock times in an IANA zone, with the platform's own time-zone data (Intl), so a weekly
 * session keeps its local time across a DST change: each occurrence is computed from the local
 * date and time, never by adding 7 × 24 hours to an instant.
 */

const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** A zone name Intl knows, written as an IANA name (offsets such as `+02:00` are not zones: they ignore DST). */
export function isKnownTimeZone(zone: string): boolean {
  if (!IANA_NAME.test(zone)) return false;
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/** How far the zone's wall clock is ahead of UTC at `utcMs`, in ms. */
function offsetAt(utcMs: number, zone: string): number {
  const parts = Object.fromEntries(formatterFor(zone).formatToParts(new Date(utcMs)).map((p) => [p.type, p.value]));
  const wall = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
  return wall - Math.floor(utcMs / 1000) * 1000;
}

export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** `YYYY-MM-DDTHH:mm` → its parts, or null when it is no real date and time. */
export function parseLocal(text: string): LocalDateTime | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  const check = new Date(Date.UTC(year, month - 1, day, hour, minute));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  return { year, month, day, hour, minute };
}

/**
 * The instant a wall-clock time in `zone` names. A time skipped by a spring-forward change
 * moves forward by the gap (02:30 → 03:30), as calendars do; a repeated autumn time takes
 * its first (summer-time) instant.
 */
export function zonedToUtc(local: LocalDateTime, zone: string): Date {
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  const first = offsetAt(asUtc - offsetAt(asUtc, zone), zone);
  const candidate = asUtc - first;
  const second = offsetAt(candidate, zone);
  if (second === first) return new Date(candidate);
  // The offset changed between guess and answer: try the other one; if neither round-trips, the time is in a gap.
  const other = asUtc - second;
  return new Date(offsetAt(other, zone) === second ? Math.min(candidate, other) : Math.max(candidate, other));
}

/** Every occurrence of a session: the same local time each week, in UTC. */
export function occurrencesOf(local: LocalDateTime, zone: string, weeks: number, durationMinutes: number): SessionOccurrence[] {
  const out: SessionOccurrence[] = [];
  for (let week = 0; week < weeks; week += 1) {
    // Date.UTC rolls day overflow into the next month, so this is calendar arithmetic on the local date.
    const day = new Date(Date.UTC(local.year, local.month - 1, local.day + week * 7));
    const start = zonedToUtc({ ...local, year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() }, zone);
    out.push({ startsAt: start.toISOString(), endsAt: new Date(start.getTime() + durationMinutes * 60_000).toISOString() });
  }
  return out;
}
