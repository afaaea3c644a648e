import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, PostStatus, QueueItemKind, Severity, type CrisisResource } from '@kindred/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { AccessGrant } from '../access/access.service.js';
import { Clock } from '../common/clock.js';
import { AppError } from '../common/errors/app-error.js';
import { renderMarkdown } from '../common/sanitize/markdown.js';
import { CrisisSupportService } from '../moderation/crisis-support.service.js';
import { ModerationLogService } from '../moderation/moderation-log.service.js';
import { QueueService } from '../moderation/queue.service.js';
import type { RoomEntity } from '../rooms/room.entity.js';
import { SafetyService } from '../safety/safety.service.js';
import { ThreadEntity } from '../threads/thread.entity.js';
import { normalizeWarning, type NormalizedWarning } from './content-warning.js';
import type { CreatePostDto, CreateThreadDto, EditPostDto, SetWarningDto } from './dto/post.dto.js';
import { mentionedHandleKeys } from './mentions.js';
import { PostRevisionEntity } from './post-revision.entity.js';
import { PostEntity } from './post.entity.js';

interface NewPost {
  threadId: string;
  roomId: string;
  authorId: string;
  body: string;
  warning: NormalizedWarning;
  replyToPostId: string | null;
  status: PostStatus;
}

const EDITABLE: ReadonlySet<PostStatus> = new Set([PostStatus.Published, PostStatus.Pending]);

/** Every write to threads and posts: one transaction each, so nothing is half-written. */

/** How long identical words count as a resend of the same post (see resentReply). */
const RESEND_WINDOW = '10 minutes';
@Injectable()
export class PostWriterService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly safety: SafetyService,
    private readonly log: ModerationLogService,
    private readonly queue: QueueService,
    private readonly crisis: CrisisSupportService,
    private readonly clock: Clock,
  ) {}

  async createThread(grant: AccessGrant, dto: CreateThreadDto): Promise<{ threadId: string; postId: string; support?: CrisisResource[] }> {
    const room = grant.room!;
    const authorId = grant.actor!.id;
    const warning = normalizeWarning(dto.warning, room.requireContentWarning);
    return this.db.transaction(async (manager) => {
      // One author's new threads are written one at a time, so a resent copy sees the first.
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`thread-create:${authorId}`]);
      const again = await this.resentThread(manager, room.id, authorId, dto, warning);
      if (again) {
        const support = await this.crisis.check({ authorId, roomId: room.id, targetType: 'thread', targetId: again.threadId, text: `${dto.title}\n${dto.body}` }, manager);
        return { ...again, support };
      }
      const status = await this.admission(manager, room, authorId, grant.canModerate);
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(ThreadEntity)
        .values({
          roomId: room.id,
          authorId,
          title: dto.title.trim(),
          contentWarnings: warning.categories,
          warningNote: warning.note,
          status,
          postCount: status === PostStatus.Published ? 1 : 0,
          createdAt: () => 'clock_timestamp()',
          lastActivityAt: () => 'clock_timestamp()',
        })
        .returning(['id'])
        .execute();
      const threadId = (inserted.raw as { id: string }[])[0]!.id;
      const postId = await this.insertPost(manager, { threadId, roomId: room.id, authorId, body: dto.body, warning, replyToPostId: null, status });
      if (status === PostStatus.Pending) await this.holdForReview(manager, room.id, 'thread', threadId, authorId);
      const support = await this.crisis.check({ authorId, roomId: room.id, targetType: 'thread', targetId: threadId, text: `${dto.title}\n${dto.body}` }, manager);
      return { threadId, postId, support };
    });
  }

  async reply(grant: AccessGrant, threadId: string, dto: CreatePostDto): Promise<{ postId: string; support?: CrisisResource[] }> {
    const room = grant.room!;
    const authorId = grant.actor!.id;
    const warning = normalizeWarning(dto.warning, false);
    return this.db.transaction(async (manager) => {
      // The row lock orders replies in a thread: a later commit always gets a later
      // timestamp, so cursor pagination never skips a post that commits late.
      const thread = await manager
        .getRepository(ThreadEntity)
        .createQueryBuilder('t')
        .setLock('pessimistic_write')
        .where('t.id = :id', { id: threadId })
        .getOne();
      if (!thread) throw AppError.notFound('No such thread.');
      if (thread.locked && !grant.canModerate) {
        throw new AppError(HttpStatus.FORBIDDEN, ErrorCode.ThreadLocked, 'This thread is locked; replies are closed.');
      }
      if (thread.status !== PostStatus.Published && !grant.canModerate) throw AppError.notFound('No such thread.');
      // The thread's row lock serializes replies, so a resent copy always sees the first.
      const again = await this.resentReply(manager, thread.id, authorId, dto.body, warning);
      if (again) {
        const support = await this.crisis.check({ authorId, roomId: room.id, targetType: 'post', targetId: again, text: dto.body }, manager);
        return { postId: again, support };
      }
      const status = await this.admission(manager, room, authorId, grant.canModerate);
      const replyTo = dto.replyToPostId ? await this.replyTarget(manager, thread.id, dto.replyToPostId, authorId) : null;
      const postId = await this.insertPost(manager, { threadId: thread.id, roomId: thread.roomId, authorId, body: dto.body, warning, replyToPostId: replyTo, status });
      if (status === PostStatus.Published) {
        await manager.query('UPDATE threads SET post_count = post_count + 1, last_activity_at = clock_timestamp() WHERE id = $1', [thread.id]);
      } else {
        await this.holdForReview(manager, room.id, 'post', postId, authorId);
      }
      const support = await this.crisis.check({ authorId, roomId: room.id, targetType: 'post', targetId: postId, text: dto.body }, manager);
      return { postId, support };
    });
  }

  /**
   * The same words under the same warning from the same author in the same thread within
   * RESEND_WINDOW are a resend, not a new reply: the answer to the first was lost (a timeout
   * after the commit, a dropped connection, a double tap), and the member should not see their
   * words twice.
   */
  private async resentReply(manager: EntityManager, threadId: string, authorId: string, body: string, warning: NormalizedWarning): Promise<string | undefined> {
    const [row] = (await manager.query(
      `SELECT id FROM posts WHERE thread_id = $1 AND author_id = $2 AND body = $3 AND status IN ('published', 'pending')
         AND content_warnings = $5::text[] AND warning_note IS NOT DISTINCT FROM $6
         AND created_at > clock_timestamp() - $4::interval ORDER BY created_at DESC LIMIT 1`,
      [threadId, authorId, body, RESEND_WINDOW, warning.categories, warning.note],
    )) as { id: string }[];
    return row?.id;
  }

  /** A thread resent within RESEND_WINDOW: same author, room, title, warning and opening words. */
  private async resentThread(
    manager: EntityManager,
    roomId: string,
    authorId: string,
    dto: CreateThreadDto,
    warning: NormalizedWarning,
  ): Promise<{ threadId: string; postId: string } | undefined> {
    const [row] = (await manager.query(
      `SELECT t.id AS thread_id, p.id AS post_id FROM threads t
       JOIN LATERAL (SELECT id, body FROM posts WHERE thread_id = t.id ORDER BY created_at, id LIMIT 1) p ON true
       WHERE t.room_id = $1 AND t.author_id = $2 AND t.title = $3 AND p.body = $4 AND t.status IN ('published', 'pending')
         AND t.content_warnings = $6::text[] AND t.warning_note IS NOT DISTINCT FROM $7
         AND t.created_at > clock_timestamp() - $5::interval
       ORDER BY t.created_at DESC LIMIT 1`,
      [roomId, authorId, dto.title.trim(), dto.body, RESEND_WINDOW, warning.categories, warning.note],
    )) as { thread_id: string; post_id: string }[];
    return row ? { threadId: row.thread_id, postId: row.post_id } : undefined;
  }

  /**
   * Slow mode and pre-moderation. A new member's first N posts in a room are held for
   * review; moderators are exempt from both.
   */
  private async admission(manager: EntityManager, room: RoomEntity, authorId: string, canModerate: boolean): Promise<PostStatus> {
    if (canModerate) return PostStatus.Published;
    if (room.threadSlowModeSeconds > 0) {
      const [last] = (await manager.query(
        `SELECT max(created_at) AS at FROM posts WHERE room_id = $1 AND author_id = $2 AND status <> 'deleted'`,
        [room.id, authorId],
      )) as { at: Date | null }[];
      const waitMs = last?.at ? last.at.getTime() + room.threadSlowModeSeconds * 1000 - this.clock.now().getTime() : 0;
      if (waitMs > 0) {
        const seconds = Math.ceil(waitMs / 1000);
        throw new AppError(
          HttpStatus.TOO_MANY_REQUESTS,
          ErrorCode.SlowMode,
          `This room is in slow mode. You can post again in ${seconds} second${seconds === 1 ? '' : 's'}; your words are still in the box.`,
          undefined,
          { 'Retry-After': String(seconds) },
        );
      }
    }
    if (room.premoderateFirstPosts > 0) {
      const [row] = (await manager.query(
        `SELECT count(*)::int AS n FROM posts WHERE room_id = $1 AND author_id = $2 AND status = 'published'`,
        [room.id, authorId],
      )) as { n: number }[];
      if ((row?.n ?? 0) < room.premoderateFirstPosts) return PostStatus.Pending;
    }
    return PostStatus.Published;
  }

  /** Pre-moderation: the held post waits in the moderators' queue. */
  private async holdForReview(manager: EntityManager, roomId: string, targetType: 'thread' | 'post', targetId: string, authorId: string): Promise<void> {
    await this.queue.raise({ kind: QueueItemKind.HeldPost, severity: Severity.Other, roomId, targetType, targetId, subjectUserId: authorId }, manager);
  }

  /** A reply link to a post whose author blocked the replier is dropped silently: blocks stay private. */
  private async replyTarget(manager: EntityManager, threadId: string, postId: string, authorId: string): Promise<string | null> {
    const [target] = (await manager.query('SELECT author_id FROM posts WHERE id = $1 AND thread_id = $2', [postId, threadId])) as { author_id: string }[];
    if (!target) throw AppError.validation('You can only reply to a post in this thread.', [{ field: 'replyToPostId', problem: 'Not a post in this thread.' }]);
    return (await this.safety.isBlockedBy(authorId, target.author_id)) ? null : postId;
  }

  private async insertPost(manager: EntityManager, post: NewPost): Promise<string> {
    const mentioned = await this.mentions(manager, post.body, post.authorId);
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(PostEntity)
      .values({
        threadId: post.threadId,
        roomId: post.roomId,
        authorId: post.authorId,
        body: post.body,
        bodyHtml: renderMarkdown(post.body),
        contentWarnings: post.warning.categories,
        warningNote: post.warning.note,
        status: post.status,
        replyToPostId: post.replyToPostId,
        mentionedUserIds: mentioned,
        createdAt: () => 'clock_timestamp()',
      })
      .returning(['id'])
      .execute();
    return (result.raw as { id: string }[])[0]!.id;
  }

  /** Mentioned members who allow it, minus anyone who blocked the author (they are never reached). */
  private async mentions(manager: EntityManager, body: string, authorId: string): Promise<string[]> {
    const keys = mentionedHandleKeys(body);
    if (keys.length === 0) return [];
    // Each member chooses who may mention them: everyone, people in their rooms, or nobody.
    const rows: { id: string }[] = await manager.query(
      `SELECT u.id FROM users u
       WHERE u.handle_key = ANY($1::text[]) AND u.id <> $2 AND u.deleted_at IS NULL
         AND (u.mentions_from = 'everyone'
              OR (u.mentions_from = 'rooms' AND EXISTS (
                    SELECT 1 FROM room_memberships mine JOIN room_memberships theirs ON theirs.room_id = mine.room_id
                    WHERE mine.user_id = $2 AND theirs.user_id = u.id)))`,
      [keys, authorId],
    );
    const blockers = await this.safety.blockersAmong(authorId, rows.map((r) => r.id));
    return rows.map((r) => r.id).filter((id) => !blockers.has(id));
  }

  /** Authors edit their own words; the previous text is kept for moderators. */
  async edit(post: PostEntity, editorId: string, dto: EditPostDto): Promise<void> {
    if (post.authorId !== editorId) throw AppError.forbidden('You can only edit your own posts.');
    if (!EDITABLE.has(post.status)) throw new AppError(HttpStatus.CONFLICT, ErrorCode.PostNotEditable, 'This post can no longer be edited.');
    const warning = dto.warning ? normalizeWarning(dto.warning, false) : { categories: post.contentWarnings, note: post.warningNote };
    await this.db.transaction(async (manager) => {
      await this.saveRevision(manager, post, editorId);
      await manager.update(PostEntity, { id: post.id }, {
        body: dto.body,
        bodyHtml: renderMarkdown(dto.body),
        contentWarnings: warning.categories,
        warningNote: warning.note,
        mentionedUserIds: await this.mentions(manager, dto.body, post.authorId),
        editedAt: this.clock.now(),
      });
      await this.syncThreadWarning(manager, post, warning);
    });
  }

  /** Soft delete: the text stays for moderators (and for restoring), hidden from everyone else. */
  async deleteOwn(post: PostEntity, userId: string): Promise<void> {
    if (post.authorId !== userId) throw AppError.forbidden('You can only delete your own posts.');
    if (!EDITABLE.has(post.status)) throw new AppError(HttpStatus.CONFLICT, ErrorCode.PostNotEditable, 'This post can no longer be deleted.');
    await this.db.transaction(async (manager) => {
      await manager.update(PostEntity, { id: post.id }, { status: PostStatus.Deleted });
      if (post.status === PostStatus.Published) {
        await manager.query('UPDATE threads SET post_count = greatest(post_count - 1, 0) WHERE id = $1', [post.threadId]);
      }
      // Deleting the opening post takes the thread down with it: the author's choice to withdraw.
      if (await this.isOpeningPost(manager, post)) {
        await manager.update(ThreadEntity, { id: post.threadId }, { status: PostStatus.Deleted });
      }
    });
  }

  /** Moderators add or change a warning without removing anything; logged with a reason. */
  async setWarning(grant: AccessGrant, post: PostEntity, dto: SetWarningDto): Promise<void> {
    const warning = normalizeWarning(dto, false);
    await this.db.transaction(async (manager) => {
      await this.saveRevision(manager, post, grant.actor!.id);
      await manager.update(PostEntity, { id: post.id }, { contentWarnings: warning.categories, warningNote: warning.note });
      await this.syncThreadWarning(manager, post, warning);
      await this.log.record(
        {
          actorId: grant.actor!.id,
          roomId: post.roomId,
          action: 'post.set-warning',
          targetType: 'post',
          targetId: post.id,
          subjectUserId: post.authorId,
          reason: dto.reason.trim(),
          details: { from: post.contentWarnings, to: warning.categories },
        },
        manager,
      );
    });
  }

  private async saveRevision(manager: EntityManager, post: PostEntity, editorId: string): Promise<void> {
    await manager.insert(PostRevisionEntity, {
      postId: post.id,
      body: post.body,
      contentWarnings: post.contentWarnings,
      warningNote: post.warningNote,
      editorId,
      editedAt: this.clock.now(),
    });
  }

  private async isOpeningPost(manager: EntityManager, post: PostEntity): Promise<boolean> {
    const [first] = (await manager.query('SELECT id FROM posts WHERE thread_id = $1 ORDER BY created_at, id LIMIT 1', [post.threadId])) as { id: string }[];
    return first?.id === post.id;
  }

  /** A thread's warning is its opening post's warning. */
  private async syncThreadWarning(manager: EntityManager, post: PostEntity, warning: NormalizedWarning): Promise<void> {
    if (!(await this.isOpeningPost(manager, post))) return;
    await manager.update(ThreadEntity, { id: post.threadId }, { contentWarnings: warning.categories, warningNote: warning.note });
  }
}
