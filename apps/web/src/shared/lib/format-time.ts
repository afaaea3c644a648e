import { i18n } from '../i18n/i18n';

/**
 * For code outside React components. Components use `useFormat()` (shared/i18n/format), which
 * re-renders when the language changes; this reads the active language at call time.
 */
export function formatAbsolute(iso: string): string {
  return i18n.date(iso, { dateStyle: 'medium', timeStyle: 'short' });
}
