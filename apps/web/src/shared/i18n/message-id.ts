import type english from '../../locales/en.json';

/**
 * Every message id in the English catalog (the source of truth). Typing ids this way makes a
 * missing message a compile error; `npm run check:i18n` checks the other languages and stale ids.
 */
export type MessageId = keyof typeof english;

/** Values an ICU message refers to: `{count}`, `{handle}`, … */
export type MessageValues = Record<string, string | number | Date | null | undefined>;
