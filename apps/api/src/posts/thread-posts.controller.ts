import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import type { Page, PostListItem, PostView, ThreadDetail } from '@kindred/contracts';
import { AccessService } from '../access/access.service.js';
import { Action } from '../access/actions.js';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import { DEFAULT_PAGE, PageQueryDto } from '../common/pagination/page-query.dto.js';
import { ViewerService } from '../safety/viewer.service.js';
import { ThreadAccessService } from '../threads/thread-access.service.js';
import { ThreadsService } from '../threads/threads.service.js';
import { CreatePostDto, CreateThreadDto } from './dto/post.dto.js';
import { PostWriterService } from './post-writer.service.js';
import { PostsService } from './posts.service.js';

/** Starting a thread, a thread with its opening post, and a thread's posts. */
@ApiTags('threads')
@ApiCookieAuth()
@Controller()
export class ThreadPostsController {
  constructor(
    private readonly access: AccessService,
    private readonly threadAccess: ThreadAccessService,
    private readonly threads: ThreadsService,
    private readonly posts: PostsService,
    private readonly writer: PostWriterService,
    private readonly viewers: ViewerService,
  ) {}

  /** A resend (same title, words and warning within 10 minutes) answers with the thread already saved. */
  @Post('rooms/:room/threads')
  async create(@CurrentAuth() auth: AuthContext, @Param('room') room: string, @Body() dto: CreateThreadDto): Promise<ThreadDetail> {
    const grant = await this.access.require({ user: auth.user, action: Action.RoomPost, roomId: room });
    const { threadId, support } = await this.writer.createThread(grant, dto);
    return { ...(await this.detail(auth, threadId)), ...(support ? { support } : {}) };
  }

  @Get('threads/:id')
  async get(@CurrentAuth() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string): Promise<ThreadDetail> {
    return this.detail(auth, id);
  }

  @Get('threads/:id/posts')
  async page(@CurrentAuth() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string, @Query() query: PageQueryDto): Promise<Page<PostListItem>> {
    const { grant } = await this.threadAccess.thread(auth.user, id);
    return this.posts.page(id, await this.viewers.context(auth.user, grant), query.cursor, query.limit ?? DEFAULT_PAGE);
  }

  /** A resend (same words and warning within 10 minutes) answers with the reply already saved. */
  @Post('threads/:id/posts')
  async reply(@CurrentAuth() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: CreatePostDto): Promise<PostView> {
    const { grant } = await this.threadAccess.thread(auth.user, id, Action.RoomPost);
    const { postId, support } = await this.writer.reply(grant, id, dto);
    // The author always sees their own words, whatever their warning settings say.
    const viewer = await this.viewers.context(auth.user, grant);
    const post = (await this.posts.one(postId, { ...viewer, filter: this.viewers.unfiltered() })) as PostView;
    return support ? { ...post, support } : post;
  }

  private async detail(auth: AuthContext, threadId: string): Promise<ThreadDetail> {
    const { thread, grant } = await this.threadAccess.thread(auth.user, threadId);
    const viewer = await this.viewers.context(auth.user, grant);
    const own = thread.authorId === auth.user.id;
    // Someone who hides this thread's topics, or blocked its author, cannot open it.
    if (!own && viewer.filter.hides(thread.contentWarnings, thread.authorId)) throw this.viewers.hiddenBySettings();
    const summary = await this.threads.summaryOf(thread, grant, viewer.filter);
    const firstPost = await this.posts.openingPost(threadId, own ? { ...viewer, filter: this.viewers.unfiltered() } : viewer);
    if (!firstPost || firstPost.kind !== 'post') throw this.viewers.hiddenBySettings();
    return { ...summary, firstPost };
  }
}
