import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import type { NotificationSettings } from '@kindred/contracts';
import { RequireAccess } from '../access/access.decorators.js';
import { Action } from '../access/actions.js';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import { UpdateNotificationSettingsDto } from './dto/notification-settings.dto.js';
import { NotificationSettingsService } from './notification-settings.service.js';

@ApiTags('notifications')
@ApiCookieAuth()
@Controller('me/notification-settings')
export class NotificationSettingsController {
  constructor(private readonly settings: NotificationSettingsService) {}

  @Get()
  @RequireAccess(Action.AccountRead)
  get(@CurrentAuth() auth: AuthContext): Promise<NotificationSettings> {
    return this.settings.of(auth.user.id);
  }

  @Patch()
  @RequireAccess(Action.AccountManage)
  update(@CurrentAuth() auth: AuthContext, @Body() dto: UpdateNotificationSettingsDto): Promise<NotificationSettings> {
    return this.settings.update(auth.user.id, dto);
  }
}
