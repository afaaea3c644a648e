import type { IdentifyingKind } from '@kindred/contracts';

/** Where one rule found something in one string; end exclusive. */
export interface FoundSpan {
  kind: IdentifyingKind;
  start: number;
  end: number;
}

/** Every match of a global regex as spans, trimmed of trailing punctuation the pattern allowed. */
export function spansOf(kind: IdentifyingKind, pattern: RegExp, text: string, accept: (match: RegExpExecArray) => boolean = () => true): FoundSpan[] {
  const found: FoundSpan[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    if (!accept(m)) continue;
    const trimmed = m[0].replace(/[\s.,;:]+$/u, '');
    found.push({ kind, start: m.index, end: m.index + trimmed.length });
  }
  return found;
}

/** Alternation of literal words, longest first, so "High School" wins over "High". */
export function literalAlternation(words: readonly string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]").replace(/ /g, '\\s+'))
    .join('|');
}

/** Lower case without accents: how word lists are compared. */
export const fold = (word: string): string =>
  word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();

// Not inside a word: JavaScript's \b knows only ASCII letters, and names carry accents.
export const BEFORE = '(?<![\\p{L}\\p{N}])';
export const AFTER = '(?![\\p{L}\\p{N}])';
/** A capitalised word: "Maple", "Constitución", "O’Brien", "Lopez-Garcia", "Mary’s". */
export const CAPITALISED = "\\p{Lu}[\\p{Ll}\\p{Lu}]*(?:['’-]\\p{Lu}?\\p{Ll}+)*";
