import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import type { BookmarkView, Page } from '@kindred/contracts';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import { DEFAULT_PAGE, PageQueryDto } from '../common/pagination/page-query.dto.js';
import { BookmarksService } from './bookmarks.service.js';
import { SaveBookmarkDto } from './dto/bookmark.dto.js';

/** Saved posts: the member's own list; nobody else can see or count it. */
@ApiTags('bookmarks')
@ApiCookieAuth()
@Controller()
export class BookmarksController {
  constructor(private readonly bookmarks: BookmarksService) {}

  @Get('me/bookmarks')
  page(@CurrentAuth() auth: AuthContext, @Query() query: PageQueryDto): Promise<Page<BookmarkView>> {
    return this.bookmarks.page(auth.user, query.cursor, query.limit ?? DEFAULT_PAGE);
  }

  /** Saves the post, or changes the note of one already saved. */
  @Put('posts/:id/bookmark')
  @HttpCode(HttpStatus.NO_CONTENT)
  async save(@CurrentAuth() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: SaveBookmarkDto): Promise<void> {
    await this.bookmarks.save(auth.user, id, dto.note);
  }

  @Delete('posts/:id/bookmark')
  @HttpCode(HttpStatus.NO_CONTENT)
  async remove(@CurrentAuth() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.bookmarks.remove(auth.user, id);
  }
}
