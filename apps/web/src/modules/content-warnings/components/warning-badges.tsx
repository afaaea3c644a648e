import type { ContentWarningCategory } from '@kindred/contracts';
import { CONTENT_WARNING_LABELS } from '@kindred/contracts';
import './content-warnings.css';

/** Topic labels only: they name a subject, never details. */
export function WarningBadges({ categories }: { categories: readonly ContentWarningCategory[] }) {
  if (categories.length === 0) return null;
  return (
    <ul className="warning-badges" aria-label="Content warnings">
      {categories.map((category) => (
        <li key={category} className="badge badge--warning">
          {CONTENT_WARNING_LABELS[category] ?? category}
        </li>
      ))}
    </ul>
  );
}
