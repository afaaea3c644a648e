import type { AppealRequest, NotificationSettings, NotificationView, UpdateNotificationSettingsRequest } from '@kindred/contracts';
import { apiRequest } from '../../../shared/lib/api-client';

export function fetchNotifications(signal?: AbortSignal): Promise<NotificationView[]> {
  return apiRequest<NotificationView[]>('/api/me/notifications', { signal });
}

export function markNotificationRead(id: string): Promise<void> {
  return apiRequest<void>(`/api/me/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' });
}

export function markAllNotificationsRead(): Promise<void> {
  return apiRequest<void>('/api/me/notifications/read-all', { method: 'POST' });
}

export function sendAppeal(body: AppealRequest): Promise<{ queueItemId: string }> {
  return apiRequest<{ queueItemId: string }>('/api/appeals', { method: 'POST', body });
}

export function fetchNotificationSettings(signal?: AbortSignal): Promise<NotificationSettings> {
  return apiRequest<NotificationSettings>('/api/me/notification-settings', { signal });
}

export function updateNotificationSettings(body: UpdateNotificationSettingsRequest): Promise<NotificationSettings> {
  return apiRequest<NotificationSettings>('/api/me/notification-settings', { method: 'PATCH', body });
}
