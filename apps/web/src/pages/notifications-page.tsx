import { NotificationList } from '../modules/notifications/components/notification-list';
import { useDocumentTitle } from '../shared/lib/use-document-title';
import { useT } from '../shared/i18n/use-t';

export function NotificationsPage() {
  const t = useT();
  useDocumentTitle(t('header.notifications'));
  return (
    <div className="page">
      <h1>{t('header.notifications')}</h1>
      <p className="lead">{t('notifications.lead')}</p>
      <NotificationList />
    </div>
  );
}
