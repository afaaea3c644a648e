import type { WarningPreferences } from '@kindred/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchWarningPreferences, saveWarningPreferences } from '../api/preferences-api';

export const PREFERENCES_QUERY_KEY = ['warning-preferences'] as const;

export function useWarningPreferences(enabled = true) {
  return useQuery({ queryKey: PREFERENCES_QUERY_KEY, queryFn: ({ signal }) => fetchWarningPreferences(signal), enabled });
}

export function useSaveWarningPreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (preferences: WarningPreferences) => saveWarningPreferences(preferences),
    onSuccess: async (saved) => {
      client.setQueryData(PREFERENCES_QUERY_KEY, saved);
      // What is shown, folded or left out is decided by the server per request.
      await client.invalidateQueries({
        predicate: (q) => ['threads', 'thread', 'posts', 'search'].includes(String(q.queryKey[0])),
      });
    },
  });
}
