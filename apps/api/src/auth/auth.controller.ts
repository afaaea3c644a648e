import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Inject, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { deviceKindOf, type LoginResponse, type LogoutEverywhereResponse } from '@kindred/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public, RequireAccess } from '../access/access.decorators.js';
import { Action } from '../access/actions.js';
import { SensitiveRateLimit } from '../common/http/rate-limit.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { AppError } from '../common/errors/app-error.js';
import { SESSION_COOKIE, type AuthContext } from './auth-context.js';
import { AuthService } from './auth.service.js';
import { clientInfo } from './client-info.js';
import { CurrentAuth } from './current-auth.decorator.js';
import { ChangePasswordDto } from './dto/change-password.dto.js';
import { CurrentUserDto, MeResponseDto, SessionSummaryDto } from './dto/current-user.dto.js';
import { LoginDto } from './dto/login.dto.js';
import { RegisteredUserDto } from './dto/recovery-codes.dto.js';
import { RegisterDto } from './dto/register.dto.js';
import { answerSignIn } from './sign-in-answer.js';
import { clearSessionCookie, setSessionCookie } from './session-cookie.js';
import { SessionService } from './session.service.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @SensitiveRateLimit()
  @Post('register')
  @ApiCreatedResponse({ type: RegisteredUserDto })
  async register(@Body() dto: RegisterDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<RegisteredUserDto> {
    const { user, token, recoveryCodes } = await this.auth.register(dto, clientInfo(req));
    setSessionCookie(reply, req, this.config, token);
    return RegisteredUserDto.withCodes(user, recoveryCodes);
  }

  @Public()
  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: CurrentUserDto })
  async login(@Body() dto: LoginDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<LoginResponse> {
    return answerSignIn(reply, req, this.config, await this.auth.login(dto, clientInfo(req)));
  }

  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiCookieAuth()
  @ApiNoContentResponse()
  async logout(@CurrentAuth() auth: AuthContext, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.auth.logout(auth);
    clearSessionCookie(reply, req, this.config);
  }

  @Post('logout-everywhere')
  @HttpCode(HttpStatus.OK)
  @ApiCookieAuth()
  async logoutEverywhere(
    @CurrentAuth() auth: AuthContext,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LogoutEverywhereResponse> {
    const revoked = await this.auth.logoutEverywhere(auth);
    clearSessionCookie(reply, req, this.config);
    return { revoked };
  }

  /**
   * Quick exit. Public so it works even when the session already ended; it ends this
   * browser's session and asks the browser to wipe what it stored for this site.
   */
  @Public()
  @Post('exit')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  async exit(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.auth.exit(req.cookies?.[SESSION_COOKIE]);
    clearSessionCookie(reply, req, this.config);
    void reply.header('Clear-Site-Data', '"cache", "cookies", "storage"');
  }

  /**
   * Public: asking who is signed in is how every page starts, and "nobody" is an answer, not
   * an error. A cookie whose session has ended is cleared on the way.
   */
  @Public()
  @Get('me')
  @ApiCookieAuth()
  @ApiOkResponse({ type: MeResponseDto })
  me(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): MeResponseDto {
    if (!req.auth && req.cookies?.[SESSION_COOKIE]) clearSessionCookie(reply, req, this.config);
    return { user: req.auth ? CurrentUserDto.from(req.auth.user) : null };
  }

  @SensitiveRateLimit()
  @Post('password')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiCookieAuth()
  @RequireAccess(Action.AccountManage)
  async changePassword(@CurrentAuth() auth: AuthContext, @Body() dto: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(auth, dto);
  }

  @Get('sessions')
  @ApiCookieAuth()
  @RequireAccess(Action.AccountRead)
  @ApiOkResponse({ type: [SessionSummaryDto] })
  async listSessions(@CurrentAuth() auth: AuthContext): Promise<SessionSummaryDto[]> {
    const sessions = await this.sessions.listActive(auth.user.id);
    return sessions.map((s) => ({
      id: s.id,
      current: s.id === auth.session.id,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      expiresAt: s.expiresAt.toISOString(),
      device: s.device,
      deviceKind: deviceKindOf(s.device),
    }));
  }

  @Post('sessions/revoke-others')
  @HttpCode(HttpStatus.OK)
  @ApiCookieAuth()
  @RequireAccess(Action.AccountManage)
  async logoutOtherDevices(@CurrentAuth() auth: AuthContext): Promise<LogoutEverywhereResponse> {
    return { revoked: await this.auth.logoutOtherDevices(auth) };
  }

  @Delete('sessions/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiCookieAuth()
  @RequireAccess(Action.AccountManage)
  async revokeSession(@CurrentAuth() auth: AuthContext, @Param('id', new ParseUUIDPipe({ version: '4' })) id: string): Promise<void> {
    if (!(await this.sessions.revokeOwned(auth.user.id, id))) throw AppError.notFound('No such active session.', 'session');
  }
}
