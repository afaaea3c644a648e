import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { ComposeCheckResult } from '@kindred/contracts';
import { AccessService } from '../access/access.service.js';
import { Action } from '../access/actions.js';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import { ComposeCheckService, requireCoherentDraft } from './compose-check.service.js';
import { ComposeCheckDto } from './dto/compose-check.dto.js';

/**
 * One check for every composer (threads, replies, room chat, private messages). The draft is
 * read only where its author may read: a room or conversation they cannot see answers 404, the
 * same as one that does not exist. Rate-limited by the global per-address budget like other writes.
 */
@ApiTags('compose-check')
@ApiCookieAuth()
@Controller('compose/check')
export class ComposeCheckController {
  constructor(
    private readonly access: AccessService,
    private readonly checks: ComposeCheckService,
  ) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ description: 'Codes and offsets only: what could identify someone, crisis language, suggested warnings.' })
  async check(@CurrentAuth() auth: AuthContext, @Body() draft: ComposeCheckDto): Promise<ComposeCheckResult> {
    requireCoherentDraft(draft);
    const { roomId, conversationId } = draft.context;
    const grant = conversationId
      ? await this.access.require({ user: auth.user, action: Action.ConversationRead, conversationId })
      : await this.access.require({ user: auth.user, action: Action.RoomRead, roomId });
    return this.checks.check(grant, draft);
  }
}
