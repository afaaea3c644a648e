import { ModerationDashboard } from '../modules/moderation/components/dashboard/moderation-dashboard';
import { useDocumentTitle } from '../shared/lib/use-document-title';
import { useT } from '../shared/i18n/use-t';

/** Loaded only when a moderator opens it, so members never download the dashboard. */
export function ModerationPage() {
  const t = useT();
  useDocumentTitle(t('header.moderation'));
  return (
    <div className="page page--moderation">
      <h1>{t('header.moderation')}</h1>
      <ModerationDashboard />
    </div>
  );
}
