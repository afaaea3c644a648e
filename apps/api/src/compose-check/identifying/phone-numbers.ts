import { AFTER, BEFORE, spansOf, type FoundSpan } from './found-span.js';

// Digit groups with the separators people type: "+44 7700 900123", "(415) 555-0132",
// "612 34 56 78", "4155550147" (groups of 2 to 6 digits, or one run). A number counts when it has 9 to 15 digits (the range of real
// numbers with an area code, E.164 at most 15): shorter runs are times, prices, counts and dates
// ("12-05-2024" has 8). Groups of one digit only after a "+" (a country code), so ISBNs and
// "5-4-3-2-1" are not phones. Seven-digit local numbers are missed on purpose: too many
// everyday numbers look like them.
const PHONE = new RegExp(
  `${BEFORE}(?:\\+\\d{1,3}[\\s.-]?)?(?:\\(\\d{2,4}\\)[\\s.-]?)?(?:\\d{9,15}|\\d{2,6}(?:[\\s.-]\\d{2,6}){0,5})${AFTER}(?![.,/:]\\d)`,
  'gu',
);
const MIN_DIGITS = 9;
const MAX_DIGITS = 15;

export function findPhoneNumbers(text: string): FoundSpan[] {
  return spansOf('phone', PHONE, text, (m) => {
    const digits = m[0].replace(/\D/g, '').length;
    // Right after a slash, colon, comma or currency sign, digits are a date, time or amount.
    const before = text[m.index - 1];
    if (before !== undefined && /[/:,.$€£%#-]/.test(before)) return false;
    return digits >= MIN_DIGITS && digits <= MAX_DIGITS;
  });
}
