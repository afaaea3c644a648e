import type { Language } from '@kindred/contracts';
import { useSyncExternalStore } from 'react';
import { isLanguage } from './locales';

/**
 * The language last chosen in this tab: by a visitor on the welcome, sign-in or register
 * page, or the signed-in member's setting. A reload starts in it instead of flashing the
 * browser's language first. It lives in sessionStorage, not localStorage: a Kindred key left
 * on the device after the tab is closed would tell a watching person the site was used.
 * Signed-in members get their language from their account on any tab anyway. It is a
 * language code only, never anything a member wrote; quick exit clears it with the rest.
 */
const STORAGE_KEY = 'kindred.language';
const listeners = new Set<() => void>();

function read(): Language | null {
  try {
    const stored = sessionStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : null;
  } catch {
    // Storage can be off (private modes, policies): the choice then lasts for this page only.
    return memoryFallback;
  }
}

let memoryFallback: Language | null = null;

export function readDeviceLanguage(): Language | null {
  return read();
}

export function setDeviceLanguage(language: Language | null): void {
  memoryFallback = language;
  try {
    if (language) sessionStorage.setItem(STORAGE_KEY, language);
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // See read(): kept in memory only.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useDeviceLanguage(): Language | null {
  return useSyncExternalStore(subscribe, read);
}
