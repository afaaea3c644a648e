import { AFTER, BEFORE, spansOf, type FoundSpan } from './found-span.js';

// A few common formats, written in capitals as plates are (lower case "ab12 cde" is left
// alone: too many words and codes look like it). Extend with a country's format here.
const FORMATS = [
  '[A-Z]{2}\\d{2}\\s?[A-Z]{3}', // UK: AB12 CDE
  '\\d{4}\\s?-?[BCDFGHJKLMNPRSTVWXYZ]{3}', // Spain since 2000: 1234 BCD (consonants only)
  '\\d[A-Z]{3}\\d{3}', // California: 7ABC123
  '[A-Z]{3}-?\\d{4}', // many US states: ABC-1234
  '[A-Z]{3}-\\d{3}', // older US, Mexico: ABC-123
  '[A-Z]{1,2}-?\\d{4}-?[A-Z]{1,2}', // older Spanish provincial: M-1234-AB
];
const PLATE = new RegExp(`${BEFORE}(?:${FORMATS.join('|')})${AFTER}`, 'gu');

export function findCarPlates(text: string): FoundSpan[] {
  return spansOf('car-plate', PLATE, text);
}
