// Negation: "I would never hurt myself", "I'm not going to kill myself", "no thoughts of
// self-harm". Only the three words before a hit, inside the same clause, are looked at:
// wider windows wrongly cancel "I'm not okay and I want to die".
import { NEGATION_CUES, NOT_REALLY_NEGATIONS, WORD_LISTS } from './crisis-phrases.js';
import { clauseStart } from './context.js';
import { compileGroup } from './phrase-compiler.js';

const WINDOW_WORDS = 3;
const NEGATION = compileGroup(NEGATION_CUES, WORD_LISTS, '');
const NOT_REALLY = compileGroup(NOT_REALLY_NEGATIONS, WORD_LISTS, 'g');

export function isNegated(text: string, hitStart: number): boolean {
  const before = text.slice(clauseStart(text, hitStart, true), hitStart);
  const words = before.split(' ').filter((w) => w !== '');
  const window = words.slice(-WINDOW_WORDS).join(' ');
  if (window === '') return false;
  return NEGATION.test(window.replace(NOT_REALLY, ' '));
}
