import { useEffect } from 'react';
import { APP_NAME } from '../i18n/locales';

/**
 * Titles stay generic ("Thread · Kindred"), never a thread title or room name: tab titles
 * end up in browser history and on shared screens, where someone else could read them.
 */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · ${APP_NAME}` : APP_NAME;
  }, [title]);
}
