import type { SetStateAction } from 'react';
import { useCallback, useState, useSyncExternalStore } from 'react';

/**
 * Unsent words, kept in this tab's memory only (house rule 12: never in browser storage),
 * so going to another page and pressing Back does not lose something hard to write. A
 * reload, quick exit, logout or a change of member clears them.
 */
const drafts = new Map<string, unknown>();
const listeners = new Set<() => void>();

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

/** True when something has been typed under a key starting with `prefix`. */
export function hasDraftText(prefix: string): boolean {
  for (const [key, value] of drafts) {
    if (key.startsWith(prefix) && typeof value === 'string' && value.trim() !== '') return true;
  }
  return false;
}

/** Forgets the drafts under `prefix` (after sending), or every draft when no prefix is given. */
export function clearDrafts(prefix = ''): void {
  for (const key of [...drafts.keys()]) if (key.startsWith(prefix)) drafts.delete(key);
  publish();
}
