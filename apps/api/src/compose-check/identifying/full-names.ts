import { EVERYDAY_WORD_NAMES, FIRST_NAMES, NOT_SURNAMES } from '../data/first-names.js';
import { AFTER, BEFORE, CAPITALISED, fold, type FoundSpan } from './found-span.js';

const FIRST = new Set(FIRST_NAMES.map(fold));
const EVERYDAY = new Set(EVERYDAY_WORD_NAMES.map(fold));
const NOT_SURNAME = new Set(NOT_SURNAMES.map(fold));

// Two capitalised words in a row; the first must be a known first name. Capitals alone say
// little ("Main Character", "Breaking Bad"), a first name alone says little ("grace"), the two
// together read as a person. The surname may be double ("Lopez-Garcia") or carry an
// apostrophe ("O’Brien").
const PAIR = new RegExp(`${BEFORE}(\\p{Lu}\\p{Ll}+)\\s+(${CAPITALISED})${AFTER}`, 'gu');

/** At the very start, or after . ! ? or a line break: every word is capitalised there. */
function startsSentence(text: string, index: number): boolean {
  const before = text.slice(0, index).trimEnd();
  return before === '' || /[.!?¡¿\n"“«]$/u.test(before);
}

export function findFullNames(text: string): FoundSpan[] {
  const found: FoundSpan[] = [];
  PAIR.lastIndex = 0;
  for (let m = PAIR.exec(text); m; m = PAIR.exec(text)) {
    const [, first, last] = m as unknown as [string, string, string];
    const firstKey = fold(first);
    const surname = fold(last.replace(/['’]s$/u, '')); // "Mary’s" → mary; "O’Brien" stays whole
    const isName = FIRST.has(firstKey) && !NOT_SURNAME.has(surname) && !(EVERYDAY.has(firstKey) && startsSentence(text, m.index));
    if (isName) {
      found.push({ kind: 'full-name', start: m.index, end: m.index + m[0].length });
    } else {
      // The second word may begin the next pair: "told Kevin O’Brien" after "I told".
      PAIR.lastIndex = m.index + first.length;
    }
  }
  return found;
}
