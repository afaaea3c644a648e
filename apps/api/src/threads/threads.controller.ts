import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import type { Page, PostListItem, PostView, ThreadDetail, ThreadSummary } from '@kindred/contracts';
import { AccessService } from '../access/access.service.js';
import { Action } from '../access/actions.js';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import { PageQueryDto } from '../common/pagination/page-query.dto.js';
import { CreatePostDto, CreateThreadDto } from '../posts/dto/post.dto.js';
import { PostWriterService } from '../posts/post-writer.service.js';
import { PostsService } from '../posts/posts.service.js';
import { ViewerService } from '../posts/viewer.service.js';
import { ThreadAccessService } from './thread-access.service.js';
import { ThreadsService } from './threads.service.js';

const DEFAULT_PAGE = 25;

@ApiTags('threads')
@ApiCookieAuth()
@Controller()
export class ThreadsController {
  constructor(
    private readonly access: AccessService,
    private readonly threadAccess: ThreadAccessService,
    private readonly threads: ThreadsService,
    private readonly posts: PostsService,
    private readonly writer: PostWriterService,
    private readonly viewers: ViewerService,
  ) {}

  @Get('rooms/:room/threads')
  async list(@CurrentAuth() auth: AuthContext, @Param('room') room: string, @Query() query: PageQueryDto): Promise<Page<ThreadSummary>> {
    const grant = await this.access.require({ user: auth.user, action: Action.RoomRead, roomId: room });
    const viewer = await this.viewers.context(auth.user, grant);
    return this.threads.list(grant, viewer.filter, query.cursor, query.limit ?? DEFAULT_PAGE);
  }

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

  @Put('threads/:id/mute')
  @HttpCode(HttpStatus.NO_CONTENT)
  async mute(@CurrentAuth() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.threadAccess.thread(auth.user, id);
    await this.threads.setMuted(id, auth.user.id, true);
  }

  @Delete('threads/:id/mute')
  @HttpCode(HttpStatus.NO_CONTENT)
  async unmute(@CurrentAuth() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.threadAccess.thread(auth.user, id);
    await this.threads.setMuted(id, auth.user.id, false);
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
