import { NotificationList } from '../modules/notifications/components/notification-list';
import { useDocumentTitle } from '../shared/lib/use-document-title';

export function NotificationsPage() {
  useDocumentTitle('Notifications');
  return (
    <div className="page">
      <h1>Notifications</h1>
      <p className="lead">Private notes from the moderators about your posts, messages and reports. Only you can see them.</p>
      <NotificationList />
    </div>
  );
}
