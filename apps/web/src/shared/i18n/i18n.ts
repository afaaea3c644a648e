import { i18n } from '@lingui/core';
import { loadMessages } from './catalogs';
import { directionOf, type AppLocale } from './locales';

export { i18n };

const loaded = new Set<AppLocale>();
let latestRequest: AppLocale | null = null;

/**
 * Loads the language's catalog (once) and switches to it, without a reload; `<html lang dir>`
 * follow so screen readers pronounce the text right and the layout mirrors for RTL. When two
 * switches overlap, the later one wins even if its catalog arrives first.
 */
export async function activateLocale(locale: AppLocale): Promise<void> {
  latestRequest = locale;
  if (!loaded.has(locale)) {
    const messages = await loadMessages(locale);
    i18n.load(locale, messages);
    loaded.add(locale);
  }
  if (latestRequest !== locale) return;
  if (i18n.locale !== locale) i18n.activate(locale);
  const root = document.documentElement;
  root.lang = locale;
  root.dir = directionOf(locale);
}
