import type { CrisisResource } from '@kindred/contracts';
import { useSyncExternalStore } from 'react';

/**
 * Where the words were written, so the panel appears where the member is looking: beside
 * the chat box, under the reply box, or under the thread's title (a new thread or an edit).
 */
export type SupportSource = 'chat' | 'reply' | 'page';

export interface SupportState {
  resources: CrisisResource[];
  source: SupportSource;
}

// Memory only: nothing about it is written to storage, and a reload clears it.
let current: SupportState | null = null;
const listeners = new Set<() => void>();

function publish(next: SupportState | null): void {
  current = next;
  for (const listener of listeners) listener();
}

export function showCrisisSupport(resources: CrisisResource[] | undefined, source: SupportSource): void {
  if (resources && resources.length > 0) publish({ resources, source });
}

export function dismissCrisisSupport(): void {
  publish(null);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useCrisisSupport(): SupportState | null {
  return useSyncExternalStore(subscribe, () => current);
}
