import type { SetStateAction } from 'react';
import { useCallback, useState, useSyncExternalStore } from 'react';

/**
 * Unsent words in this tab's memory (house rule 12: never in browser storage), so going to
 * another page and pressing Back does not lose something hard to write. Thread and reply
 * drafts are also saved on the server as the member types (modules/drafts), which is what
 * survives a reload or another device. Quick exit, logout or a change of member clears them.
 */
const drafts = new Map<string, unknown>();
const listeners = new Set<() => void>();
/** Counts full wipes (quick exit, logout, another member): see `draftsGeneration`. */
let generation = 0;

function publish(): void {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Like useState, but the value outlives the component: it is stored under `key` (for
 * example "reply:<thread id>") until cleared. `initial` is used while nothing is stored.
 */
export function useDraft<T>(key: string, initial: () => T): [T, (next: SetStateAction<T>) => void] {
  const [fallback] = useState(initial);
  const stored = useSyncExternalStore(subscribe, () => drafts.get(key));
  const value = stored === undefined ? fallback : (stored as T);
  const setValue = useCallback(
    (next: SetStateAction<T>) => {
      const current = drafts.has(key) ? (drafts.get(key) as T) : fallback;
      drafts.set(key, typeof next === 'function' ? (next as (previous: T) => T)(current) : next);
      publish();
    },
    [key, fallback],
  );
  return [value, setValue];
}

/** Like hasDraftText, and updates when the drafts change (a draft brought back from the server). */
export function useHasDraftText(prefix: string): boolean {
  return useSyncExternalStore(subscribe, () => hasDraftText(prefix));
}

/** True when something has been typed under a key starting with `prefix`. */
export function hasDraftText(prefix: string): boolean {
  for (const [key, value] of drafts) {
    if (key.startsWith(prefix) && typeof value === 'string' && value.trim() !== '') return true;
  }
  return false;
}

/** Sets a draft field from outside its form (e.g. "Reply to this" on a post chooses the reply's target). */
export function setDraft(key: string, value: unknown): void {
  drafts.set(key, value);
  publish();
}

/** Forgets the drafts under `prefix` (after sending), or every draft when no prefix is given. */
export function clearDrafts(prefix = ''): void {
  if (prefix === '') generation += 1;
  for (const key of [...drafts.keys()]) if (key.startsWith(prefix)) drafts.delete(key);
  publish();
}

/**
 * Changes whenever every draft was forgotten at once. Server sync compares it, so emptied
 * boxes after quick exit or logout are not mistaken for the member deleting their words
 * (the server copy is the member's to keep across devices; quick exit deletes it there).
 */
export function useDraftsGeneration(): number {
  return useSyncExternalStore(subscribe, () => generation);
}
