import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isRetryable, isUnauthenticated } from '../shared/lib/api-client';
import { ME_QUERY_KEY } from '../modules/auth/hooks/use-session';

/**
 * One client for all server data. A 401 anywhere means the session ended (expired, revoked
 * on another device, quick exit in another tab): we mark the member signed out, and the
 * route guard sends them to the login page with the page they wanted kept in router state.
 */
export function createQueryClient(): QueryClient {
  const onError = (cause: unknown) => {
    if (isUnauthenticated(cause)) client.setQueryData(ME_QUERY_KEY, null);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Calm by default: no surprise refetches (and re-renders) when a window regains focus.
        refetchOnWindowFocus: false,
        retry: (failures, cause) => isRetryable(cause) && failures < 2,
      },
      mutations: { retry: false },
    },
  });
  return client;
}
