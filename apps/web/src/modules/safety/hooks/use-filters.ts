import type { CreatePersonalFilterRequest } from '@kindred/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { addFilter, editFilter, fetchFilters, removeFilter } from '../api/filters-api';

export const FILTERS_QUERY_KEY = ['filters'] as const;

export function useFilters() {
  return useQuery({ queryKey: FILTERS_QUERY_KEY, queryFn: ({ signal }) => fetchFilters(signal) });
}

/** A filter changes what every list shows, so all content is refetched (as after a block). */
function useRefreshAfterFilter() {
  const client = useQueryClient();
  return () =>
    client.invalidateQueries({
      predicate: (q) => ['filters', 'threads', 'posts', 'search', 'chat'].includes(String(q.queryKey[0])),
    });
}

export function useSaveFilter() {
  const refresh = useRefreshAfterFilter();
  return useMutation({
    mutationFn: ({ id, request }: { id: string | null; request: CreatePersonalFilterRequest }) => (id ? editFilter(id, request) : addFilter(request)),
    onSuccess: refresh,
  });
}

export function useRemoveFilter() {
  const refresh = useRefreshAfterFilter();
  return useMutation({ mutationFn: (id: string) => removeFilter(id), onSuccess: refresh });
}
