import { Injectable } from '@nestjs/common';
import type { Page, PostListItem, PostView, ThreadDetail } from '@kindred/contracts';
import type { AccessGrant } from '../access/access.service.js';
import { ViewerService } from '../safety/viewer.service.js';
import type { ThreadEntity } from '../threads/thread.entity.js';
import type { ReadPosition } from '../threads/thread.repository.js';
import { ThreadAccessService } from '../threads/thread-access.service.js';
import { ThreadsService } from '../threads/threads.service.js';
import type { CreatePostDto, CreateThreadDto } from './dto/post.dto.js';
import { PostWriterService } from './post-writer.service.js';
import { PostsService } from './posts.service.js';

/** A thread as a page of posts: starting one, opening one, reading and replying. */
@Injectable()
export class ThreadPostsService {
  constructor(
    private readonly threadAccess: ThreadAccessService,
    private readonly threads: ThreadsService,
    private readonly posts: PostsService,
    private readonly writer: PostWriterService,
    private readonly viewers: ViewerService,
  ) {}

  /** `grant`: room.post in the room. Answers with the new thread as its author sees it. */
  async create(grant: AccessGrant, dto: CreateThreadDto): Promise<ThreadDetail> {
    const { threadId, support, supportWarning } = await this.writer.createThread(grant, dto);
    const opened = await this.threadAccess.thread(grant.actor, threadId);
    return { ...(await this.detail(opened.grant, opened.thread)), ...(support ? { support, supportWarning } : {}) };
  }

  /** `grant`: room.read for the thread's room. The thread's summary and its opening post. */
  async detail(grant: AccessGrant, thread: ThreadEntity): Promise<ThreadDetail> {
    const viewer = await this.viewers.context(grant.actor, grant);
    const own = thread.authorId === grant.actor?.id;
    // Someone who hides this thread's topics, or blocked its author, cannot open it.
    if (!own && viewer.filter.hides(viewer.filter.seen(thread.contentWarnings, thread.autoWarnings, thread.authorId), thread.authorId)) throw this.viewers.hiddenBySettings();
    // The same for a title one of their own `hide` filters matches (null for their own thread).
    if (viewer.filter.filtered(thread.authorId, thread.title, thread.warningNote)?.hide) throw this.viewers.hiddenBySettings();
    const { summary, lastRead } = await this.threads.summaryOf(thread, grant, viewer.filter);
    const firstPost = await this.posts.openingPost(thread.id, own ? { ...viewer, filter: this.viewers.unfiltered(viewer.userId) } : viewer);
    if (!firstPost || firstPost.kind !== 'post') throw this.viewers.hiddenBySettings();
    return { ...summary, firstPost, lastRead };
  }

  /**
   * `grant`: room.read for the thread's room. A signed-in reader has now seen the thread up to
   * the page's last post (placeholders included: they were passed too); the marker only moves
   * forward, and `seen` (where it stood when the thread was found) spares a write that would not move it.
   */
  async page(grant: AccessGrant, threadId: string, cursor: string | undefined, limit: number, seen: ReadPosition | null = null): Promise<Page<PostListItem>> {
    const { page, last } = await this.posts.page(threadId, await this.viewers.context(grant.actor, grant), cursor, limit);
    if (grant.actor && last) await this.threads.markSeen(grant.actor.id, threadId, last, seen);
    return page;
  }

  /** `grant`: room.post for the thread's room. The author always sees their own words, whatever their settings say. */
  async reply(grant: AccessGrant, threadId: string, dto: CreatePostDto, authorHandle: string): Promise<PostView> {
    const { postId, written, support, supportWarning } = await this.writer.reply(grant, threadId, dto);
    const viewer = await this.viewers.context(grant.actor, grant);
    const own = { ...viewer, filter: this.viewers.unfiltered(viewer.userId) };
    // A new post is answered as it was written; a resend (which may have reactions by now) is read.
    const post = (written ? await this.posts.fresh(written, authorHandle, own) : await this.posts.one(postId, own)) as PostView;
    return support ? { ...post, support, supportWarning } : post;
  }
}
