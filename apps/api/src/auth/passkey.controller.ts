import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Inject, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthenticationResponseJSON, PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public, RequireAccess } from '../access/access.decorators.js';
import { Action } from '../access/actions.js';
import { SensitiveRateLimit } from '../common/http/rate-limit.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { AuthContext } from './auth-context.js';
import { clientInfo } from './client-info.js';
import { CurrentAuth } from './current-auth.decorator.js';
import { CurrentUserDto } from './dto/current-user.dto.js';
import { PasskeyRegistrationDto, PasskeyRegistrationOptionsDto, PasskeySignInDto, PasskeySummaryDto, RemovePasskeyDto } from './dto/passkey.dto.js';
import { PASSKEY_SIGN_IN_COOKIE, clearPasskeySignInCookie, setPasskeySignInCookie } from './pending-login.js';
import { PasskeySignInService } from './passkey-sign-in.service.js';
import { PasskeyService } from './passkey.service.js';
import { setSessionCookie } from './session-cookie.js';

@ApiTags('auth')
@Controller('auth')
export class PasskeyController {
  constructor(
    private readonly passkeys: PasskeyService,
    private readonly signIn: PasskeySignInService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('passkeys')
  @ApiCookieAuth()
  @RequireAccess(Action.AccountRead)
  @ApiOkResponse({ type: [PasskeySummaryDto] })
  list(@CurrentAuth() auth: AuthContext): Promise<PasskeySummaryDto[]> {
    return this.passkeys.list(auth.user.id);
  }

  /** Options for `navigator.credentials.create`; the challenge is kept for this session, once. */
  @SensitiveRateLimit()
  @Post('passkeys/options')
  @HttpCode(HttpStatus.OK)
  @ApiCookieAuth()
  @RequireAccess(Action.AccountManage)
  registrationOptions(@CurrentAuth() auth: AuthContext, @Body() dto: PasskeyRegistrationOptionsDto): Promise<PublicKeyCredentialCreationOptionsJSON> {
    return this.passkeys.registrationOptions(auth, dto.password);
  }

  @SensitiveRateLimit()
  @Post('passkeys')
  @ApiCookieAuth()
  @RequireAccess(Action.AccountManage)
  @ApiCreatedResponse({ type: PasskeySummaryDto })
  register(@CurrentAuth() auth: AuthContext, @Body() dto: PasskeyRegistrationDto): Promise<PasskeySummaryDto> {
    return this.passkeys.register(auth, dto.name, dto.response as RegistrationResponseJSON);
  }

  @SensitiveRateLimit()
  @Delete('passkeys/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiCookieAuth()
  @RequireAccess(Action.AccountManage)
  @ApiNoContentResponse()
  async remove(@CurrentAuth() auth: AuthContext, @Param('id', new ParseUUIDPipe({ version: '4' })) id: string, @Body() dto: RemovePasskeyDto): Promise<void> {
    await this.passkeys.remove(auth, id, dto.password);
  }

  /**
   * Options for `navigator.credentials.get`: any of this site's passkeys on the device (no
   * handle asked). Like the password step, it has the general per-address budget only, not the
   * hourly one (people behind one address, say a shelter's wifi, must be able to sign in);
   * wrong answers count against the sign-in locks.
   */
  @Public()
  @Post('login/passkey/options')
  @HttpCode(HttpStatus.OK)
  async signInOptions(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<PublicKeyCredentialRequestOptionsJSON> {
    const { options, token } = await this.signIn.options();
    setPasskeySignInCookie(reply, req, this.config, token);
    return options;
  }

  @Public()
  @Post('login/passkey')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: CurrentUserDto })
  async signInWithPasskey(@Body() dto: PasskeySignInDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<CurrentUserDto> {
    // The ceremony is over whatever the answer: the cookie goes either way.
    clearPasskeySignInCookie(reply, req, this.config);
    const { user, token } = await this.signIn.signIn(req.cookies?.[PASSKEY_SIGN_IN_COOKIE], dto.response as AuthenticationResponseJSON, clientInfo(req));
    setSessionCookie(reply, req, this.config, token);
    return CurrentUserDto.from(user);
  }
}
