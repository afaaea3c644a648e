import type { UpdateNotificationSettingsRequest } from '@kindred/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchNotificationSettings, updateNotificationSettings } from '../api/notifications-api';

const NOTIFICATION_SETTINGS_QUERY_KEY = ['notification-settings'] as const;

export function useNotificationSettings() {
  return useQuery({ queryKey: NOTIFICATION_SETTINGS_QUERY_KEY, queryFn: ({ signal }) => fetchNotificationSettings(signal) });
}

export function useSaveNotificationSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateNotificationSettingsRequest) => updateNotificationSettings(body),
    onSuccess: (saved) => client.setQueryData(NOTIFICATION_SETTINGS_QUERY_KEY, saved),
  });
}
