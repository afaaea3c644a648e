import type { FilterFold } from '@kindred/contracts';
import { useT } from '../../../shared/i18n/use-t';

/** "Hidden by your filter: <the member's own label>": never the filtered words themselves. */
export function FilterFoldTitle({ fold }: { fold: FilterFold }) {
  const t = useT();
  return <p className="warning-gate__title">{fold.label ? t('filters.fold', { label: fold.label }) : t('filters.foldNoLabel')}</p>;
}
