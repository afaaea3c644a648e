import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { blockMember, fetchBlocks, unblockMember } from '../api/blocks-api';

export const BLOCKS_QUERY_KEY = ['blocks'] as const;

export function useBlocks() {
  return useQuery({ queryKey: BLOCKS_QUERY_KEY, queryFn: ({ signal }) => fetchBlocks(signal) });
}

/** A block changes what every list shows, so all content is refetched. */
function useRefreshAfterBlock() {
  const client = useQueryClient();
  return () =>
    client.invalidateQueries({
      predicate: (q) => ['blocks', 'threads', 'posts', 'search'].includes(String(q.queryKey[0])),
    });
}

export function useBlockMember() {
  const refresh = useRefreshAfterBlock();
  return useMutation({ mutationFn: (handle: string) => blockMember(handle), onSuccess: refresh });
}

export function useUnblockMember() {
  const refresh = useRefreshAfterBlock();
  return useMutation({ mutationFn: (userId: string) => unblockMember(userId), onSuccess: refresh });
}
