import { ModerationDashboard } from '../modules/moderation/components/dashboard/moderation-dashboard';
import { useDocumentTitle } from '../shared/lib/use-document-title';

/** Loaded only when a moderator opens it, so members never download the dashboard. */
export function ModerationPage() {
  useDocumentTitle('Moderation');
  return (
    <div className="page page--moderation">
      <h1>Moderation</h1>
      <ModerationDashboard />
    </div>
  );
}
