// Reduces a message to the small alphabet the phrase lists are written in: lower-case
// ASCII letters and digits with no letter doubled, single spaces, newlines, and . ! ? ; ,
// as sentence/clause marks. Everything here exists so that spelling tricks, phone
// keyboards and copy-paste artefacts do not hide a message from the detector.
//
// Example: "I’m gonna k1ll   MYSELFFF 😭" -> "im gona kil myself"

// Invisible characters someone (or some keyboard) may put inside a word: zero-width
// space/joiners, word joiner, BOM, soft hyphen, and bidi controls such as the RTL override.
// Removed outright (not turned into a space) so "ki\u200Bll" still reads "kill".
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
// Curly and look-alike apostrophes; all apostrophes are then dropped so "don't" == "dont".
const FANCY_APOSTROPHES = /[\u2018\u2019\u201B\u2032\u02BC\u00B4]/g;
const COMBINING_MARKS = /\p{M}/gu;
// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7F]/;

// The loop below works on character codes through lookup tables into a byte buffer:
// several times faster than a chain of regex replaces, or than Map/Set lookups per char.
const SPACE = 32;
const NEWLINE = 10;
const enum Kind {
  Other = 0, // becomes a space
  Letter,
  Digit,
  ClauseMark,
  LineBreak,
  Apostrophe, // dropped: "don't" == "dont"
}
const KIND = new Uint8Array(128);
for (let c = 97; c <= 122; c++) KIND[c] = Kind.Letter;
for (let c = 48; c <= 57; c++) KIND[c] = Kind.Digit;
for (const ch of '.!?;,') KIND[ch.charCodeAt(0)] = Kind.ClauseMark;
for (const ch of '\n\r\u000B\u000C') KIND[ch.charCodeAt(0)] = Kind.LineBreak;
for (const ch of "'`") KIND[ch.charCodeAt(0)] = Kind.Apostrophe;

// Leetspeak-lite: 0 1 3 4 decode when touching a letter ("k1ll", "d1e", "3nd"), so
// "10 years" stays a number; * @ $ only between two letters ("k*ll", "su$cide"), so
// Markdown **bold** is left alone.
const LEET_DIGIT = new Uint8Array(128);
const LEET_SYMBOL = new Uint8Array(128);
for (const [from, to] of ['0o', '1i', '3e', '4a']) LEET_DIGIT[from.charCodeAt(0)] = to.charCodeAt(0);
for (const [from, to] of ['*i', '@a', '$s']) LEET_SYMBOL[from.charCodeAt(0)] = to.charCodeAt(0);

// Unicode line breaks become \n before the loop (only possible in non-ASCII text).
const UNICODE_LINE_BREAKS = /[\u0085\u2028\u2029]/g;
// Output is pure ASCII, so a single-byte decoder builds the string.
const ASCII_DECODER = new TextDecoder('latin1');

const isLetter = (code: number): boolean => code < 128 && KIND[code] === Kind.Letter;

/** The code at i after leetspeak decoding. */
function decodeAt(s: string, i: number, code: number): number {
  if (code >= 128) return code;
  const digit = LEET_DIGIT[code];
  if (digit && (isLetter(s.charCodeAt(i - 1)) || isLetter(s.charCodeAt(i + 1)))) return digit;
  const symbol = LEET_SYMBOL[code];
  if (symbol && isLetter(s.charCodeAt(i - 1)) && isLetter(s.charCodeAt(i + 1))) return symbol;
  return code;
}

export function normaliseForCrisis(text: string): string {
  // Lower-case first: some capitals lower-case into a letter plus a combining mark
  // ("İ" -> "i" + dot), which the mark removal below then drops.
  let s = text.toLowerCase();
  if (NON_ASCII.test(s)) {
    // NFKD folds compatibility forms (fullwidth, ligatures, styled "𝓭𝓲𝓮") as NFKC does,
    // and also splits accents off so they can be dropped ("dïe" -> "die"); the same
    // removal strips "zalgo" and strike-through combining marks. Lower-cased again since
    // styled capitals such as "𝐈" only become "I" here. Pure-ASCII messages (most) skip
    // this, as it is the costliest step.
    s = s
      .replace(INVISIBLE, '')
      .replace(FANCY_APOSTROPHES, "'")
      .replace(UNICODE_LINE_BREAKS, '\n')
      .normalize('NFKD')
      .replace(COMBINING_MARKS, '')
      .toLowerCase();
  }

  // One pass: decode, map everything outside the alphabet to a space, squeeze repeated
  // letters ("diiie" -> "die"; phrases are squeezed the same way), collapse spaces and
  // blank lines, trim.
  const out = new Uint8Array(s.length);
  let n = 0;
  let last = SPACE; // last code written; SPACE at the start trims leading spaces
  let pendingSpace = false;
  for (let i = 0; i < s.length; i++) {
    const c = decodeAt(s, i, s.charCodeAt(i));
    const kind = c < 128 ? KIND[c] : Kind.Other;
    if (kind === Kind.Apostrophe) continue;
    if (kind === Kind.Other) {
      pendingSpace ||= last !== SPACE && last !== NEWLINE;
      continue;
    }
    if (kind === Kind.LineBreak) {
      pendingSpace = false;
      if (last !== NEWLINE && n > 0) out[n++] = last = NEWLINE;
      continue;
    }
    if (pendingSpace) {
      out[n++] = last = SPACE;
      pendingSpace = false;
    }
    if (c === last && kind === Kind.Letter) continue;
    out[n++] = last = c;
  }
  if (last === NEWLINE) n--;
  return ASCII_DECODER.decode(out.subarray(0, n));
}
