import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { deleteAccount, fetchSettings, updateSettings, type MemberSettings } from '../api/account-api';

export const SETTINGS_QUERY_KEY = ['member-settings'] as const;

export function useMemberSettings() {
  return useQuery({ queryKey: SETTINGS_QUERY_KEY, queryFn: ({ signal }) => fetchSettings(signal) });
}

export function useSaveMemberSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<MemberSettings>) => updateSettings(body),
    onSuccess: (saved) => client.setQueryData(SETTINGS_QUERY_KEY, saved),
  });
}

export function useDeleteAccount() {
  return useMutation({ mutationFn: ({ password, eraseContent }: { password: string; eraseContent: boolean }) => deleteAccount(password, eraseContent) });
}
