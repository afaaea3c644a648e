import type { ContentWarningCategory } from '@kindred/contracts';
import { useT } from '../../../shared/i18n/use-t';
import { useCategoryLabel } from '../hooks/use-category-label';
import './content-warnings.css';

/**
 * Topic labels only: they name a subject, never details. Categories Kindred added because the
 * words suggested a crisis say so ("added automatically"), so no one mistakes them for the author's.
 */
export function WarningBadges({ categories, automatic = [] }: { categories: readonly ContentWarningCategory[]; automatic?: readonly ContentWarningCategory[] }) {
  const t = useT();
  const label = useCategoryLabel();
  if (categories.length === 0) return null;
  return (
    <ul className="warning-badges" aria-label={t('cw.badges.label')}>
      {categories.map((category) => (
        <li key={category} className="badge badge--warning">
          {automatic.includes(category) ? t('cw.badges.automatic', { category: label(category) }) : label(category)}
        </li>
      ))}
    </ul>
  );
}
