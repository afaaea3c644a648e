import type { ContentWarningCategory, CrisisResource } from '@kindred/contracts';
import { useSyncExternalStore } from 'react';

/**
 * Where the words were written, so the panel appears where the member is looking: beside
 * the chat box, under the reply box, or under the thread's title (a new thread or an edit).
 */
export type SupportSource = 'chat' | 'reply' | 'page';

/**
 * Readers already got the detected warning automatically; the author may add it as their own
 * with one click, through the normal edit path (`apply`).
 */
export interface WarningOffer {
  categories: ContentWarningCategory[];
  apply: () => Promise<void>;
}

export interface SupportState {
  resources: CrisisResource[];
  source: SupportSource;
  offer?: WarningOffer;
}

// Memory only: nothing about it is written to storage, and a reload clears it.
let current: SupportState | null = null;
const listeners = new Set<() => void>();

function publish(next: SupportState | null): void {
  current = next;
  for (const listener of listeners) listener();
}

export function showCrisisSupport(resources: CrisisResource[] | undefined, source: SupportSource, offer?: WarningOffer): void {
  if (resources && resources.length > 0) publish({ resources, source, ...(offer && offer.categories.length > 0 ? { offer } : {}) });
}

/** The author's warning with the detected categories added (their note kept). */
export function withCategories(warning: { categories: readonly ContentWarningCategory[]; note: string | null }, added: readonly ContentWarningCategory[]) {
  return { categories: [...new Set([...warning.categories, ...added])], ...(warning.note ? { note: warning.note } : {}) };
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
