import type { SessionOccurrence } from '@kindred/contracts';

/**
 * An iCalendar (RFC 5545) file of a member's sessions, built here: no calendar service is ever
 * called. Each event starts at a UTC DTSTART; a weekly session lists its later occurrences as
 * UTC RDATEs rather than an RRULE, because a weekly rule on a UTC start would drift an hour
 * across a DST change while the group keeps meeting at the same local time.
 */
export interface CalendarEvent {
  id: string;
  title: string;
  description: string;
  occurrences: readonly SessionOccurrence[];
  durationMinutes: number;
}

/** TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 §3.3.11). */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/\p{Cc}/gu, (c) => (c === '\t' ? c : ''));
}

const utcStamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** Lines longer than 75 octets fold onto continuation lines starting with a space, never inside a UTF-8 character. */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    if (octets + size > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

export function calendarFile(events: readonly CalendarEvent[], now: Date): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Kindred//Support sessions//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  for (const event of events) {
    const [first, ...rest] = event.occurrences;
    if (!first) continue;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.id}@kindred`,
      `DTSTAMP:${utcStamp(now.toISOString())}`,
      `DTSTART:${utcStamp(first.startsAt)}`,
      `DURATION:PT${event.durationMinutes}M`,
      ...(rest.length ? [`RDATE:${rest.map((o) => utcStamp(o.startsAt)).join(',')}`] : []),
      `SUMMARY:${escapeText(event.title)}`,
      ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}
