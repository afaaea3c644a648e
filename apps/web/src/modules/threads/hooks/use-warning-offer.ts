import type { PostView } from '@kindred/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { withCategories, type WarningOffer } from '../../safety/lib/crisis-support';
import { editPost } from '../api/threads-api';
import { threadKeys } from './use-threads';

/**
 * The offer beside the author's crisis resources: add the warning readers already got
 * automatically, as the author's own, through the normal edit of the post (one click).
 */
export function useWarningOffer(): (post: PostView, threadId: string, roomId: string) => WarningOffer | undefined {
  const client = useQueryClient();
  return useCallback(
    (post, threadId, roomId) => {
      const categories = post.supportWarning ?? [];
      if (categories.length === 0) return undefined;
      return {
        categories,
        apply: async () => {
          await editPost(post.id, { body: post.body, warning: withCategories(post.warning, categories) });
          await Promise.all(
            [threadKeys.posts(threadId), threadKeys.detail(threadId), threadKeys.list(roomId)].map((queryKey) => client.invalidateQueries({ queryKey })),
          );
        },
      };
    },
    [client],
  );
}
