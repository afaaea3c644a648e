import type { NotificationView } from '@kindred/contracts';
import { NotificationKind } from '@kindred/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useSocketEvent } from '../../../shared/realtime/use-realtime';
import { MY_REPORTS_QUERY_KEY } from '../../reports/hooks/use-my-reports';
import { fetchNotifications, markAllNotificationsRead, markNotificationRead, sendAppeal } from '../api/notifications-api';
import { useT } from '../../../shared/i18n/use-t';
import { useNoticeText } from '../lib/notice-text';

export const NOTIFICATIONS_QUERY_KEY = ['notifications'] as const;
/** Decisions about the member (moderation's "my decisions"); a decision notification refreshes them. */
export const MY_LOG_QUERY_KEY = ['my-moderation-log'] as const;

export function useNotifications(enabled = true) {
  return useQuery({
    queryKey: NOTIFICATIONS_QUERY_KEY,
    queryFn: ({ signal }) => fetchNotifications(signal),
    enabled,
    // New ones arrive over the socket; this is only the starting point.
    staleTime: 5 * 60_000,
  });
}

export function unreadCount(notifications: NotificationView[] | undefined): number {
  return notifications?.filter((n) => !n.read).length ?? 0;
}

/**
 * Private notices arrive over the shared socket and go straight into the list, so the
 * header count is right without polling. Returns a line to announce politely.
 */
export function useLiveNotifications(): string {
  const t = useT();
  const client = useQueryClient();
  const [announcement, setAnnouncement] = useState('');
  const noticeText = useNoticeText();
  const onNotification = useCallback(
    (notification: NotificationView) => {
      client.setQueryData<NotificationView[]>(NOTIFICATIONS_QUERY_KEY, (current) =>
        current ? [notification, ...current.filter((n) => n.id !== notification.id)] : current,
      );
      if (!client.getQueryData(NOTIFICATIONS_QUERY_KEY)) void client.invalidateQueries({ queryKey: NOTIFICATIONS_QUERY_KEY });
      // What the notice is about may have changed too.
      void client.invalidateQueries({ queryKey: MY_REPORTS_QUERY_KEY });
      void client.invalidateQueries({ queryKey: MY_LOG_QUERY_KEY });
      if (notification.kind === NotificationKind.HeldPostDecision || notification.kind === NotificationKind.ModerationAction) {
        void client.invalidateQueries({ predicate: (q) => ['threads', 'thread', 'posts'].includes(String(q.queryKey[0])) });
      }
      // A new thread in a followed room: that room's list shows it without a reload.
      if (notification.kind === NotificationKind.RoomThread) void client.invalidateQueries({ queryKey: ['threads'] });
      if (notification.kind === NotificationKind.JoinRequestApproved || notification.kind === NotificationKind.JoinRequestDeclined) {
        // The room page and directory show "asked to join" until they hear the answer.
        void client.invalidateQueries({ predicate: (q) => ['rooms', 'room'].includes(String(q.queryKey[0])) });
      }
      setAnnouncement(t('notifications.announce', { title: noticeText(notification).title }));
    },
    [client, t, noticeText],
  );
  useSocketEvent('notification', onNotification);
  return announcement;
}

function setRead(client: ReturnType<typeof useQueryClient>, ids: string[] | 'all') {
  client.setQueryData<NotificationView[]>(NOTIFICATIONS_QUERY_KEY, (current) =>
    current?.map((n) => (ids === 'all' || ids.includes(n.id) ? { ...n, read: true } : n)),
  );
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({ mutationFn: markNotificationRead, onSuccess: (_data, id) => setRead(client, [id]) });
}

export function useMarkAllRead() {
  const client = useQueryClient();
  return useMutation({ mutationFn: markAllNotificationsRead, onSuccess: () => setRead(client, 'all') });
}

export function useAppeal() {
  return useMutation({ mutationFn: sendAppeal });
}
