import type { CreatePostRequest, EditPostRequest, Page, PostListItem, ReactionKind } from '@kindred/contracts';
import type { InfiniteData } from '@tanstack/react-query';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createPost, deletePost, editPost, fetchPosts, fetchThread, setReaction, setThreadFollowed, setThreadMuted } from '../api/threads-api';
import { threadKeys } from './use-threads';

const POSTS_PAGE_SIZE = 50;

type PostPages = InfiniteData<Page<PostListItem>, string | null>;

export function useThread(threadId: string) {
  return useQuery({ queryKey: threadKeys.detail(threadId), queryFn: ({ signal }) => fetchThread(threadId, signal) });
}

export function usePosts(threadId: string, enabled = true) {
  const client = useQueryClient();
  return useInfiniteQuery({
    queryKey: threadKeys.posts(threadId),
    queryFn: async ({ pageParam, signal }) => {
      const page = await fetchPosts(threadId, pageParam, POSTS_PAGE_SIZE, signal);
      // Reading a page moved the member's read marker: thread lists and the directory's counts
      // are out of date. Marked stale only; they are fetched again when shown.
      void client.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'threads' || q.queryKey[0] === 'rooms', refetchType: 'none' });
      return page;
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
  });
}

/** Replaces one post in the cached pages (after an edit or a reaction). */
function updatePost(pages: PostPages | undefined, postId: string, update: (item: PostListItem) => PostListItem) {
  if (!pages) return pages;
  return {
    ...pages,
    pages: pages.pages.map((page) => ({
      ...page,
      items: page.items.map((item) => (item.id === postId ? update(item) : item)),
    })),
  };
}

export function useCreatePost(threadId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePostRequest) => createPost(threadId, body),
    onSuccess: () =>
      client.invalidateQueries({
        predicate: (q) =>
          (q.queryKey[0] === 'posts' && q.queryKey[1] === threadId) || q.queryKey[0] === 'threads',
      }),
  });
}

export function useEditPost(threadId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ postId, body }: { postId: string; body: EditPostRequest }) => editPost(postId, body),
    onSuccess: async (edited) => {
      client.setQueryData<PostPages>(threadKeys.posts(threadId), (pages) => updatePost(pages, edited.id, () => edited));
      // An edit of the opening post can change the thread's warning.
      await client.invalidateQueries({ queryKey: threadKeys.detail(threadId) });
    },
  });
}

export function useDeletePost(threadId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (postId: string) => deletePost(postId),
    onSuccess: () =>
      client.invalidateQueries({
        predicate: (q) =>
          (q.queryKey[0] === 'posts' && q.queryKey[1] === threadId) || q.queryKey[0] === 'threads',
      }),
  });
}

/** Reactions feel instant: the count changes at once and rolls back if the server says no. */
export function useReaction(threadId: string) {
  const client = useQueryClient();
  const key = threadKeys.posts(threadId);
  return useMutation({
    mutationFn: ({ postId, kind, on }: { postId: string; kind: ReactionKind; on: boolean }) =>
      setReaction(postId, kind, on),
    onMutate: async ({ postId, kind, on }) => {
      await client.cancelQueries({ queryKey: key });
      const previous = client.getQueryData<PostPages>(key);
      client.setQueryData<PostPages>(key, (pages) =>
        updatePost(pages, postId, (item) => {
          if (item.kind !== 'post' || item.myReactions.includes(kind) === on) return item;
          return {
            ...item,
            reactions: { ...item.reactions, [kind]: Math.max(0, item.reactions[kind] + (on ? 1 : -1)) },
            myReactions: on ? [...item.myReactions, kind] : item.myReactions.filter((k) => k !== kind),
          };
        }),
      );
      return { previous };
    },
    onError: (_error, _vars, context) => {
      if (context?.previous) client.setQueryData(key, context.previous);
    },
  });
}

/** Follow or mute this thread; the thread, and the lists that count it, are read again after. */
export function useThreadChoice(threadId: string, choice: 'follow' | 'mute') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (on: boolean) => (choice === 'follow' ? setThreadFollowed(threadId, on) : setThreadMuted(threadId, on)),
    onSuccess: () => client.invalidateQueries({ predicate: (q) => (q.queryKey[0] === 'thread' && q.queryKey[1] === threadId) || q.queryKey[0] === 'threads' || q.queryKey[0] === 'rooms' }),
  });
}
