import type { NotificationView } from '@kindred/contracts';
import { NotificationKind } from '@kindred/contracts';
import { toDisplayError } from '../../../shared/lib/api-client';
import { AppLink } from '../../../shared/ui/app-link';
import { ErrorState, LoadingState } from '../../../shared/ui/query-state';
import { TimeAgo } from '../../../shared/ui/time-ago';
import { unreadCount, useMarkAllRead, useMarkRead, useNotifications } from '../hooks/use-notifications';
import { AppealForm } from './appeal-form';
import './notifications.css';

/** Only paths inside the app become links; anything else is ignored. */
function inAppLink(link: string | null): string | null {
  return link && link.startsWith('/') && !link.startsWith('//') ? link : null;
}

export function NotificationList() {
  const notifications = useNotifications();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();

  if (notifications.isPending) return <LoadingState label="Loading your notifications…" />;
  if (notifications.isError) return <ErrorState error={notifications.error} onRetry={() => void notifications.refetch()} />;

  const items = notifications.data;
  const unread = unreadCount(items);

  return (
    <>
      <div className="section-head notifications__head">
        <p className="muted notifications__summary">
          {items.length === 0 ? 'Nothing here yet.' : unread === 0 ? 'You are all caught up.' : `${unread} unread`}
        </p>
        {unread > 0 && (
          <button type="button" className="button button--small" onClick={() => markAll.mutate()} disabled={markAll.isPending}>
            Mark all as read
          </button>
        )}
      </div>
      {(markRead.isError || markAll.isError) && (
        <p className="field__error" role="alert">
          {toDisplayError(markRead.error ?? markAll.error).message}
        </p>
      )}
      {items.length === 0 ? (
        <p className="empty-state">
          When a moderator decides something about your posts, reports or requests to join a room, you will hear about it here, privately.
        </p>
      ) : (
        <ul className="notification-list">
          {items.map((n) => (
            <NotificationItem key={n.id} notification={n} onRead={() => markRead.mutate(n.id)} pending={markRead.isPending} />
          ))}
        </ul>
      )}
    </>
  );
}

function NotificationItem({ notification: n, onRead, pending }: { notification: NotificationView; onRead: () => void; pending: boolean }) {
  const link = inAppLink(n.link);
  return (
    <li className={`notification${n.read ? '' : ' notification--unread'}`}>
      <article aria-labelledby={`notification-${n.id}`}>
        <h2 id={`notification-${n.id}`} className="notification__title">
          {!n.read && <span className="badge badge--unread">New</span>}
          {n.title}
        </h2>
        <p className="notification__body">{n.body}</p>
        <p className="muted notification__meta">
          <TimeAgo iso={n.createdAt} />
        </p>
        <div className="button-row button-row--tight">
          {link && (
            <AppLink to={link} className="button button--small">
              {n.kind === NotificationKind.JoinRequestApproved ? 'Go to the room' : 'Open'}
              <span className="visually-hidden">: {n.title}</span>
            </AppLink>
          )}
          {!n.read && (
            <button type="button" className="button button--small button--quiet" onClick={onRead} disabled={pending}>
              Mark as read<span className="visually-hidden">: {n.title}</span>
            </button>
          )}
        </div>
        {n.appealable && n.logEntryId && (
          <div className="notification__appeal">
            <AppealForm logEntryId={n.logEntryId} />
          </div>
        )}
      </article>
    </li>
  );
}
