import type { ComposeCheckKind, ContentWarningCategory } from '@kindred/contracts';
import { useEffect, useState } from 'react';
import { checkDraft } from '../api/compose-check-api';
import type { CheckedDraft } from '../lib/findings';

/** Long enough not to ask on every keystroke, short enough to answer before most people press send. */
const PAUSE_MS = 700;

interface DraftToCheck {
  kind: ComposeCheckKind;
  /** The room (thread, reply, chat) or conversation (message) it goes to; nothing is checked without one. */
  placeId: string | undefined;
  text: string;
  title?: string;
  chosenWarnings: readonly ContentWarningCategory[];
}

/**
 * Checks a draft once the writer pauses. The answer lives in this component's memory only
 * (never in browser storage) and is dropped when the box is emptied. A failed check shows
 * nothing: it is advice, and must never stand between someone and sending.
 */
export function useComposeCheck({ kind, placeId, text, title, chosenWarnings }: DraftToCheck): CheckedDraft | null {
  const [checked, setChecked] = useState<CheckedDraft | null>(null);
  // A string, so a new array with the same categories does not start another check.
  const chosenKey = [...chosenWarnings].sort().join(',');

  useEffect(() => {
    const abort = new AbortController();
    const timer = window.setTimeout(() => {
      // An emptied box (a sent chat line) forgets the last answer at once.
      if (!placeId || !text.trim()) {
        setChecked(null);
        return;
      }
      const context = kind === 'message' ? { kind, conversationId: placeId } : { kind, roomId: placeId };
      const chosen = chosenKey ? (chosenKey.split(',') as ContentWarningCategory[]) : [];
      checkDraft({ text, ...(title ? { title } : {}), context, chosenWarnings: chosen }, abort.signal).then(
        (result) => setChecked({ result, text, title: title ?? '' }),
        () => undefined,
      );
    }, placeId && text.trim() ? PAUSE_MS : 0);
    return () => {
      window.clearTimeout(timer);
      abort.abort();
    };
  }, [kind, placeId, text, title, chosenKey]);

  return checked;
}
