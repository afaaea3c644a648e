import type { NotificationView } from '@kindred/contracts';
import { NotificationKind } from '@kindred/contracts';
import { AppLink } from '../../../shared/ui/app-link';
import { ErrorState, LoadingState } from '../../../shared/ui/query-state';
import { TimeAgo } from '../../../shared/ui/time-ago';
import { unreadCount, useMarkAllRead, useMarkRead, useNotifications } from '../hooks/use-notifications';
import { useNoticeText } from '../lib/notice-text';
import { AppealForm } from './appeal-form';
import './notifications.css';
import { useT } from '../../../shared/i18n/use-t';
import { useErrorText } from '../../../shared/i18n/error-text';

/** Only paths inside the app become links; anything else is ignored. */
function inAppLink(link: string | null): string | null {
  return link && link.startsWith('/') && !link.startsWith('//') ? link : null;
}

export function NotificationList() {
  const t = useT();
  const errorText = useErrorText();
  const notifications = useNotifications();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();

  if (notifications.isPending) return <LoadingState label={t('notifications.loading')} />;
  if (notifications.isError) return <ErrorState error={notifications.error} onRetry={() => void notifications.refetch()} />;

  const items = notifications.data;
  const unread = unreadCount(items);

  return (
    <>
      <div className="section-head notifications__head">
        <p className="muted notifications__summary">
          {items.length === 0 ? t('notifications.nothingYet') : unread === 0 ? t('notifications.caughtUp') : t('notifications.unreadCount', { count: unread })}
        </p>
        {unread > 0 && (
          <button type="button" className="button button--small" onClick={() => markAll.mutate()} disabled={markAll.isPending}>
            {t('notifications.markAllRead')}
          </button>
        )}
      </div>
      {(markRead.isError || markAll.isError) && (
        <p className="field__error" role="alert">
          {errorText(markRead.error ?? markAll.error)}
        </p>
      )}
      {items.length === 0 ? (
        <p className="empty-state">
          {t('notifications.empty')}
        </p>
      ) : (
        <ul className="notification-list card-list">
          {items.map((n) => (
            <NotificationItem key={n.id} notification={n} onRead={() => markRead.mutate(n.id)} pending={markRead.isPending} />
          ))}
        </ul>
      )}
    </>
  );
}

function NotificationItem({ notification: n, onRead, pending }: { notification: NotificationView; onRead: () => void; pending: boolean }) {
  const t = useT();
  const link = inAppLink(n.link);
  const { title, body } = useNoticeText()(n);
  return (
    <li className={`notification card-list__item${n.read ? '' : ' notification--unread'}`}>
      <article aria-labelledby={`notification-${n.id}`}>
        <h2 id={`notification-${n.id}`} className="notification__title">
          {!n.read && <span className="badge badge--unread">{t('notifications.new')}</span>}
          {title}
        </h2>
        <p className="notification__body">{body}</p>
        <p className="muted notification__meta">
          <TimeAgo iso={n.createdAt} />
        </p>
        <div className="button-row button-row--tight">
          {link && (
            // Opening a reply or mention notice reads it: it leads to the very words it is about.
            <AppLink to={link} className="button button--small" onClick={(n.kind === NotificationKind.Reply || n.kind === NotificationKind.Mention) && !n.read ? onRead : undefined}>
              {n.kind === NotificationKind.JoinRequestApproved ? t('notifications.goToRoom') : t('notifications.open')}
              <span className="visually-hidden">: {title}</span>
            </AppLink>
          )}
          {!n.read && (
            <button type="button" className="button button--small button--quiet" onClick={onRead} disabled={pending}>
              {t('notifications.markRead')}
              <span className="visually-hidden">: {title}</span>
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
