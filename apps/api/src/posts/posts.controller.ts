import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import type { PostListItem, PostPreview, PostRevisionView } from '@kindred/contracts';
import { Action } from '../access/actions.js';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import { EditPostDto, PreviewPostDto, ReactionParams, SetWarningDto } from './dto/post.dto.js';
import { PostAccessService } from './post-access.service.js';
import { PostWriterService } from './post-writer.service.js';
import { PostsService } from './posts.service.js';
import { ViewerService } from '../safety/viewer.service.js';

@ApiTags('posts')
@ApiCookieAuth()
@Controller('posts')
export class PostsController {
  constructor(
    private readonly postAccess: PostAccessService,
    private readonly posts: PostsService,
    private readonly writer: PostWriterService,
    private readonly viewers: ViewerService,
  ) {}

  /** What this text will look like once posted (any signed-in member; nothing is stored or logged). */
  @Post('preview')
  @HttpCode(HttpStatus.OK)
  preview(@Body() dto: PreviewPostDto): PostPreview {
    return { bodyHtml: this.writer.render(dto.body) };
  }

  @Get(':id')
  async get(@CurrentAuth() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string): Promise<PostListItem> {
    const { grant } = await this.postAccess.post(auth.user, id);
    return this.posts.one(id, await this.viewers.context(auth.user, grant));
  }

  @Patch(':id')
  async edit(@CurrentAuth() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: EditPostDto): Promise<PostListItem> {
    const { post, grant } = await this.postAccess.post(auth.user, id, Action.RoomPost);
    await this.writer.edit(grant, post, dto);
    return this.posts.one(id, { ...(await this.viewers.context(auth.user, grant)), filter: this.viewers.unfiltered(auth.user.id) });
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  async delete(@CurrentAuth() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    const { post, grant } = await this.postAccess.post(auth.user, id);
    await this.writer.deleteOwn(grant, post);
  }

  /** Edit history: moderators only. */
  @Get(':id/revisions')
  async revisions(@CurrentAuth() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string): Promise<PostRevisionView[]> {
    const { grant } = await this.postAccess.post(auth.user, id, Action.RoomModerate);
    return this.posts.revisions(grant, id);
  }

  @Put(':id/warning')
  @HttpCode(HttpStatus.NO_CONTENT)
  async setWarning(@CurrentAuth() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: SetWarningDto): Promise<void> {
    const { post, grant } = await this.postAccess.post(auth.user, id, Action.RoomModerate);
    await this.writer.setWarning(grant, post, dto);
  }

  @Put(':id/reactions/:kind')
  @HttpCode(HttpStatus.NO_CONTENT)
  async react(@CurrentAuth() auth: AuthContext, @Param() params: ReactionParams): Promise<void> {
    const { grant } = await this.postAccess.post(auth.user, params.id, Action.RoomPost);
    await this.posts.react(grant, params.id, params.kind, true);
  }

  @Delete(':id/reactions/:kind')
  @HttpCode(HttpStatus.NO_CONTENT)
  async unreact(@CurrentAuth() auth: AuthContext, @Param() params: ReactionParams): Promise<void> {
    const { grant } = await this.postAccess.post(auth.user, params.id, Action.RoomPost);
    await this.posts.react(grant, params.id, params.kind, false);
  }
}
