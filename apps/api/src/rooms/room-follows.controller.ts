import { Controller, Delete, HttpCode, HttpStatus, Param, Put } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { AccessService } from '../access/access.service.js';
import { Action } from '../access/actions.js';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import { MembershipsService } from './memberships.service.js';

/** Following a whole room: a notice for each new thread there. Only someone who can read the room may follow it. */
@ApiTags('rooms')
@ApiCookieAuth()
@Controller('rooms')
export class RoomFollowsController {
  constructor(
    private readonly access: AccessService,
    private readonly memberships: MembershipsService,
  ) {}

  /** `:room` is the room's id or its slug. Idempotent. */
  @Put(':room/follow')
  @HttpCode(HttpStatus.NO_CONTENT)
  async follow(@CurrentAuth() auth: AuthContext, @Param('room') room: string): Promise<void> {
    await this.memberships.setFollowing(await this.access.require({ user: auth.user, action: Action.RoomRead, roomId: room }), true);
  }

  @Delete(':room/follow')
  @HttpCode(HttpStatus.NO_CONTENT)
  async unfollow(@CurrentAuth() auth: AuthContext, @Param('room') room: string): Promise<void> {
    await this.memberships.setFollowing(await this.access.require({ user: auth.user, action: Action.RoomRead, roomId: room }), false);
  }
}
