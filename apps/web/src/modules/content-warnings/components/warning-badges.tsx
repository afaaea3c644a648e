import type { ContentWarningCategory } from '@kindred/contracts';
import { useT } from '../../../shared/i18n/use-t';
import { useCategoryLabel } from '../hooks/use-category-label';
import './content-warnings.css';

/** Topic labels only: they name a subject, never details. */
export function WarningBadges({ categories }: { categories: readonly ContentWarningCategory[] }) {
  const t = useT();
  const label = useCategoryLabel();
  if (categories.length === 0) return null;
  return (
    <ul className="warning-badges" aria-label={t('cw.badges.label')}>
      {categories.map((category) => (
        <li key={category} className="badge badge--warning">
          {label(category)}
        </li>
      ))}
    </ul>
  );
}
