import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
import { TotpConfirmDto, TotpDisableDto, TotpSetupDto, TotpSetupResponseDto, TotpStatusDto, TwoStepLoginDto } from './dto/totp.dto.js';
import { PENDING_LOGIN_COOKIE, clearPendingLoginCookie } from './pending-login.js';
import { setSessionCookie } from './session-cookie.js';
import { TotpService } from './totp.service.js';

@ApiTags('auth')
@Controller('auth')
export class TotpController {
  constructor(
    private readonly auth: AuthService,
    private readonly totp: TotpService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The second step of sign-in, after the password step set the pending cookie. */
  @Public()
  @Post('login/two-step')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: CurrentUserDto })
  async twoStep(@Body() dto: TwoStepLoginDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<CurrentUserDto> {
    const { user, token } = await this.auth.completeTwoStep(req.cookies?.[PENDING_LOGIN_COOKIE], dto.code, clientInfo(req));
    clearPendingLoginCookie(reply, req, this.config);
    setSessionCookie(reply, req, this.config, token);
    return CurrentUserDto.from(user);
  }

  @Get('totp')
  @ApiCookieAuth()
  @RequireAccess(Action.AccountRead)
  @ApiOkResponse({ type: TotpStatusDto })
  async status(@CurrentAuth() auth: AuthContext): Promise<TotpStatusDto> {
    return { enabled: await this.totp.isEnabled(auth.user.id) };
  }

  @SensitiveRateLimit()
  @Post('totp/setup')
  @HttpCode(HttpStatus.OK)
  @ApiCookieAuth()
  @RequireAccess(Action.AccountManage)
  @ApiOkResponse({ type: TotpSetupResponseDto })
  setup(@CurrentAuth() auth: AuthContext, @Body() dto: TotpSetupDto): Promise<TotpSetupResponseDto> {
    return this.totp.setup(auth, dto.password);
  }

  @SensitiveRateLimit()
  @Post('totp/confirm')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiCookieAuth()
  @RequireAccess(Action.AccountManage)
  @ApiNoContentResponse()
  async confirm(@CurrentAuth() auth: AuthContext, @Body() dto: TotpConfirmDto): Promise<void> {
    await this.totp.confirm(auth, dto.code);
  }

  @SensitiveRateLimit()
  @Post('totp/disable')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiCookieAuth()
  @RequireAccess(Action.AccountManage)
  @ApiNoContentResponse()
  async disable(@CurrentAuth() auth: AuthContext, @Body() dto: TotpDisableDto): Promise<void> {
    await this.totp.disable(auth, dto.password, dto.code);
  }
}
