import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { fetchBookmarks, removeBookmark, saveBookmark } from '../api/bookmarks-api';

const BOOKMARKS_KEY = ['bookmarks'] as const;

export function useBookmarks() {
  return useInfiniteQuery({
    queryKey: BOOKMARKS_KEY,
    queryFn: ({ pageParam, signal }) => fetchBookmarks(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Saving (or changing a note) and removing both refresh the saved list. */
export function useSaveBookmark() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ postId, note }: { postId: string; note?: string | null }) => saveBookmark(postId, note === undefined ? {} : { note }),
    onSuccess: () => client.invalidateQueries({ queryKey: BOOKMARKS_KEY }),
  });
}

export function useRemoveBookmark() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (postId: string) => removeBookmark(postId),
    onSuccess: () => client.invalidateQueries({ queryKey: BOOKMARKS_KEY }),
  });
}
