import type { CreateThreadRequest } from '@kindred/contracts';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { createThread, fetchThreads, markRoomRead } from '../api/threads-api';

const THREADS_PAGE_SIZE = 25;

export const threadKeys = {
  list: (roomId: string) => ['threads', roomId] as const,
  detail: (threadId: string) => ['thread', threadId] as const,
  posts: (threadId: string) => ['posts', threadId] as const,
};

export function useThreads(roomId: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: threadKeys.list(roomId),
    queryFn: ({ pageParam, signal }) => fetchThreads(roomId, pageParam, THREADS_PAGE_SIZE, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
  });
}

export function useCreateThread(roomId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateThreadRequest) => createThread(roomId, body),
    onSuccess: async (thread) => {
      client.setQueryData(threadKeys.detail(thread.id), thread);
      await client.invalidateQueries({ queryKey: threadKeys.list(roomId) });
    },
  });
}

/** "Mark room read": the room's thread list and the directory's counts are fetched again. */
export function useMarkRoomRead(roomId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => markRoomRead(roomId),
    onSuccess: () => client.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'rooms' || (q.queryKey[0] === 'threads' && q.queryKey[1] === roomId) }),
  });
}
