import { AFTER, BEFORE, CAPITALISED, literalAlternation, spansOf, type FoundSpan } from './found-span.js';

// English: a house number, a capitalised street name (or an ordinal: "West 14th"), a street
// word. The name must be capitalised, so "5 miles down the road" is not an address.
const STREET_WORDS = [
  'Street', 'St', 'Road', 'Rd', 'Avenue', 'Ave', 'Lane', 'Ln', 'Drive', 'Dr', 'Boulevard', 'Blvd', 'Way', 'Court', 'Ct',
  'Place', 'Pl', 'Terrace', 'Close', 'Crescent', 'Highway', 'Hwy', 'Parkway', 'Square', 'Row', 'Grove', 'Gardens',
];
const NAME_WORD = `(?:${CAPITALISED}|\\d{1,3}(?:st|nd|rd|th))`;
const ENGLISH = new RegExp(
  `${BEFORE}\\d{1,5}[A-Za-z]?\\s+(?:${NAME_WORD}\\s+){1,3}(?:${literalAlternation(STREET_WORDS)})${AFTER}\\.?`,
  'gu',
);

// Spanish: a street word, a capitalised name (joined by de/del/la...), a number: "Calle Mayor
// 15", "Avenida de la Constitución 230", "C/ Alcalá 45". The word may be lower case ("calle
// Mayor 15"), the name may not, so "en la calle me sentí" is not an address.
const CALLE_WORDS = ['calle', 'c/', 'avenida', 'avda.', 'avda', 'av.', 'paseo', 'plaza', 'pza.', 'camino', 'carrera', 'ronda', 'travesía', 'carretera', 'glorieta', 'rambla'];
/** "calle" or "Calle": only the street word's first letter may be either case. */
const eitherCase = (word: string): string => `[${word[0]!.toUpperCase()}${word[0]}]${literalAlternation([word.slice(1)])}`;
const JOINER = '(?:de|del|la|las|los|el|y)\\s+';
const SPANISH = new RegExp(
  `${BEFORE}(?:${CALLE_WORDS.map(eitherCase).join('|')})\\s*(?:${JOINER})*${CAPITALISED}(?:\\s+(?:${JOINER})*${CAPITALISED}){0,3},?\\s*(?:n[º°o]\\.?\\s*)?\\d{1,4}${AFTER}`,
  'gu',
);

export function findStreetAddresses(text: string): FoundSpan[] {
  return [...spansOf('street-address', ENGLISH, text), ...spansOf('street-address', SPANISH, text)];
}
