import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { BackgroundTasks } from '../common/background-tasks.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { SafetyService } from '../safety/safety.service.js';
import { ReadMarkerRepository } from '../threads/read-marker.repository.js';
import { ThreadRepository } from '../threads/thread.repository.js';
import type { PostRow } from './post-row.js';
import { PostRepository } from './post.repository.js';

/**
 * Tells a thread's followers about a published reply. Runs after the reply's commit, off the
 * request's path: the reply is kept and answered whatever happens here.
 */
@Injectable()
export class ReplyNoticesService implements BeforeApplicationShutdown {
  /** Fan-outs still running, so tests (and shutdown) can wait for them to settle. */
  private readonly tasks = new BackgroundTasks(new Logger(ReplyNoticesService.name));

  constructor(
    private readonly threads: ThreadRepository,
    private readonly posts: PostRepository,
    private readonly readMarkers: ReadMarkerRepository,
    private readonly safety: SafetyService,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * Starts the fan-out and returns at once; failures are logged, never thrown at the author.
   * `written`: the post as its commit stored it, when the caller has it (spares reading it back).
   */
  announce(threadId: string, postId: string, authorId: string, written?: PostRow): void {
    this.tasks.run(`reply notices for post ${postId}`, () => this.fanOut(threadId, postId, authorId, written));
  }

  settled(): Promise<void> {
    return this.tasks.settled();
  }

  /** Replies answered just before shutdown still reach their followers: the pool closes after. */
  beforeApplicationShutdown(): Promise<void> {
    return this.settled();
  }

  private async fanOut(threadId: string, postId: string, authorId: string, written?: PostRow): Promise<void> {
    const thread = await this.threads.replyFollowers(threadId, authorId);
    if (!thread) return;
    // The raw row: TypeORM's findOne builds and parses its query each time, off the hot path or not.
    const post = written ?? (await this.posts.row(postId));
    if (!post) return;
    // Never from a blocked author, never about words the member hides (incl. automatic warnings).
    const categories = [...new Set([...thread.categories, ...post.content_warnings, ...post.auto_warnings])];
    const [blocked, byReply, byTitle] = await Promise.all([
      this.safety.excludedAudience(authorId, categories),
      this.safety.filterAudience(authorId, post.body, post.warning_note),
      this.safety.filterAudience(authorId, thread.title),
    ]);
    // Nor about words their own filters drop; a notice shows the title, so a title they fold is left out too.
    const excluded = new Set([...blocked, ...byReply.hidden, ...byTitle.hidden, ...byTitle.folded.map((f) => f.userId)]);
    const audience = thread.followers.filter((id) => !excluded.has(id));
    if (audience.length === 0) return;
    const open = await this.notifications.openReplyBatches(audience, threadId);
    const ended = await this.readMarkers.readSince(threadId, open);
    await this.notifications.batchReply(audience, threadId, thread.title, post.created_at, [...ended]);
  }
}
