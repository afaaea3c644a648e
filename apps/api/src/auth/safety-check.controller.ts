import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequireAccess } from '../access/access.decorators.js';
import { Action } from '../access/actions.js';
import { SensitiveRateLimit } from '../common/http/rate-limit.js';
import type { AuthContext } from './auth-context.js';
import { AccountSafetyService } from './account-safety.service.js';
import { CurrentAuth } from './current-auth.decorator.js';
import { SecureAccountResponseDto, SignInHistoryEntryDto } from './dto/safety-check.dto.js';
import { SecureAccountDto } from './dto/secure-account.dto.js';
import { SignInHistoryService } from './sign-in-history.service.js';

/** The safety check: sessions come from GET /api/auth/sessions; history and the one button here. */
@ApiTags('auth')
@Controller('auth')
export class SafetyCheckController {
  constructor(
    private readonly history: SignInHistoryService,
    private readonly safety: AccountSafetyService,
  ) {}

  @Get('sign-in-history')
  @ApiCookieAuth()
  @RequireAccess(Action.AccountRead)
  @ApiOkResponse({ type: [SignInHistoryEntryDto] })
  signInHistory(@CurrentAuth() auth: AuthContext): Promise<SignInHistoryEntryDto[]> {
    return this.history.list(auth.user.id);
  }

  @SensitiveRateLimit()
  @Post('secure-account')
  @HttpCode(HttpStatus.OK)
  @ApiCookieAuth()
  @RequireAccess(Action.AccountManage)
  @ApiOkResponse({ type: SecureAccountResponseDto })
  secureAccount(@CurrentAuth() auth: AuthContext, @Body() dto: SecureAccountDto): Promise<SecureAccountResponseDto> {
    return this.safety.secure(auth, dto);
  }
}
