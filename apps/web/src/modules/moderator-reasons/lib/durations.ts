import { useMemo } from 'react';
import { useT, type Translate } from '../../../shared/i18n/use-t';

export interface DurationChoice {
  minutes: number;
  label: string;
}

const HOUR = 60;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/** "15 minutes", "1 day", "1 week", with the language's plural rules. 0 means "until undone". */
export function durationLabel(minutes: number, t: Translate): string {
  if (minutes === 0) return t('reasons.duration.untilUnpinned');
  if (minutes % WEEK === 0) return t('reasons.duration.weeks', { count: minutes / WEEK });
  if (minutes % DAY === 0) return t('reasons.duration.days', { count: minutes / DAY });
  if (minutes % HOUR === 0) return t('reasons.duration.hours', { count: minutes / HOUR });
  return t('reasons.duration.minutes', { count: minutes });
}

function useDurations(choices: readonly number[]): DurationChoice[] {
  const t = useT();
  return useMemo(() => choices.map((minutes) => ({ minutes, label: durationLabel(minutes, t) })), [choices, t]);
}

const MUTE = [15, HOUR, DAY, WEEK];
const SUSPEND = [DAY, 3 * DAY, WEEK, 30 * DAY];
const PIN = [0, DAY, WEEK];

/** How long a mute lasts, offered in chat and on the moderation dashboard. */
export const useMuteDurations = () => useDurations(MUTE);
export const useSuspendDurations = () => useDurations(SUSPEND);
/** 0: until a moderator unpins it. */
export const usePinDurations = () => useDurations(PIN);
