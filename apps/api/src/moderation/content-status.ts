import { PostStatus } from '@kindred/contracts';
import type { EntityManager } from 'typeorm';

/**
 * Moves a post to a new status and keeps its thread consistent: the published count, the
 * activity time when a held post is approved, and the thread's own status when the post is
 * its opening post.
 */
export async function setPostStatus(manager: EntityManager, postId: string, status: PostStatus): Promise<{ threadId: string; wasOpening: boolean; previous: PostStatus }> {
  const [post] = (await manager.query('SELECT thread_id, status, created_at FROM posts WHERE id = $1 FOR UPDATE', [postId])) as {
    thread_id: string;
    status: PostStatus;
    created_at: Date;
  }[];
  if (!post) throw new Error(`post ${postId} vanished`);
  await manager.query('UPDATE posts SET status = $2 WHERE id = $1', [postId, status]);
  const delta = Number(status === PostStatus.Published) - Number(post.status === PostStatus.Published);
  if (delta !== 0) await manager.query('UPDATE threads SET post_count = greatest(post_count + $2, 0) WHERE id = $1', [post.thread_id, delta]);
  if (delta > 0) await manager.query('UPDATE threads SET last_activity_at = greatest(last_activity_at, $2) WHERE id = $1', [post.thread_id, post.created_at]);
  const [first] = (await manager.query('SELECT id FROM posts WHERE thread_id = $1 ORDER BY created_at, id LIMIT 1', [post.thread_id])) as { id: string }[];
  const wasOpening = first?.id === postId;
  if (wasOpening) await manager.query('UPDATE threads SET status = $2 WHERE id = $1', [post.thread_id, status]);
  return { threadId: post.thread_id, wasOpening, previous: post.status };
}
