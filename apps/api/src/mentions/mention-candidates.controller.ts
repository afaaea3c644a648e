import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import type { MentionCandidate } from '@kindred/contracts';
import { AccessService } from '../access/access.service.js';
import { Action } from '../access/actions.js';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import { MentionCandidatesQueryDto } from './dto/mention-candidates-query.dto.js';
import { MentionCandidatesRepository } from './mention-candidates.repository.js';

/** The "@…" autocomplete of the thread, reply and chat composers. */
@ApiTags('mentions')
@ApiCookieAuth()
@Controller()
export class MentionCandidatesController {
  constructor(
    private readonly access: AccessService,
    private readonly candidates: MentionCandidatesRepository,
  ) {}

  /** Offered only to who may write in the room: a room they cannot read answers as reading it would. */
  @Get('rooms/:room/mention-candidates')
  async list(@CurrentAuth() auth: AuthContext, @Param('room') room: string, @Query() query: MentionCandidatesQueryDto): Promise<MentionCandidate[]> {
    const grant = await this.access.require({ user: auth.user, action: Action.RoomPost, roomId: room });
    const handles = await this.candidates.handles(grant.room!.id, grant.actor!.id, query.q);
    return handles.map((handle) => ({ handle }));
  }
}
