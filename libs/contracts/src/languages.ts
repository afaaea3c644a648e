/**
 * Languages Kindred ships complete (every screen, error code and safety text). A member's
 * choice is stored as one of these; with none, the web app follows the browser, then English.
 */
export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';
