import { Body, Controller, Delete, Get, Header, HttpCode, HttpStatus, Patch, Req, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Inject } from '@nestjs/common';
import { RequireAccess } from '../access/access.decorators.js';
import { Action } from '../access/actions.js';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import { clearSessionCookie } from '../auth/session-cookie.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { AccountService } from './account.service.js';
import { DeleteAccountDto, UpdateSettingsDto, type MemberSettings } from './dto/account.dto.js';

@ApiTags('account')
@ApiCookieAuth()
@Controller('me')
export class AccountController {
  constructor(
    private readonly account: AccountService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('settings')
  @RequireAccess(Action.AccountRead)
  settings(@CurrentAuth() auth: AuthContext): MemberSettings {
    return this.account.settingsOf(auth.user);
  }

  @Patch('settings')
  @RequireAccess(Action.AccountManage)
  update(@CurrentAuth() auth: AuthContext, @Body() dto: UpdateSettingsDto): Promise<MemberSettings> {
    return this.account.updateSettings(auth.user, dto);
  }

  @Get('export')
  @RequireAccess(Action.AccountRead)
  @Header('Content-Disposition', 'attachment; filename="kindred-export.json"')
  export(@CurrentAuth() auth: AuthContext): Promise<Record<string, unknown>> {
    return this.account.export(auth.user);
  }

  @Delete()
  @HttpCode(HttpStatus.NO_CONTENT)
  @RequireAccess(Action.AccountManage)
  async remove(@CurrentAuth() auth: AuthContext, @Body() dto: DeleteAccountDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.account.delete(auth.user, dto.password, dto.eraseContent);
    clearSessionCookie(reply, req, this.config);
    void reply.header('Clear-Site-Data', '"cache", "cookies", "storage"');
  }
}
