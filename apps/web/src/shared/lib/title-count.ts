import { useSyncExternalStore } from 'react';

/**
 * A number the tab title carries in front, e.g. "(2) Moderation · Kindred" for open crisis
 * items: a moderator working in another tab sees it. Only a count, never what it is about.
 */
let count = 0;
const listeners = new Set<() => void>();

export function setTitleCount(next: number): void {
  if (next === count) return;
  count = next;
  for (const listener of listeners) listener();
}

export function useTitleCount(): number {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => count,
  );
}
