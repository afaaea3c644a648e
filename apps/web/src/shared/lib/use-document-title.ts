import { useEffect } from 'react';
import { APP_NAME } from '../i18n/locales';
import { useTitleCount } from './title-count';

/**
 * Titles stay generic ("Thread · Kindred"), never a thread title or room name: tab titles
 * end up in browser history and on shared screens, where someone else could read them.
 */
export function useDocumentTitle(title: string): void {
  const count = useTitleCount();
  useEffect(() => {
    const prefix = count > 0 ? `(${count}) ` : '';
    document.title = `${prefix}${title ? `${title} · ${APP_NAME}` : APP_NAME}`;
  }, [title, count]);
}
