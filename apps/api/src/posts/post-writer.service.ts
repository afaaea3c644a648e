import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, PostStatus, QueueItemKind, Severity, type ContentWarningCategory, type CrisisResource, ErrorReason } from '@kindred/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { AccessGrant } from '../access/access.service.js';
import { Clock } from '../common/clock.js';
import { AppError } from '../common/errors/app-error.js';
import { renderMarkdown } from '../common/sanitize/markdown.js';
import { answered, pipelined } from '../database/pipelined.js';
import { DraftRepository } from '../drafts/draft.repository.js';
import { CrisisSupportService, type ContentRef } from '../moderation/crisis-support.service.js';
import { ModerationLogService } from '../moderation/moderation-log.service.js';
import { QueueRaiser } from '../moderation/queue-raiser.js';
import { WarningEditNotice } from '../moderation/warning-edit-notice.js';
import type { RoomEntity } from '../rooms/room.entity.js';
import { RESEND_WINDOW, RoomRules } from '../rooms/room-rules.js';
import type { ThreadEntity } from '../threads/thread.entity.js';
import { ThreadRepository } from '../threads/thread.repository.js';
import { normalizeWarning, type NormalizedWarning } from '../common/content-warning.js';
import type { CreatePostDto, CreateThreadDto, EditPostDto, SetWarningDto } from './dto/post.dto.js';

/** Only when the words suggested crisis: resources for the author, and the warning readers got automatically. */
interface AuthorSupport {
  support?: CrisisResource[];
  supportWarning?: ContentWarningCategory[];
}
import { MentionAudienceService } from '../mentions/mention-audience.service.js';
import { mentionedHandleKeys } from '../mentions/mention-handles.js';
import { PostMentionNotices } from './post-mention-notices.js';
import { PostStateService } from './post-state.service.js';
import type { PostEntity } from './post.entity.js';
import type { PostRow } from './post-row.js';
import { PostRepository, type NewPostRow } from './post.repository.js';
import { ReplyNoticesService } from './reply-notices.service.js';
import { RoomThreadNoticesService } from './room-thread-notices.service.js';

interface NewPost {
  threadId: string;
  roomId: string;
  authorId: string;
  body: string;
  warning: NormalizedWarning;
  replyToPostId: string | null;
  status: PostStatus;
}

type ReplyOutcome = { postId: string; written?: PostRow; published?: boolean } & AuthorSupport;

/** Thrown out of a reply sent in one go to roll it back: the words were a resend of this post. */
class ResentReply {
  constructor(readonly postId: string) {}
}

/** Thrown out of a reply sent in one go to roll it back: the thread moved room since the gate said yes. */
class ThreadMoved {}

const EDITABLE: ReadonlySet<PostStatus> = new Set([PostStatus.Published, PostStatus.Pending]);

/** Every write to threads and posts: one transaction each, so nothing is half-written. */
@Injectable()
export class PostWriterService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly log: ModerationLogService,
    private readonly queue: QueueRaiser,
    private readonly crisis: CrisisSupportService,
    private readonly clock: Clock,
    private readonly posts: PostRepository,
    private readonly threads: ThreadRepository,
    private readonly state: PostStateService,
    private readonly mentionAudience: MentionAudienceService,
    private readonly rules: RoomRules,
    private readonly warningNotice: WarningEditNotice,
    private readonly replyNotices: ReplyNoticesService,
    private readonly roomThreadNotices: RoomThreadNoticesService,
    private readonly mentionNotices: PostMentionNotices,
    private readonly drafts: DraftRepository,
  ) {}

  async createThread(grant: AccessGrant, dto: CreateThreadDto): Promise<{ threadId: string; postId: string } & AuthorSupport> {
    const room = grant.room!;
    const authorId = grant.actor!.id;
    const warning = normalizeWarning(dto.warning, room.requireContentWarning);
    const result = await this.db.transaction(async (manager) => {
      // One author's new threads are written one at a time, so a resent copy sees the first.
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`thread-create:${authorId}`]);
      // The words are posted (or were already): the draft goes with the same commit, or stays if it fails.
      await this.drafts.remove({ userId: authorId, kind: 'thread', targetId: room.id }, manager);
      const again = await this.resentThread(manager, room.id, authorId, dto, warning);
      if (again) {
        return { ...again, ...(await this.careFor({ authorId, roomId: room.id, targetType: 'thread', targetId: again.threadId, text: `${dto.title}\n${dto.body}` }, again.postId, again.threadId, manager)) };
      }
      const status = await this.admission(manager, room, authorId, grant.canModerate);
      const threadId = await this.threads.insert({ roomId: room.id, authorId, title: dto.title.trim(), warning, status }, manager);
      // Starting a thread follows it (unless the member said not to): replies to it are what its author most wants to hear about.
      await this.threads.followAsAuthor(threadId, authorId, manager);
      const postId = await this.insertPost(manager, { threadId, roomId: room.id, authorId, body: dto.body, warning, replyToPostId: null, status });
      if (status === PostStatus.Pending) await this.holdForReview(manager, room.id, 'thread', threadId, authorId);
      const care = await this.careFor({ authorId, roomId: room.id, targetType: 'thread', targetId: threadId, text: `${dto.title}\n${dto.body}` }, postId, threadId, manager);
      return { threadId, postId, ...care, published: status === PostStatus.Published };
    });
    // The room's followers and mentioned members hear of a published thread after the commit; a held one once approved.
    const { published, ...answer } = result as typeof result & { published?: boolean };
    if (published) {
      this.roomThreadNotices.announce(answer.threadId);
      this.mentionNotices.announce(answer.postId, dto.body);
    }
    return answer;
  }

  /**
   * Crisis language: the author privately gets resources, moderators a queue item, and every
   * other reader the detected category as an automatic warning, at once.
   */
  /** Resources for the author, and the warning readers got automatically (which the author may adopt). */
  private async careFor(content: ContentRef, postId: string, threadId: string, manager: EntityManager): Promise<AuthorSupport> {
    const crisis = await this.crisis.check(content, manager);
    if (!crisis) return {};
    await this.state.setAutoWarnings(postId, threadId, crisis.warnings, manager);
    return { support: crisis.resources, supportWarning: crisis.warnings };
  }

  /**
   * `grant`: room.post for the thread's room, asked before the transaction: the gate may read
   * through the pool, and a transaction waiting for a second connection from a pool its peers
   * hold would never get it. `written`: the new post as stored, for the answer (absent for a
   * resend, or when care changed it after the insert).
   */
  async reply(grant: AccessGrant, threadId: string, dto: CreatePostDto): Promise<{ postId: string; written?: PostRow } & AuthorSupport> {
    const warning = normalizeWarning(dto.warning, grant.room!.requireContentWarning);
    const stepByStep = () => this.db.transaction((manager) => this.replyStepByStep(manager, grant, threadId, dto, warning));
    // Replies that answer one post, or whose admission reads, need each answer before the next step.
    const result =
      this.admissionReads(grant.room!, grant.canModerate) || dto.replyToPostId
        ? await stepByStep()
        : await this.replyInOneGo(grant, threadId, dto, warning).catch(async (outcome: unknown) => {
            if (outcome instanceof ResentReply) return this.answerResentReply(grant, threadId, outcome.postId, dto.body);
            if (outcome instanceof ThreadMoved) return stepByStep();
            throw outcome;
          });
    // Followers and mentioned members hear of a published reply after the commit; of a held one once it is approved.
    const { published, ...answer } = result;
    if (published) {
      this.replyNotices.announce(threadId, answer.postId, grant.actor!.id, answer.written);
      this.mentionNotices.announce(answer.postId, dto.body);
    }
    return answer;
  }

  /**
   * The usual reply (nothing for admission to read, not an answer to one post): the thread's
   * lock, the draft's removal, the insert and the thread's count go to PostgreSQL in one write
   * (`pipelined`; create-post's CPU is mostly round trips) and are judged when their answers are
   * back, in the order they ran. A thread found locked, hidden or moved, or words found to be a
   * resend, roll all of it back: the first two are refused, the others answered by the caller.
   */
  private async replyInOneGo(grant: AccessGrant, threadId: string, dto: CreatePostDto, warning: NormalizedWarning): Promise<ReplyOutcome> {
    const room = grant.room!;
    const authorId = grant.actor!.id;
    return this.db.transaction(async (manager): Promise<ReplyOutcome> => {
      const row = await this.newPostRow(manager, { threadId, roomId: room.id, authorId, body: dto.body, warning, replyToPostId: null, status: PostStatus.Published });
      // The lock goes first: the insert's resend check and timestamp come after every earlier reply's commit.
      const [locked, draftRemoved, inserted, counted] = await pipelined<[ThreadEntity | null, void, { row: PostRow; resent: boolean }, void]>(manager, (m) => [
        this.threads.lockForReply(threadId, m),
        this.drafts.remove({ userId: authorId, kind: 'reply', targetId: threadId }, m),
        this.posts.insertUnlessResent(row, RESEND_WINDOW, m),
        this.threads.recordReply(threadId, authorId, m),
      ]);
      const thread = this.replyable(answered(locked), grant);
      if (thread.roomId !== room.id) throw new ThreadMoved();
      answered(draftRemoved);
      const { row: written, resent } = answered(inserted);
      if (resent) throw new ResentReply(written.id);
      answered(counted);
      const care = await this.careFor({ authorId, roomId: room.id, targetType: 'post', targetId: written.id, text: dto.body }, written.id, threadId, manager);
      return { postId: written.id, ...(care.support ? {} : { written }), ...care, published: true };
    });
  }

  /** A reply whose admission reads, or that answers one post, or whose thread just moved: each step waits for the last. */
  private async replyStepByStep(manager: EntityManager, grant: AccessGrant, threadId: string, dto: CreatePostDto, warning: NormalizedWarning): Promise<ReplyOutcome> {
    const room = grant.room!;
    const authorId = grant.actor!.id;
    // The row lock orders replies in a thread: a later commit always gets a later
    // timestamp, so cursor pagination never skips a post that commits late.
    const thread = this.replyable(await this.threads.lockForReply(threadId, manager), grant);
    await this.drafts.remove({ userId: authorId, kind: 'reply', targetId: thread.id }, manager);
    const resend = (postId: string) => this.answerResend(manager, { authorId, roomId: room.id, threadId: thread.id, postId, body: dto.body });
    // Slow mode and pre-moderation judge new words only: a resend is answered, never refused or held.
    if (this.admissionReads(room, grant.canModerate)) {
      const again = await this.resentReply(manager, thread.id, authorId, dto.body, warning);
      if (again) return resend(again);
    }
    const status = await this.admission(manager, room, authorId, grant.canModerate);
    const replyTo = dto.replyToPostId ? await this.replyTarget(manager, thread.id, dto.replyToPostId, authorId) : null;
    // The thread's row lock serializes replies, so a resent copy always sees the first.
    const { row, resent } = await this.posts.insertUnlessResent(
      await this.newPostRow(manager, { threadId: thread.id, roomId: thread.roomId, authorId, body: dto.body, warning, replyToPostId: replyTo, status }),
      RESEND_WINDOW,
      manager,
    );
    if (resent) return resend(row.id);
    if (status === PostStatus.Published) {
      await this.threads.recordReply(thread.id, authorId, manager);
    } else {
      await this.holdForReview(manager, room.id, 'post', row.id, authorId);
    }
    const care = await this.careFor({ authorId, roomId: room.id, targetType: 'post', targetId: row.id, text: dto.body }, row.id, thread.id, manager);
    return { postId: row.id, ...(care.support ? {} : { written: row }), ...care, published: status === PostStatus.Published };
  }

  /** The thread as locked, if the member may reply there now: it exists and is open, unless they moderate it. */
  private replyable(thread: ThreadEntity | null, grant: AccessGrant): ThreadEntity {
    if (!thread) throw AppError.notFound('No such thread.', 'thread');
    if (thread.locked && !grant.canModerate) {
      throw new AppError({ status: HttpStatus.FORBIDDEN, code: ErrorCode.ThreadLocked, message: 'This thread is locked; replies are closed.' });
    }
    if (thread.status !== PostStatus.Published && !grant.canModerate) throw AppError.notFound('No such thread.', 'thread');
    return thread;
  }

  /** Words found to be a resend in one go: its transaction rolled back, the draft still goes and the author gets the same care. */
  private answerResentReply(grant: AccessGrant, threadId: string, postId: string, body: string): Promise<ReplyOutcome> {
    const authorId = grant.actor!.id;
    return this.db.transaction(async (manager) => {
      await this.drafts.remove({ userId: authorId, kind: 'reply', targetId: threadId }, manager);
      return this.answerResend(manager, { authorId, roomId: grant.room!.id, threadId, postId, body });
    });
  }

  /** A resend is answered with the saved post, and its author gets the same care as the first time. */
  private async answerResend(
    manager: EntityManager,
    { authorId, roomId, threadId, postId, body }: { authorId: string; roomId: string; threadId: string; postId: string; body: string },
  ): Promise<{ postId: string } & AuthorSupport> {
    return { postId, ...(await this.careFor({ authorId, roomId, targetType: 'post', targetId: postId, text: body }, postId, threadId, manager)) };
  }

  /**
   * The same words under the same warning from the same author in the same thread within
   * RESEND_WINDOW are a resend, not a new reply: the answer to the first was lost (a timeout
   * after the commit, a dropped connection, a double tap), and the member should not see their
   * words twice.
   */
  private resentReply(manager: EntityManager, threadId: string, authorId: string, body: string, warning: NormalizedWarning): Promise<string | undefined> {
    return this.posts.recentSame(threadId, authorId, body, warning, RESEND_WINDOW, manager);
  }

  /** A thread resent within RESEND_WINDOW: same author, room, title, warning and opening words. */
  private async resentThread(
    manager: EntityManager,
    roomId: string,
    authorId: string,
    dto: CreateThreadDto,
    warning: NormalizedWarning,
  ): Promise<{ threadId: string; postId: string } | undefined> {
    const candidates = await this.threads.recentWithTitle(roomId, authorId, dto.title.trim(), warning, RESEND_WINDOW, manager);
    const openings = await this.posts.openingPosts(candidates, manager);
    const threadId = candidates.find((id) => openings.get(id)?.body === dto.body);
    return threadId ? { threadId, postId: openings.get(threadId)!.id } : undefined;
  }

  /** Does deciding admission read anything (slow mode or pre-moderation, for a non-moderator)? */
  private admissionReads(room: RoomEntity, canModerate: boolean): boolean {
    return !canModerate && (room.threadSlowModeSeconds > 0 || room.premoderateFirstPosts > 0);
  }

  /**
   * Slow mode and pre-moderation. A new member's first N posts in a room are held for
   * review; moderators are exempt from both.
   */
  private async admission(manager: EntityManager, room: RoomEntity, authorId: string, canModerate: boolean): Promise<PostStatus> {
    if (canModerate) return PostStatus.Published;
    if (room.threadSlowModeSeconds > 0) {
      const wait = this.rules.slowModeWait(await this.posts.lastPostAt(room.id, authorId, manager), room.threadSlowModeSeconds);
      if (wait) {
        const { seconds } = wait;
        throw new AppError({
          status: HttpStatus.TOO_MANY_REQUESTS,
          code: ErrorCode.SlowMode,
          message: `This room is in slow mode. You can post again in ${seconds} second${seconds === 1 ? '' : 's'}; your words are still in the box.`,
          headers: { 'Retry-After': String(seconds) },
        });
      }
    }
    if (room.premoderateFirstPosts > 0 && (await this.posts.publishedCount(room.id, authorId, manager)) < room.premoderateFirstPosts) {
      return PostStatus.Pending;
    }
    return PostStatus.Published;
  }

  /** Pre-moderation: the held post waits in the moderators' queue. */
  private async holdForReview(manager: EntityManager, roomId: string, targetType: 'thread' | 'post', targetId: string, authorId: string): Promise<void> {
    await this.queue.raise({ kind: QueueItemKind.HeldPost, severity: Severity.Other, roomId, targetType, targetId, subjectUserId: authorId }, manager);
  }

  /** A reply link to a post whose author blocked the replier is dropped silently: blocks stay private. */
  private async replyTarget(manager: EntityManager, threadId: string, postId: string, authorId: string): Promise<string | null> {
    return this.rules.replyLink(postId, await this.posts.authorInThread(postId, threadId, manager), authorId, () =>
      AppError.validation('You can only reply to a post in this thread.', [{ field: 'replyToPostId', code: 'reply.outsidePlace', problem: 'Not a post in this thread.' }], ErrorReason.ReplyOutsidePlace),
    );
  }

  private async insertPost(manager: EntityManager, post: NewPost): Promise<string> {
    return this.posts.insert(await this.newPostRow(manager, post), manager);
  }

  /** A post as stored: its words rendered once, and the members it may mention. */
  private async newPostRow(manager: EntityManager, post: NewPost): Promise<NewPostRow> {
    return { ...post, bodyHtml: this.render(post.body), mentionedUserIds: await this.mentions(manager, post.body, post.authorId) };
  }

  /** The stored HTML of a post's text: previews use this very function, so they cannot differ. */
  render(body: string): string {
    return renderMarkdown(body);
  }

  /** Mentioned members who allow it, with no block either way (they are never reached). */
  private async mentions(manager: EntityManager, body: string, authorId: string): Promise<string[]> {
    return (await this.mentionAudience.allowed(mentionedHandleKeys(body), authorId, manager)).map((c) => c.id);
  }

  /** `grant`: room.post for the post's room. Authors edit their own words; the previous text is kept for moderators. */
  async edit(grant: AccessGrant, post: PostEntity, dto: EditPostDto): Promise<void> {
    const editorId = grant.actor!.id;
    if (post.authorId !== editorId) throw AppError.forbidden('You can only edit your own posts.', ErrorReason.OwnContentOnly);
    if (!EDITABLE.has(post.status)) throw new AppError({ status: HttpStatus.CONFLICT, code: ErrorCode.PostNotEditable, message: 'This post can no longer be edited.' });
    // Leaving the warning out keeps it; a new choice in a room that asks for one must be a choice.
    const warning = dto.warning ? normalizeWarning(dto.warning, grant.room!.requireContentWarning) : { categories: post.contentWarnings, note: post.warningNote };
    await this.db.transaction(async (manager) => {
      await this.posts.saveRevision(post, editorId, this.clock.now(), manager);
      await this.posts.update(
        post.id,
        { body: dto.body, bodyHtml: this.render(dto.body), warning, mentionedUserIds: await this.mentions(manager, dto.body, post.authorId), editedAt: this.clock.now() },
        manager,
      );
      await this.state.syncThreadWarning(post.id, post.threadId, warning, manager);
    });
    // Only those the edit names anew are told; a held post's mentions wait for its approval.
    if (post.status === PostStatus.Published) {
      const before = new Set(mentionedHandleKeys(post.body));
      this.mentionNotices.announce(post.id, dto.body, mentionedHandleKeys(dto.body).filter((key) => !before.has(key)));
    }
  }

  /** `grant`: room.read for the post's room. Soft delete: the text stays for moderators (and for restoring), hidden from everyone else. */
  async deleteOwn(grant: AccessGrant, post: PostEntity): Promise<void> {
    if (post.authorId !== grant.actor!.id) throw AppError.forbidden('You can only delete your own posts.', ErrorReason.OwnContentOnly);
    if (!EDITABLE.has(post.status)) throw new AppError({ status: HttpStatus.CONFLICT, code: ErrorCode.PostNotEditable, message: 'This post can no longer be deleted.' });
    await this.db.transaction(async (manager) => {
      await this.posts.setStatus(post.id, PostStatus.Deleted, manager);
      if (post.status === PostStatus.Published) await this.threads.adjustPostCount(post.threadId, -1, manager);
      // Deleting the opening post takes the thread down with it: the author's choice to withdraw.
      if (await this.state.isOpeningPost(post.id, post.threadId, manager)) await this.threads.setStatus(post.threadId, PostStatus.Deleted, manager);
    });
  }

  /** Moderators add or change a warning without removing anything; logged with a reason. */
  async setWarning(grant: AccessGrant, post: PostEntity, dto: SetWarningDto): Promise<void> {
    const warning = normalizeWarning(dto, false);
    await this.db.transaction(async (manager) => {
      await this.posts.saveRevision(post, grant.actor!.id, this.clock.now(), manager);
      await this.state.setWarning(post.id, post.threadId, warning, manager);
      // A moderator's warning replaces what was added automatically.
      await this.state.setAutoWarnings(post.id, post.threadId, [], manager);
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
      if (post.authorId !== grant.actor!.id) await this.warningNotice.tell(post.authorId, warning.categories, dto.reason, manager);
    });
  }
}
