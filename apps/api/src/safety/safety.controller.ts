import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import type { BlockedMember, WarningPreferences } from '@kindred/contracts';
import { RequireAccess } from '../access/access.decorators.js';
import { Action } from '../access/actions.js';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import { BlockDto, UpdateWarningPreferencesDto } from './dto/safety.dto.js';
import { SafetyService } from './safety.service.js';

@ApiTags('safety')
@ApiCookieAuth()
@Controller('me')
export class SafetyController {
  constructor(private readonly safety: SafetyService) {}

  @Get('warning-preferences')
  @RequireAccess(Action.AccountRead)
  preferences(@CurrentAuth() auth: AuthContext): Promise<WarningPreferences> {
    return this.safety.getPreferences(auth.user.id);
  }

  @Put('warning-preferences')
  @RequireAccess(Action.AccountManage)
  updatePreferences(@CurrentAuth() auth: AuthContext, @Body() dto: UpdateWarningPreferencesDto): Promise<WarningPreferences> {
    return this.safety.updatePreferences(auth.user.id, dto as Partial<WarningPreferences>);
  }

  @Get('blocks')
  @RequireAccess(Action.AccountRead)
  blocks(@CurrentAuth() auth: AuthContext): Promise<BlockedMember[]> {
    return this.safety.listBlocks(auth.user.id);
  }

  @Post('blocks')
  @RequireAccess(Action.AccountManage)
  block(@CurrentAuth() auth: AuthContext, @Body() dto: BlockDto): Promise<BlockedMember> {
    return this.safety.block(auth.user.id, dto.handle);
  }

  @Delete('blocks/:userId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RequireAccess(Action.AccountManage)
  async unblock(@CurrentAuth() auth: AuthContext, @Param('userId', new ParseUUIDPipe()) userId: string): Promise<void> {
    await this.safety.unblock(auth.user.id, userId);
  }
}
