import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { PostStatus } from '@kindred/contracts';
import { openToEveryMember } from '../access/access.service.js';
import { BackgroundTasks } from '../common/background-tasks.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { RoomFollowRepository } from '../rooms/room-follow.repository.js';
import { RoomRepository } from '../rooms/room.repository.js';
import { SafetyService } from '../safety/safety.service.js';
import { ThreadRepository } from '../threads/thread.repository.js';
import { UserRepository } from '../users/user.repository.js';
import { PostRepository } from './post.repository.js';

/**
 * Tells a room's followers about a newly visible thread: published at once, or a held thread
 * once a moderator approved it. Runs after the commit, off the request's path: the thread is
 * kept and answered whatever happens here.
 */
@Injectable()
export class RoomThreadNoticesService implements BeforeApplicationShutdown {
  /** Fan-outs still running, so tests (and shutdown) can wait for them to settle. */
  private readonly tasks = new BackgroundTasks(new Logger(RoomThreadNoticesService.name));

  constructor(
    private readonly threads: ThreadRepository,
    private readonly posts: PostRepository,
    private readonly rooms: RoomRepository,
    private readonly follows: RoomFollowRepository,
    private readonly users: UserRepository,
    private readonly safety: SafetyService,
    private readonly notifications: NotificationsService,
  ) {}

  /** Starts the fan-out and returns at once; failures are logged, never thrown at the author or moderator. */
  announce(threadId: string): void {
    this.tasks.run(`room-thread notices for thread ${threadId}`, () => this.fanOut(threadId));
  }

  settled(): Promise<void> {
    return this.tasks.settled();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.settled();
  }

  private async fanOut(threadId: string): Promise<void> {
    const thread = await this.threads.findById(threadId);
    if (!thread || thread.status !== PostStatus.Published) return;
    const [followers, room, opening] = await Promise.all([this.follows.followersOf(thread.roomId, thread.authorId), this.rooms.findByIdOrSlug(thread.roomId), this.posts.openingPost(threadId)]);
    if (followers.length === 0 || !room || room.archivedAt || !opening) return;
    // The gate's room.read rule: the room's members, staff who read every room, and anyone signed
    // in when the room is listed and open. A follower who can no longer read it hears nothing.
    const outsiders = followers.filter((f) => !f.member).map((f) => f.userId);
    const mayRead = openToEveryMember(room) ? new Set(outsiders) : await this.users.staffAmong(outsiders);
    const readers = followers.filter((f) => f.member || mayRead.has(f.userId)).map((f) => f.userId);
    // Never from a blocked author, never about a warning the member hides (incl. automatic ones),
    // nor words their own filters drop; the notice leads to the title, so a title they fold is left out too.
    const categories = [...new Set([...thread.contentWarnings, ...thread.autoWarnings, ...opening.content_warnings, ...opening.auto_warnings])];
    const [blocked, byBody, byTitle] = await Promise.all([
      this.safety.excludedAudience(thread.authorId, categories),
      this.safety.filterAudience(thread.authorId, opening.body, opening.warning_note),
      this.safety.filterAudience(thread.authorId, thread.title),
    ]);
    const excluded = new Set([...blocked, ...byBody.hidden, ...byTitle.hidden, ...byTitle.folded.map((f) => f.userId)]);
    const audience = readers.filter((id) => !excluded.has(id));
    if (audience.length === 0) return;
    await this.notifications.batchRoomThread(audience, room.slug, room.name, thread.createdAt);
  }
}
