import { EMPLOYERS, INSTITUTION_PREFIXES, INSTITUTION_SUFFIXES } from '../data/places.js';
import { AFTER, BEFORE, CAPITALISED, literalAlternation, spansOf, type FoundSpan } from './found-span.js';

// "Lincoln High School", "St. Mary’s Hospital": capitalised words before a suffix; the suffix
// must be capitalised too, so "High school was hard" and "the hospital" are not names.
const NAME_WORD = `(?:${CAPITALISED}\\.?)`;
const BY_SUFFIX = new RegExp(`${BEFORE}(?:${NAME_WORD}\\s+){1,4}(?:${literalAlternation(INSTITUTION_SUFFIXES)})${AFTER}`, 'gu');
// "Colegio San José", "Universidad de Granada", "Hospital La Paz".
const JOINER = '(?:de|del|la|las|los|el|y)\\s+';
const BY_PREFIX = new RegExp(
  `${BEFORE}(?:${literalAlternation(INSTITUTION_PREFIXES)})\\s+(?:${JOINER})*${CAPITALISED}(?:\\s+(?:${JOINER})?${CAPITALISED}){0,2}${AFTER}`,
  'gu',
);
const EMPLOYER = new RegExp(`${BEFORE}(?:${literalAlternation(EMPLOYERS)})${AFTER}`, 'gu');

export function findSchoolsAndWorkplaces(text: string): FoundSpan[] {
  return [
    ...spansOf('school-or-workplace', BY_SUFFIX, text),
    ...spansOf('school-or-workplace', BY_PREFIX, text),
    ...spansOf('school-or-workplace', EMPLOYER, text),
  ];
}
