import { Body, Controller, Get, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../access/access.decorators.js';
import { clientInfo } from '../auth/client-info.js';
import { AuthService } from '../auth/auth.service.js';
import { CurrentUserDto } from '../auth/dto/current-user.dto.js';
import { setSessionCookie } from '../auth/session-cookie.js';
import { SensitiveRateLimit } from '../common/http/rate-limit.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { SetupAdminDto, SetupStatusDto } from './dto/setup-admin.dto.js';
import { SetupService } from './setup.service.js';

@ApiTags('setup')
@Controller('setup')
export class SetupController {
  constructor(
    private readonly setup: SetupService,
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('status')
  @ApiOkResponse({ type: SetupStatusDto })
  async status(): Promise<SetupStatusDto> {
    return { needed: await this.setup.isNeeded() };
  }

  @Public()
  @SensitiveRateLimit()
  @Post('admin')
  @ApiCreatedResponse({ type: CurrentUserDto })
  async createAdmin(@Body() dto: SetupAdminDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const admin = await this.setup.createAdmin(dto);
    const { token } = await this.auth.startSession(admin, clientInfo(req));
    setSessionCookie(reply, req, this.config, token);
    return CurrentUserDto.from(admin);
  }
}
