import { Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import type { Page, ThreadSummary } from '@kindred/contracts';
import { AccessService } from '../access/access.service.js';
import { Action } from '../access/actions.js';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import { DEFAULT_PAGE, PageQueryDto } from '../common/pagination/page-query.dto.js';
import { ViewerService } from '../safety/viewer.service.js';
import { ThreadAccessService } from './thread-access.service.js';
import { ThreadsService } from './threads.service.js';

/** A room's thread list, following and muting a thread, marking a room read; a thread's posts are served by posts/. */
@ApiTags('threads')
@ApiCookieAuth()
@Controller()
export class ThreadsController {
  constructor(
    private readonly access: AccessService,
    private readonly threadAccess: ThreadAccessService,
    private readonly threads: ThreadsService,
    private readonly viewers: ViewerService,
  ) {}

  @Get('rooms/:room/threads')
  async list(@CurrentAuth() auth: AuthContext, @Param('room') room: string, @Query() query: PageQueryDto): Promise<Page<ThreadSummary>> {
    const grant = await this.access.require({ user: auth.user, action: Action.RoomRead, roomId: room });
    const viewer = await this.viewers.context(auth.user, grant);
    return this.threads.list(grant, viewer.filter, query.cursor, query.limit ?? DEFAULT_PAGE);
  }

  /** "Mark room read": idempotent, so a repeated tap changes nothing but the time. */
  @Put('rooms/:room/read')
  @HttpCode(HttpStatus.NO_CONTENT)
  async markRoomRead(@CurrentAuth() auth: AuthContext, @Param('room') room: string): Promise<void> {
    await this.threads.markRoomRead(await this.access.require({ user: auth.user, action: Action.RoomRead, roomId: room }));
  }

  @Put('threads/:id/follow')
  @HttpCode(HttpStatus.NO_CONTENT)
  async follow(@CurrentAuth() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    const { grant } = await this.threadAccess.thread(auth.user, id);
    await this.threads.setFollowed(grant, id, true);
  }

  @Delete('threads/:id/follow')
  @HttpCode(HttpStatus.NO_CONTENT)
  async unfollow(@CurrentAuth() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    const { grant } = await this.threadAccess.thread(auth.user, id);
    await this.threads.setFollowed(grant, id, false);
  }

  @Put('threads/:id/mute')
  @HttpCode(HttpStatus.NO_CONTENT)
  async mute(@CurrentAuth() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    const { grant } = await this.threadAccess.thread(auth.user, id);
    await this.threads.setMuted(grant, id, true);
  }

  @Delete('threads/:id/mute')
  @HttpCode(HttpStatus.NO_CONTENT)
  async unmute(@CurrentAuth() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    const { grant } = await this.threadAccess.thread(auth.user, id);
    await this.threads.setMuted(grant, id, false);
  }
}
