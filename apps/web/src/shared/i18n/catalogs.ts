import type { Messages } from '@lingui/core';
import type { AppLocale } from './locales';

interface CompiledCatalog {
  messages: Messages;
}

/**
 * One lazy chunk per language: only the active one is downloaded. The Lingui Vite plugin
 * compiles each JSON catalog (the `?lingui` suffix) into ready-to-run messages at build time.
 */
const LOADERS: Record<AppLocale, () => Promise<CompiledCatalog>> = {
  en: () => import('../../locales/en.json?lingui'),
  es: () => import('../../locales/es.json?lingui'),
  'ar-XB': () => import('../../locales/ar-XB.json?lingui'),
};

export async function loadMessages(locale: AppLocale): Promise<Messages> {
  return (await LOADERS[locale]()).messages;
}
