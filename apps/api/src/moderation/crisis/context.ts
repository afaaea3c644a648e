// Where a matched phrase sits: its clause, whether that clause talks about the past, and
// whether it says "now". Scans are capped so a 100 KB message costs no more per hit than a
// short one.
import {
  IMMEDIACY_CUES,
  STILL_HAPPENING_CUES,
  TIME_DISTANCE_CUES,
  WORD_LISTS,
} from './crisis-phrases.js';
import { compileGroup } from './phrase-compiler.js';

const MAX_CLAUSE_REACH = 240;

const TIME_DISTANCE = compileGroup(TIME_DISTANCE_CUES, WORD_LISTS, '');
const STILL_HAPPENING = compileGroup(STILL_HAPPENING_CUES, WORD_LISTS, '');
const IMMEDIACY = compileGroup(IMMEDIACY_CUES, WORD_LISTS, '');

const isSentenceMark = (c: string): boolean => c === '.' || c === '!' || c === '?' || c === ';' || c === '\n';
const isWordChar = (c: string | undefined): boolean => c !== undefined && /[a-z0-9]/.test(c);

/**
 * Start of the clause that contains `index`: after the last sentence mark, the last
 * " but " ("I used to cut but last night I did again" is two clauses), and with
 * `commas`, the last comma.
 */
export function clauseStart(text: string, index: number, commas: boolean): number {
  const limit = Math.max(0, index - MAX_CLAUSE_REACH);
  for (let i = index - 1; i >= limit; i--) {
    const c = text[i];
    if (isSentenceMark(c) || (commas && c === ',')) return i + 1;
    if (c === ' ' && i >= 3 && text.startsWith('but', i - 3) && !isWordChar(text[i - 4])) return i + 1;
  }
  return limit;
}

/** End (exclusive) of the clause that contains the character before `index`. */
export function clauseEnd(text: string, index: number, commas: boolean): number {
  const limit = Math.min(text.length, index + MAX_CLAUSE_REACH);
  for (let i = index; i < limit; i++) {
    const c = text[i];
    if (isSentenceMark(c) || (commas && c === ',')) return i;
    if (c === ' ' && text.startsWith('but', i + 1) && !isWordChar(text[i + 4])) return i;
  }
  return limit;
}

function clauseOf(text: string, start: number, end: number): string {
  return text.slice(clauseStart(text, start, false), clauseEnd(text, end, false));
}

/** "Five years ago I tried to kill myself" — past, and nothing says it is back. */
export function isPastAndResolved(text: string, start: number, end: number): boolean {
  const clause = clauseOf(text, start, end);
  return TIME_DISTANCE.test(clause) && !STILL_HAPPENING.test(clause);
}

/** "...tonight", "...right now": turns a concern into an urgent item. */
export function saysNow(text: string, start: number, end: number): boolean {
  return IMMEDIACY.test(clauseOf(text, start, end));
}
