import { useCallback, useSyncExternalStore } from 'react';

// Which warned items the member chose to open in this tab. Memory only, on purpose:
// nothing about what someone read is written to storage, and a reload folds things again.
const revealed = new Set<string>();
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function revealItems(...ids: string[]): void {
  for (const id of ids) revealed.add(id);
  for (const listener of listeners) listener();
}

export function useRevealed(id: string): [boolean, () => void] {
  const isRevealed = useSyncExternalStore(subscribe, () => revealed.has(id));
  const reveal = useCallback(() => revealItems(id), [id]);
  return [isRevealed, reveal];
}
