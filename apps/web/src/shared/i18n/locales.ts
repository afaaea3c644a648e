import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '@kindred/contracts';

/** A name, the same in every language. */
export const APP_NAME = 'Kindred';

/** The right-to-left pseudo-locale tests use; reached only through the browser's language list. */
export const PSEUDO_RTL_LOCALE = 'ar-XB';

/** Every locale the app can run in: the shipped languages plus the test-only pseudo-locale. */
export type AppLocale = Language | typeof PSEUDO_RTL_LOCALE;

/** Each language named in itself, so someone who cannot read the current one still finds theirs. */
export const LANGUAGE_ENDONYMS: Record<Language, string> = { en: 'English', es: 'Español' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function directionOf(locale: AppLocale): 'ltr' | 'rtl' {
  return locale === PSEUDO_RTL_LOCALE ? 'rtl' : 'ltr';
}

/** The first of the browser's preferred languages Kindred has, by primary subtag ("es-MX" → es). */
export function fromBrowser(preferred: readonly string[]): AppLocale | null {
  for (const tag of preferred) {
    if (tag === PSEUDO_RTL_LOCALE) return PSEUDO_RTL_LOCALE;
    const primary = tag.toLowerCase().split('-')[0];
    if (isLanguage(primary)) return primary;
  }
  return null;
}

export interface LocaleSources {
  /** The signed-in member's stored choice (null: follow the browser). */
  member: Language | null;
  /** What a visitor picked on the welcome, sign-in or register page. */
  visitor: Language | null;
  /** `navigator.languages`. */
  browser: readonly string[];
}

/** The member's setting, else a visitor's pick, else the browser's languages, else English. */
export function pickLocale({ member, visitor, browser }: LocaleSources): AppLocale {
  return member ?? visitor ?? fromBrowser(browser) ?? DEFAULT_LANGUAGE;
}
