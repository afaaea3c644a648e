import type { LinguiConfig } from '@lingui/conf';
import { formatter } from '@lingui/format-json';

/**
 * Catalogs are JSON (`{ "id": "ICU message" }`) with explicit ids, English as the source.
 * `ar-XB` is a pseudo-locale (accented English, laid out right to left) that tests use to
 * prove the layout works in a right-to-left language; it is never offered to members.
 */
const config: LinguiConfig = {
  locales: ['en', 'es', 'ar-XB'],
  sourceLocale: 'en',
  pseudoLocale: 'ar-XB',
  fallbackLocales: { 'ar-XB': 'en', default: 'en' },
  catalogs: [{ path: '<rootDir>/src/locales/{locale}', include: ['src'] }],
  format: formatter({ style: 'minimal' }),
};

export default config;
