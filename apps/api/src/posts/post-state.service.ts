import { Injectable } from '@nestjs/common';
import { PostStatus, type ContentWarningCategory } from '@kindred/contracts';
import type { EntityManager } from 'typeorm';
import { ThreadRepository } from '../threads/thread.repository.js';
import type { NormalizedWarning } from '../common/content-warning.js';
import { PostRepository } from './post.repository.js';

/**
 * A post's status and warning, kept consistent with its thread: the published count, the
 * activity time when a held post is approved, and the thread's own status and warning, which
 * mirror its opening post's. Authors' edits and moderators' actions both come through here.
 */
@Injectable()
export class PostStateService {
  constructor(
    private readonly posts: PostRepository,
    private readonly threads: ThreadRepository,
  ) {}

  async isOpeningPost(postId: string, threadId: string, manager: EntityManager): Promise<boolean> {
    return (await this.posts.openingPost(threadId, manager))?.id === postId;
  }

  async setStatus(postId: string, status: PostStatus, manager: EntityManager): Promise<{ threadId: string; wasOpening: boolean; previous: PostStatus }> {
    const post = await this.posts.lockForStatusChange(postId, manager);
    if (!post) throw new Error(`post ${postId} vanished`);
    await this.posts.setStatus(postId, status, manager);
    const delta = Number(status === PostStatus.Published) - Number(post.status === PostStatus.Published);
    if (delta !== 0) await this.threads.adjustPostCount(post.threadId, delta, manager);
    if (delta > 0) await this.threads.bumpActivity(post.threadId, post.createdAt, manager);
    const wasOpening = await this.isOpeningPost(postId, post.threadId, manager);
    if (wasOpening) await this.threads.setStatus(post.threadId, status, manager);
    return { threadId: post.threadId, wasOpening, previous: post.status };
  }

  /** Sets the post's warning; the thread takes it too when this is its opening post. */
  async setWarning(postId: string, threadId: string, warning: NormalizedWarning, manager: EntityManager): Promise<void> {
    await this.posts.setWarning(postId, warning, manager);
    await this.syncThreadWarning(postId, threadId, warning, manager);
  }

  /** The automatic warning (crisis detector); the thread takes it too when this is its opening post. */
  async setAutoWarnings(postId: string, threadId: string, categories: readonly ContentWarningCategory[], manager: EntityManager): Promise<void> {
    await this.posts.setAutoWarnings(postId, categories, manager);
    if (await this.isOpeningPost(postId, threadId, manager)) await this.threads.setAutoWarnings(threadId, categories, manager);
  }

  /** A thread's warning is its opening post's warning. */
  async syncThreadWarning(postId: string, threadId: string, warning: NormalizedWarning, manager: EntityManager): Promise<void> {
    if (await this.isOpeningPost(postId, threadId, manager)) await this.threads.setWarning(threadId, warning, manager);
  }
}
