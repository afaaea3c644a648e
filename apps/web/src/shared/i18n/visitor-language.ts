import type { Language } from '@kindred/contracts';
import { useSyncExternalStore } from 'react';
import { isLanguage } from './locales';

/**
 * The language last chosen on this device: by a visitor on the welcome, sign-in or register
 * page, or the signed-in member's setting. The next visit starts in it instead of flashing
 * the browser's language first. It is a language code only, never anything a member wrote;
 * quick exit clears it with the rest of storage.
 */
const STORAGE_KEY = 'kindred.language';
const listeners = new Set<() => void>();

function read(): Language | null {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
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
    if (language) localStorage.setItem(STORAGE_KEY, language);
    else localStorage.removeItem(STORAGE_KEY);
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
