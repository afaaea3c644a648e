import type { AuthorView, ChatError } from '@kindred/contracts';
import { ErrorCode } from '@kindred/contracts';

const clock = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const clockWithSeconds = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit', second: '2-digit' });
const dayAndClock = new Intl.DateTimeFormat(undefined, { weekday: 'short', hour: 'numeric', minute: '2-digit' });
const fullDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "14:05" today, "Tue 14:05" within a week, a full date otherwise. */
export function messageTime(iso: string, now = Date.now()): string {
  const date = new Date(iso);
  const age = now - date.getTime();
  if (age < 20 * 3600_000 && new Date(now).toDateString() === date.toDateString()) return clock.format(date);
  if (age < 6 * 24 * 3600_000) return dayAndClock.format(date);
  return fullDate.format(date);
}

/** When a slow-mode wait or a mute ends, in words. */
export function untilText(iso: string, now = Date.now()): string {
  const date = new Date(iso);
  if (date.getTime() - now < 3600_000) return clockWithSeconds.format(date);
  if (date.getTime() - now < 20 * 3600_000) return clock.format(date);
  return fullDate.format(date);
}

/** The server's words, plus "until …" when the refusal has an end. */
export function refusalText(error: ChatError): string {
  if (!error.retryAt) return error.message;
  const until = untilText(error.retryAt);
  if (error.code === ErrorCode.SlowMode) return `Slow mode is on, so there is a little time between messages. You can send again at ${until}.`;
  if (error.code === ErrorCode.Muted) return `You are muted in this chat until ${until}. You can still read along; a moderator explained why in your notifications.`;
  return `${error.message} (until ${until})`;
}

export function typingText(typing: AuthorView[]): string {
  if (typing.length === 0) return '';
  if (typing.length === 1) return `${typing[0]!.handle} is typing…`;
  if (typing.length === 2) return `${typing[0]!.handle} and ${typing[1]!.handle} are typing…`;
  return 'Several people are typing…';
}

export function describeSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.round(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
