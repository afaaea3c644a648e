import { Controller, Get, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { Role, type Page, type SearchResult } from '@kindred/contracts';
import { AccessService } from '../access/access.service.js';
import { Action } from '../access/actions.js';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import { SearchQueryDto } from '../posts/dto/post.dto.js';
import { ViewerService } from '../safety/viewer.service.js';
import { SearchService } from './search.service.js';

@ApiTags('search')
@ApiCookieAuth()
@Controller('search')
export class SearchController {
  constructor(
    private readonly access: AccessService,
    private readonly search: SearchService,
    private readonly viewers: ViewerService,
  ) {}

  @Get()
  async find(@CurrentAuth() auth: AuthContext, @Query() query: SearchQueryDto): Promise<Page<SearchResult>> {
    const grant = query.room
      ? await this.access.require({ user: auth.user, action: Action.RoomRead, roomId: query.room })
      : await this.access.require({ user: auth.user, action: Action.AccountRead });
    const viewer = await this.viewers.context(auth.user, { ...grant, canModerate: auth.user.role !== Role.Member });
    return this.search.search(auth.user, viewer, query.q, grant.room?.id, query.cursor, 20);
  }
}
