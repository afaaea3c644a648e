import { useInfiniteQuery } from '@tanstack/react-query';
import { searchPosts } from '../api/search-api';

export interface SearchTerms {
  q: string;
  room: string | null;
}

/** Search words live in memory only: never in the address bar, where history would keep them. */
export function useSearch(terms: SearchTerms | null) {
  return useInfiniteQuery({
    queryKey: ['search', terms?.q ?? '', terms?.room ?? ''],
    queryFn: ({ pageParam, signal }) => searchPosts(terms!.q, terms!.room, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: terms !== null,
  });
}
