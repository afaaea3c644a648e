import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import type { Page, PostListItem, PostView, ThreadDetail } from '@kindred/contracts';
import { AccessService } from '../access/access.service.js';
import { Action } from '../access/actions.js';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import { DEFAULT_PAGE, PageQueryDto } from '../common/pagination/page-query.dto.js';
import { ThreadAccessService } from '../threads/thread-access.service.js';
import { CreatePostDto, CreateThreadDto } from './dto/post.dto.js';
import { ThreadPostsService } from './thread-posts.service.js';

/** Starting a thread, a thread with its opening post, and a thread's posts. */
@ApiTags('threads')
@ApiCookieAuth()
@Controller()
export class ThreadPostsController {
  constructor(
    private readonly access: AccessService,
    private readonly threadAccess: ThreadAccessService,
    private readonly threadPosts: ThreadPostsService,
  ) {}

  /** A resend (same title, words and warning within 10 minutes) answers with the thread already saved. */
  @Post('rooms/:room/threads')
  async create(@CurrentAuth() auth: AuthContext, @Param('room') room: string, @Body() dto: CreateThreadDto): Promise<ThreadDetail> {
    return this.threadPosts.create(await this.access.require({ user: auth.user, action: Action.RoomPost, roomId: room }), dto);
  }

  @Get('threads/:id')
  async get(@CurrentAuth() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string): Promise<ThreadDetail> {
    const { thread, grant } = await this.threadAccess.thread(auth.user, id);
    return this.threadPosts.detail(grant, thread);
  }

  @Get('threads/:id/posts')
  async page(@CurrentAuth() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string, @Query() query: PageQueryDto): Promise<Page<PostListItem>> {
    const { grant, seen } = await this.threadAccess.threadForReader(auth.user, id);
    return this.threadPosts.page(grant, id, query.cursor, query.limit ?? DEFAULT_PAGE, seen);
  }

  /** A resend (same words and warning within 10 minutes) answers with the reply already saved. */
  @Post('threads/:id/posts')
  async reply(@CurrentAuth() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: CreatePostDto): Promise<PostView> {
    const { grant } = await this.threadAccess.thread(auth.user, id, Action.RoomPost);
    return this.threadPosts.reply(grant, id, dto, auth.user.handle);
  }
}
