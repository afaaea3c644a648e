import type { ContentWarningCategory } from '@kindred/contracts';
import { useCallback } from 'react';
import { useT } from '../../../shared/i18n/use-t';
import { CATEGORY_LABELS } from '../lib/labels';

/** A category's label in the active language; an unknown code (a newer taxonomy) shows as sent. */
export function useCategoryLabel(): (category: string) => string {
  const t = useT();
  return useCallback((category: string) => {
    const id = CATEGORY_LABELS[category as ContentWarningCategory];
    return id ? t(id) : category;
  }, [t]);
}
