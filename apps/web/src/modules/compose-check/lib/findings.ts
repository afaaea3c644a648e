import type { ComposeCheckResult, IdentifyingSpan } from '@kindred/contracts';

/** A finished check with the words it read: offsets only mean something against those words. */
export interface CheckedDraft {
  result: ComposeCheckResult;
  text: string;
  title: string;
}

export const hasFindings = (result: ComposeCheckResult): boolean =>
  result.crisis || result.identifying.length > 0 || result.suggestedWarnings.length > 0;

const AROUND = 24;

/** The words around a span, split so the span itself can be marked. */
export function excerptOf(draft: CheckedDraft, span: IdentifyingSpan): { before: string; found: string; after: string } {
  const words = span.field === 'title' ? draft.title : draft.text;
  const from = Math.max(0, span.start - AROUND);
  const to = Math.min(words.length, span.end + AROUND);
  return {
    before: (from > 0 ? '…' : '') + words.slice(from, span.start),
    found: words.slice(span.start, span.end),
    after: words.slice(span.end, to) + (to < words.length ? '…' : ''),
  };
}
