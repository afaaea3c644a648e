/**
 * How a personal filter's phrase becomes a pattern. Text and phrase are both normalised the same
 * way (NFKD, diacritics dropped, lower case, typographic apostrophes made plain), so "José" matches
 * "jose" and "JOSÉ's". Whole-word filters tolerate simple English inflection (plural, possessive,
 * -ing, -ed) rather than a stemmer: a regular expression can run in one pass over a post in
 * Node and, with the same shape, inside PostgreSQL for lists, counts and search.
 */

/** Letters and digits, in each engine's words: JS (with the `u` flag) and PostgreSQL ARE. */
const WORD_CHAR = { js: '[\\p{L}\\p{N}]', pg: '[[:alnum:]]' } as const;
const NON_WORD = { js: '[^\\p{L}\\p{N}]+', pg: '[^[:alnum:]]+' } as const;
export type PatternEngine = keyof typeof WORD_CHAR;

const ASCII_ONLY = /^[ -~\t\n\r]*$/;

/** The normalised form every comparison uses (combining diacritics only, so SQL agrees exactly). */
export function normalizeText(text: string): string {
  // Most posts are plain ASCII, which NFKD leaves as it is: only the case and the backtick change.
  if (ASCII_ONLY.test(text)) return text.replace(/`/g, "'").toLowerCase();
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[\u2018\u2019\u02bc`]/g, "'").toLowerCase();
}

/** The same normalisation in SQL (PostgreSQL 13+ `normalize`), for `expr` a text expression. */
export const normalizedSql = (expr: string) => `lower(translate(regexp_replace(normalize(${expr}, NFKD), '[\\u0300-\\u036f]', '', 'g'), E'\\u2018\\u2019\\u02bc\`', ''''''''''))`;

/** The words of a phrase, normalised; empty when nothing in it is a letter or digit. */
export function phraseWords(phrase: string): string[] {
  return normalizeText(phrase).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** A phrase matches nearly everything when its words hold fewer than two letters or digits in all. */
export function isTooBroad(words: readonly string[]): boolean {
  return words.join('').length < 2;
}

/** The forms a whole word is recognised in: "drink" → drink, drinks, drink's, drinking, drinked. */
function inflected(word: string): string {
  const base = baseForm(word);
  if (base.length < 3 || /\d/.test(base)) return `${base}(?:'s|s)?`;
  if (base.endsWith('y')) return `${base.slice(0, -1)}(?:y|ys|y's|ies|ied|ying)`;
  if (base.endsWith('e')) return `${base.slice(0, -1)}(?:e|es|e's|ed|ing)`;
  return `${base}(?:s|es|'s|ing|ed)?`;
}

/**
 * Letters every match of a filter contains, whatever its form: of each word, the part
 * `inflected` keeps fixed, and of those the longest (the rarest: "kettle" rather than "the").
 * A text without any filter's fixed part cannot match, which one plain alternation answers in
 * well under a microsecond (see PersonalFilterMatcher).
 */
export function fixedPart(words: readonly string[], wholeWord: boolean): string {
  const fixed = words.map((word) => {
    if (!wholeWord) return word;
    const base = baseForm(word);
    if (base.length < 3 || /\d/.test(base)) return base;
    return base.endsWith('y') || base.endsWith('e') ? base.slice(0, -1) : base;
  });
  return fixed.reduce((longest, part) => (part.length > longest.length ? part : longest));
}

/** A filter written in an inflected form also finds the others ("drinking" → drink…). */
function baseForm(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.endsWith("'s")) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/**
 * The pattern for one filter. Words are letters and digits only, so nothing needs escaping; the
 * words of a phrase are separated by any run of non-word characters ("new  york", "new-york").
 */
export function filterPattern(words: readonly string[], wholeWord: boolean, engine: PatternEngine): string {
  if (!wholeWord) return words.join(NON_WORD[engine]);
  const body = words.map((w) => inflected(w)).join(NON_WORD[engine]);
  return `(?<!${WORD_CHAR[engine]})${body}(?!${WORD_CHAR[engine]})`;
}
