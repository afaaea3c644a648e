import { Controller, Get, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import type { Page, SearchResult } from '@kindred/contracts';
import { AccessService } from '../access/access.service.js';
import { Action } from '../access/actions.js';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import { SearchQueryDto } from '../posts/dto/post.dto.js';
import { SearchService } from './search.service.js';

@ApiTags('search')
@ApiCookieAuth()
@Controller('search')
export class SearchController {
  constructor(
    private readonly access: AccessService,
    private readonly search: SearchService,
  ) {}

  @Get()
  async find(@CurrentAuth() auth: AuthContext, @Query() query: SearchQueryDto): Promise<Page<SearchResult>> {
    const grant = await this.access.require({ user: auth.user, action: Action.Search, roomId: query.room });
    return this.search.search(grant, query.q, query.cursor, 20);
  }
}
