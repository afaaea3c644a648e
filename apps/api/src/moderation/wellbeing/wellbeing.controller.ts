import { Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import type { ModeratorWellbeingView } from '@kindred/contracts';
import { AccessService } from '../../access/access.service.js';
import { Action } from '../../access/actions.js';
import type { AuthContext } from '../../auth/auth-context.js';
import { CurrentAuth } from '../../auth/current-auth.decorator.js';
import { WellbeingService } from './wellbeing.service.js';

/** Moderator wellbeing: folding harmful items, a moderator's own exposure, and break suggestions. */
@ApiTags('moderation')
@ApiCookieAuth()
@Controller()
export class WellbeingController {
  constructor(
    private readonly access: AccessService,
    private readonly wellbeing: WellbeingService,
  ) {}

  @Put('moderation/queue/:id/reveal')
  @HttpCode(HttpStatus.NO_CONTENT)
  async reveal(@CurrentAuth() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.wellbeing.setRevealed(await this.workQueue(auth), id, true);
  }

  @Delete('moderation/queue/:id/reveal')
  @HttpCode(HttpStatus.NO_CONTENT)
  async fold(@CurrentAuth() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.wellbeing.setRevealed(await this.workQueue(auth), id, false);
  }

  /** The asking moderator's own figures; no route names another moderator. */
  @Get('me/moderation/wellbeing')
  async mine(@CurrentAuth() auth: AuthContext): Promise<ModeratorWellbeingView> {
    return this.wellbeing.mine(await this.workQueue(auth));
  }

  private workQueue(auth: AuthContext) {
    return this.access.require({ user: auth.user, action: Action.ModerationQueue });
  }
}
