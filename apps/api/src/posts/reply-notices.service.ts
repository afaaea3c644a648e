import { Injectable, Logger } from '@nestjs/common';
import { NotificationsService } from '../notifications/notifications.service.js';
import { SafetyService } from '../safety/safety.service.js';
import { ThreadRepository } from '../threads/thread.repository.js';
import { PostRepository } from './post.repository.js';

/**
 * Tells a thread's followers about a published reply. Runs after the reply's commit, off the
 * request's path: the reply is kept and answered whatever happens here.
 */
@Injectable()
export class ReplyNoticesService {
  private readonly logger = new Logger(ReplyNoticesService.name);
  /** Fan-outs still running, so tests (and shutdown) can wait for them to settle. */
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly threads: ThreadRepository,
    private readonly posts: PostRepository,
    private readonly safety: SafetyService,
    private readonly notifications: NotificationsService,
  ) {}

  /** Starts the fan-out and returns at once; failures are logged, never thrown at the author. */
  announce(threadId: string, postId: string, authorId: string): void {
    const run = this.fanOut(threadId, postId, authorId).catch((error: unknown) => this.logger.error(`reply notices for post ${postId} failed: ${String(error)}`));
    this.pending.add(run);
    void run.finally(() => this.pending.delete(run));
  }

  async settled(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }

  private async fanOut(threadId: string, postId: string, authorId: string): Promise<void> {
    const audience = await this.threads.replyAudience(threadId, authorId);
    if (!audience) return;
    const post = await this.posts.findById(postId);
    if (!post) return;
    // Never from a blocked author, never about words the member chose to hide (incl. automatic warnings).
    const categories = [...new Set([...audience.categories, ...post.contentWarnings, ...post.autoWarnings])];
    const excluded = new Set(await this.safety.excludedAudience(authorId, categories));
    await this.notifications.batchReply(
      audience.userIds.filter((id) => !excluded.has(id)),
      threadId,
      audience.title,
      postId,
    );
  }
}
