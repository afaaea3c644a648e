import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Put } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import type { DraftLookup, DraftView } from '@kindred/contracts';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import { DraftsService } from './drafts.service.js';
import { DraftParams, SaveDraftDto } from './dto/draft.dto.js';

/** The member's own unsent words for one place; nobody else can read or count them. */
@ApiTags('drafts')
@ApiCookieAuth()
@Controller('me/drafts')
export class DraftsController {
  constructor(private readonly drafts: DraftsService) {}

  @Get(':kind/:targetId')
  async find(@CurrentAuth() auth: AuthContext, @Param() params: DraftParams): Promise<DraftLookup> {
    return { draft: await this.drafts.find(auth.user, params) };
  }

  /** Saved as the member types: the whole draft each time, the newest words win. */
  @Put(':kind/:targetId')
  save(@CurrentAuth() auth: AuthContext, @Param() params: DraftParams, @Body() dto: SaveDraftDto): Promise<DraftView> {
    return this.drafts.save(auth, params, dto);
  }

  @Delete(':kind/:targetId')
  @HttpCode(HttpStatus.NO_CONTENT)
  async discard(@CurrentAuth() auth: AuthContext, @Param() params: DraftParams): Promise<void> {
    await this.drafts.discard(auth.user, params);
  }
}
