import { useLingui } from '@lingui/react';
import { useMemo } from 'react';
import type { Translate } from './use-t';

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

export interface Formatters {
  /** "4 Dec 2026, 16:40" in the member's language and time zone (the browser's). */
  dateTime: (iso: string | Date) => string;
  /** "4 Dec 2026". */
  date: (iso: string | Date) => string;
  /** "3 hours ago" / "hace 3 horas"; anything under a minute reads "just now". */
  relative: (iso: string | Date, now?: number) => string;
  number: (value: number) => string;
  /** "a, b and c" / "a, b y c". */
  list: (items: readonly string[]) => string;
}

/**
 * Dates, numbers and lists through `Intl` in the active language. Lingui caches the Intl
 * formatters per locale; the relative one is made here because Lingui has none.
 */
export function useFormat(): Formatters {
  const { i18n, _ } = useLingui();
  const locale = i18n.locale;
  return useMemo(() => {
    const relativeFormat = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    const listFormat = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
    const justNow = (_ as Translate)('time.justNow');
    return {
      dateTime: (iso) => i18n.date(iso, { dateStyle: 'medium', timeStyle: 'short' }),
      date: (iso) => i18n.date(iso, { dateStyle: 'medium' }),
      relative: (iso, now = Date.now()) => {
        const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
        for (const [unit, size] of RELATIVE_UNITS) {
          if (Math.abs(seconds) >= size) return relativeFormat.format(Math.round(seconds / size), unit);
        }
        return justNow;
      },
      number: (value) => i18n.number(value),
      list: (items) => listFormat.format(items),
    };
  }, [i18n, locale, _]);
}
