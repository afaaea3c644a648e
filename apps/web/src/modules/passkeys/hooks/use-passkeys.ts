import { useQuery } from '@tanstack/react-query';
import { fetchPasskeys } from '../api/passkeys-api';

export const PASSKEYS_QUERY_KEY = ['passkeys'] as const;

export function usePasskeys() {
  return useQuery({ queryKey: PASSKEYS_QUERY_KEY, queryFn: ({ signal }) => fetchPasskeys(signal), staleTime: 0 });
}
