import { CONTENT_WARNING_CATEGORIES, type ContentWarningCategory } from '@kindred/contracts';
import { normaliseForCrisis } from '../moderation/crisis/normalise.js';
import { WARNING_KEYWORDS } from './data/warning-keywords.js';

// Keywords are compared in the crisis detector's alphabet (lower case, no accents or
// apostrophes, doubled letters squeezed), so they are normalised the same way when compiled.
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile(keywords: readonly string[]): RegExp {
  const alternatives = keywords.map((k) => {
    const prefix = k.endsWith('*');
    const words = normaliseForCrisis(prefix ? k.slice(0, -1) : k);
    return escape(words).replace(/ /g, ' ') + (prefix ? '[a-z0-9]*' : '');
  });
  return new RegExp(`(?<![a-z0-9])(?:${alternatives.join('|')})(?![a-z0-9])`);
}

const PATTERNS: ReadonlyArray<[ContentWarningCategory, RegExp]> = CONTENT_WARNING_CATEGORIES.map((c) => [c, compile(WARNING_KEYWORDS[c])]);

/** Categories whose keywords appear in the text, in taxonomy order. */
export function keywordCategories(text: string): ContentWarningCategory[] {
  const normalised = normaliseForCrisis(text);
  return PATTERNS.filter(([, pattern]) => pattern.test(normalised)).map(([category]) => category);
}
