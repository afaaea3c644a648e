import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { LoginResponse } from '@kindred/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public, RequireAccess } from '../access/access.decorators.js';
import { Action } from '../access/actions.js';
import { SensitiveRateLimit } from '../common/http/rate-limit.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { AuthContext } from './auth-context.js';
import { AuthService } from './auth.service.js';
import { clientInfo } from './client-info.js';
import { CurrentAuth } from './current-auth.decorator.js';
import { CurrentUserDto } from './dto/current-user.dto.js';
import { RecoverAccountDto } from './dto/recover-account.dto.js';
import { RecoveryCodesDto, RecoveryCodesStatusDto, RegenerateRecoveryCodesDto } from './dto/recovery-codes.dto.js';
import { RecoveryService } from './recovery.service.js';
import { answerSignIn } from './sign-in-answer.js';

@ApiTags('auth')
@Controller('auth')
export class RecoveryController {
  constructor(
    private readonly auth: AuthService,
    private readonly recovery: RecoveryService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Forgot password: handle + recovery code + new password; signs in here and nowhere else,
   * or, with two-step sign-in on, asks for the second step (pending cookie) like the login.
   */
  @Public()
  @SensitiveRateLimit()
  @Post('recover')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: CurrentUserDto })
  async recover(@Body() dto: RecoverAccountDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<LoginResponse> {
    return answerSignIn(reply, req, this.config, await this.auth.recover(dto, clientInfo(req)));
  }

  @Get('recovery-codes')
  @ApiCookieAuth()
  @RequireAccess(Action.AccountRead)
  @ApiOkResponse({ type: RecoveryCodesStatusDto })
  async status(@CurrentAuth() auth: AuthContext): Promise<RecoveryCodesStatusDto> {
    return { remaining: await this.recovery.remaining(auth.user.id) };
  }

  @SensitiveRateLimit()
  @Post('recovery-codes')
  @HttpCode(HttpStatus.OK)
  @ApiCookieAuth()
  @RequireAccess(Action.AccountManage)
  @ApiOkResponse({ type: RecoveryCodesDto })
  async regenerate(@CurrentAuth() auth: AuthContext, @Body() dto: RegenerateRecoveryCodesDto): Promise<RecoveryCodesDto> {
    return { recoveryCodes: await this.recovery.regenerate(auth, dto.password) };
  }
}
