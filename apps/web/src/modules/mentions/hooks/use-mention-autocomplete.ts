import type { FormEvent, KeyboardEvent, SyntheticEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import { fetchMentionCandidates } from '../api/mentions-api';
import { insertMention, mentionAtCaret, type MentionToken } from '../lib/mention-token';

/** Short: the list should keep up with typing, yet not ask on every letter of a fast typist. */
const PAUSE_MS = 150;

interface Options {
  /** The room whose members may be offered; no room (a private conversation) offers nothing. */
  roomId: string | undefined;
  value: string;
  onChange: (value: string) => void;
  /** Prefix of the list's and options' ids, unique on the page. */
  idPrefix: string;
}

export interface MentionList {
  id: string;
  open: boolean;
  handles: string[];
  active: number;
  optionId: (index: number) => string;
  choose: (handle: string) => void;
}

/**
 * The "@…" autocomplete of a textarea: the textarea keeps focus and points at the highlighted
 * option (aria-activedescendant); arrows move, Enter or Tab insert, Escape closes (and still
 * counts towards the quick exit's double Escape). Suggestions live in memory only.
 */
export function useMentionAutocomplete({ roomId, value, onChange, idPrefix }: Options) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const [token, setToken] = useState<MentionToken | null>(null);
  const [found, setFound] = useState<{ query: string; handles: string[] }>({ query: '', handles: [] });
  const [active, setActive] = useState(0);
  // The "@" whose list was closed with Escape stays closed until another mention is typed.
  const [dismissed, setDismissed] = useState<number | null>(null);
  const query = token?.query ?? '';

  useEffect(() => {
    if (!roomId || !query) return undefined;
    const abort = new AbortController();
    const timer = window.setTimeout(() => {
      fetchMentionCandidates(roomId, query, abort.signal).then(
        (candidates) => {
          setFound({ query, handles: candidates.map((c) => c.handle) });
          setActive(0);
        },
        // Suggestions are a help: a failed look-up shows none, and typing goes on.
        () => undefined,
      );
    }, PAUSE_MS);
    return () => {
      window.clearTimeout(timer);
      abort.abort();
    };
  }, [roomId, query]);

  // Answers for an earlier query are kept while the next is asked, narrowed to what still fits.
  const lower = query.toLowerCase();
  const handles = query ? found.handles.filter((h) => h.toLowerCase().startsWith(lower) && found.query.length <= query.length) : [];
  const open = !!token && handles.length > 0 && dismissed !== token.start;
  const optionId = (index: number) => `${idPrefix}-mention-${index}`;
  const activeIndex = Math.min(active, Math.max(handles.length - 1, 0));

  /** `typed`: new letters reopen a list closed with Escape; moving the caret does not. */
  function readCaret(element: HTMLTextAreaElement, typed: boolean) {
    const caret = element.selectionStart === element.selectionEnd ? element.selectionStart : -1;
    const next = roomId && caret >= 0 ? mentionAtCaret(element.value, caret) : null;
    setToken(next);
    if (typed || !next || next.start !== dismissed) setDismissed(null);
  }

  function choose(handle: string) {
    if (!token) return;
    const next = insertMention(value, token, handle);
    onChange(next.text);
    setToken(null);
    // After React has written the new text: the caret goes just past the inserted handle.
    window.requestAnimationFrame(() => {
      ref.current?.focus();
      ref.current?.setSelectionRange(next.caret, next.caret);
    });
  }

  /** True when the key was the list's (the composer's own Enter must not also send). */
  function handleKey(event: KeyboardEvent<HTMLTextAreaElement>): boolean {
    if (!open || event.nativeEvent.isComposing) return false;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActive((activeIndex + step + handles.length) % handles.length);
        return true;
      }
      case 'Enter':
      case 'Tab':
        if (event.shiftKey) return false;
        event.preventDefault();
        choose(handles[activeIndex]!);
        return true;
      case 'Escape':
        // Not stopped: the quick exit listens for Escape too, and must always be reachable.
        setDismissed(token!.start);
        return true;
      default:
        return false;
    }
  }

  const list: MentionList = { id: `${idPrefix}-mentions`, open, handles, active: activeIndex, optionId, choose };
  const textarea = {
    ref,
    'aria-autocomplete': roomId ? ('list' as const) : undefined,
    'aria-controls': open ? list.id : undefined,
    'aria-activedescendant': open ? optionId(activeIndex) : undefined,
    onSelect: (event: SyntheticEvent<HTMLTextAreaElement>) => readCaret(event.currentTarget, false),
    onInput: (event: FormEvent<HTMLTextAreaElement>) => readCaret(event.currentTarget, true),
  };
  return { list, textarea, handleKey };
}
