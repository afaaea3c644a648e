import type { AuthorView, ChatError } from '@kindred/contracts';
import { ErrorCode } from '@kindred/contracts';
import { useCallback, useMemo } from 'react';
import { errorText } from '../../../shared/i18n/error-text';
import { i18n } from '../../../shared/i18n/i18n';
import type { Translate } from '../../../shared/i18n/use-t';
import { useT } from '../../../shared/i18n/use-t';

const CLOCK: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };
const CLOCK_WITH_SECONDS: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit', second: '2-digit' };
const DAY_AND_CLOCK: Intl.DateTimeFormatOptions = { weekday: 'short', hour: 'numeric', minute: '2-digit' };
const FULL_DATE: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/** "14:05" today, "Tue 14:05" within a week, a full date otherwise; in the active language. */
export function messageTime(iso: string, now = Date.now()): string {
  const date = new Date(iso);
  const age = now - date.getTime();
  if (age < 20 * 3600_000 && new Date(now).toDateString() === date.toDateString()) return i18n.date(date, CLOCK);
  if (age < 6 * 24 * 3600_000) return i18n.date(date, DAY_AND_CLOCK);
  return i18n.date(date, FULL_DATE);
}

/** When a slow-mode wait or a mute ends. */
export function untilText(iso: string, now = Date.now()): string {
  const date = new Date(iso);
  if (date.getTime() - now < 3600_000) return i18n.date(date, CLOCK_WITH_SECONDS);
  if (date.getTime() - now < 20 * 3600_000) return i18n.date(date, CLOCK);
  return i18n.date(date, FULL_DATE);
}

/**
 * A chat refusal in the member's language, from its code (the server's English `message` is
 * for people reading the protocol). Refusals with an end say until when.
 */
export function refusalText(error: ChatError, t: Translate): string {
  // Found by the app itself (no answer while the connection is down), or the server busy.
  if (error.code === ErrorCode.ServiceUnavailable) return t('chat.offline');
  if (error.retryAt) {
    const until = untilText(error.retryAt);
    if (error.code === ErrorCode.SlowMode) return t('chat.refusal.slowMode', { until });
    if (error.code === ErrorCode.Muted) return t('chat.refusal.muted', { until });
  }
  const text = errorText({ statusCode: 0, code: error.code, message: error.message, ...(error.params ? { params: error.params } : {}) }, t);
  return error.retryAt ? t('chat.refusal.until', { text, until: untilText(error.retryAt) }) : text;
}

export function typingText(typing: AuthorView[], t: Translate): string {
  if (typing.length === 0) return '';
  if (typing.length === 1) return t('chat.typing.one', { handle: typing[0]!.handle });
  if (typing.length === 2) return t('chat.typing.two', { first: typing[0]!.handle, second: typing[1]!.handle });
  return t('chat.typing.several');
}

/** "30 seconds", "2 minutes", with the language's plural rules. */
export function describeSeconds(seconds: number, t: Translate): string {
  if (seconds < 60) return t('chat.duration.seconds', { count: seconds });
  return t('chat.duration.minutes', { count: Math.round(seconds / 60) });
}

/** The chat's wording helpers bound to the active language (re-rendered on a switch). */
export function useChatWords() {
  const t = useT();
  const refusal = useCallback((error: ChatError) => refusalText(error, t), [t]);
  return useMemo(() => ({ t, refusal, seconds: (value: number) => describeSeconds(value, t), typing: (list: AuthorView[]) => typingText(list, t) }), [t, refusal]);
}
