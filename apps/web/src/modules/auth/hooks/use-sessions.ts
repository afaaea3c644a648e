import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchSessions, revokeOtherSessions, revokeSession } from '../api/auth-api';

export const SESSIONS_QUERY_KEY = ['sessions'] as const;

export function useSessions() {
  return useQuery({ queryKey: SESSIONS_QUERY_KEY, queryFn: ({ signal }) => fetchSessions(signal), staleTime: 0 });
}

export function useRevokeSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => revokeSession(id),
    onSuccess: () => client.invalidateQueries({ queryKey: SESSIONS_QUERY_KEY }),
  });
}

export function useRevokeOtherSessions() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: revokeOtherSessions,
    onSuccess: () => client.invalidateQueries({ queryKey: SESSIONS_QUERY_KEY }),
  });
}
