import type { Language } from '@kindred/contracts';
import { useSyncExternalStore } from 'react';

/**
 * The language last chosen in this page: by a visitor on the welcome, sign-in or register
 * page, or the signed-in member's setting. It is kept in memory only, never in browser
 * storage: a Kindred key left on the device would tell a watching person the site was used
 * (house rule 12). A reload starts again from the browser's language; a signed-in member's
 * account setting then applies as soon as the session is read.
 */
let chosen: Language | null = null;
const listeners = new Set<() => void>();

export function readDeviceLanguage(): Language | null {
  return chosen;
}

export function setDeviceLanguage(language: Language | null): void {
  chosen = language;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useDeviceLanguage(): Language | null {
  return useSyncExternalStore(subscribe, readDeviceLanguage);
}
