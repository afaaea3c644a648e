import { Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import type { NotificationView } from '@kindred/contracts';
import { RequireAccess } from '../access/access.decorators.js';
import { Action } from '../access/actions.js';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import { NotificationsService } from './notifications.service.js';

@ApiTags('notifications')
@ApiCookieAuth()
@Controller('me/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @RequireAccess(Action.AccountRead)
  list(@CurrentAuth() auth: AuthContext): Promise<NotificationView[]> {
    return this.notifications.list(auth.user.id);
  }

  @Post('read-all')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RequireAccess(Action.AccountManage)
  async readAll(@CurrentAuth() auth: AuthContext): Promise<void> {
    await this.notifications.markAllRead(auth.user.id);
  }

  @Post(':id/read')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RequireAccess(Action.AccountManage)
  async read(@CurrentAuth() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.notifications.markRead(auth.user.id, id);
  }
}
